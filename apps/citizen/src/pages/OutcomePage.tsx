import { attemptReceiptPdfUrl, useDeclareCheckoutOutcome, usePaymentAttempt } from '@pagamenti/api-client';
import type { PaymentAttempt } from '@pagamenti/contracts';
import { formatDateTime, formatEuro, LoadingState, PageContainer } from '@pagamenti/ui';
import { Alert } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { noticePath } from '../features/pay-notice/notice-codes';
import { errorMessage } from '../features/payments/api-errors';
import { printedNoticeNumber, type MessageKey, useT } from '../i18n/i18n';

/** After this long still IN_CORSO, say that the confirmation is late instead of "a few seconds". */
export const WAITING_AFTER_MS = 90_000;

/**
 * The page Checkout sends the citizen back to. The URL's `esito` only says which button they pressed: the
 * outcome shown is the API's, from the receipts, polled while the payment is in progress.
 */
export function OutcomePage() {
  const { t } = useT();
  const { reference = '' } = useParams();
  const [search] = useSearchParams();
  const declared = search.get('esito');
  const declare = useDeclareCheckoutOutcome(reference);
  const sent = useRef(false);
  const [declaring, setDeclaring] = useState(declared === 'annullato' || declared === 'errore');
  const attempt = usePaymentAttempt(declaring ? '' : reference);
  const [late, setLate] = useState(false);

  useEffect(() => {
    if (sent.current || !(declared === 'annullato' || declared === 'errore')) return;
    sent.current = true;
    declare.mutate(declared === 'annullato' ? 'CANCELLED' : 'ERROR', {
      onSettled: () => setDeclaring(false),
    });
  }, [declared, declare]);

  useEffect(() => {
    const timer = setTimeout(() => setLate(true), WAITING_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);

  const data = attempt.data;
  if (!data) {
    if (attempt.isError)
      return (
        <PageContainer title={t('outcome.failed.title')}>
          <Alert color="danger" fade={false}>
            {attempt.error && 'status' in attempt.error && attempt.error.status === 404
              ? t('outcome.notFound')
              : errorMessage(attempt.error, t)}
          </Alert>
          <Link to="/">{t('outcome.home')}</Link>
        </PageContainer>
      );
    return (
      <PageContainer title={t('outcome.inProgress.title')}>
        <LoadingState label={t('outcome.inProgress.text')} />
      </PageContainer>
    );
  }
  return <Outcome attempt={data} late={late} />;
}

const TITLES: Record<PaymentAttempt['status'], MessageKey> = {
  IN_CORSO: 'outcome.inProgress.title',
  PAGATO: 'outcome.paid.title',
  ANNULLATO: 'outcome.cancelled.title',
  ERRORE: 'outcome.failed.title',
};

function Outcome({ attempt, late }: { attempt: PaymentAttempt; late: boolean }) {
  const { t } = useT();
  const waiting = attempt.status === 'IN_CORSO' && late;
  const title = waiting ? 'outcome.waiting.title' : TITLES[attempt.status];
  const first = attempt.notices[0];
  return (
    <PageContainer title={t(title)}>
      <div aria-live="polite">
        {attempt.status === 'IN_CORSO' && (
          <p className="lead">{t(waiting ? 'outcome.waiting.text' : 'outcome.inProgress.text')}</p>
        )}
        {attempt.status === 'PAGATO' && (
          <Alert color="success" fade={false}>
            {t('outcome.paid.text', { amount: formatEuro(attempt.totalAmountCents) })}
          </Alert>
        )}
        {attempt.status === 'ANNULLATO' && (
          <Alert color="info" fade={false}>
            {t('outcome.cancelled.text')}
          </Alert>
        )}
        {attempt.status === 'ERRORE' && (
          <Alert color="danger" fade={false}>
            {t('outcome.failed.text')}
          </Alert>
        )}
      </div>
      {attempt.receipts.length > 0 && (
        <section aria-labelledby="ricevute-titolo" className="mb-4">
          <h2 id="ricevute-titolo" className="h4">
            {t('outcome.receipts')}
          </h2>
          <ul className="list-unstyled">
            {attempt.receipts.map((receipt) => (
              <li key={receipt.id} className="border rounded p-3 mb-3">
                <p className="fw-semibold mb-1">
                  {receipt.companyName} — {receipt.description}
                </p>
                <p className="mb-1">
                  {formatEuro(receipt.amountCents)} ·{' '}
                  {t('outcome.paidAt', { date: formatDateTime(receipt.paidAt) })}
                </p>
                {receipt.feeCents !== null && (
                  <p className="small mb-1">{t('outcome.fee', { fee: formatEuro(receipt.feeCents) })}</p>
                )}
                <p className="small mb-2">{t('outcome.psp', { psp: receipt.pspCompanyName })}</p>
                <a href={attemptReceiptPdfUrl(attempt.reference, receipt.id)}>
                  {t('outcome.download')}{' '}
                  <span className="visually-hidden">
                    {t('outcome.downloadOf', { notice: printedNoticeNumber(receipt.noticeNumber) })}
                  </span>{' '}
                  (PDF)
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="avvisi-titolo" className="mb-4">
        <h2 id="avvisi-titolo" className="h4">
          {t('outcome.notices')}
        </h2>
        <ul>
          {attempt.notices.map((notice) => (
            <li key={`${notice.entityFiscalCode}-${notice.noticeNumber}`}>
              {notice.entityName} — {notice.description}: {formatEuro(notice.amountCents)} (
              <span className="font-monospace">{printedNoticeNumber(notice.noticeNumber)}</span>)
            </li>
          ))}
        </ul>
      </section>
      <p className="d-flex flex-wrap gap-3">
        {(attempt.status === 'ANNULLATO' || attempt.status === 'ERRORE') && first && (
          <Link className="btn btn-primary" to={noticePath(first.entityFiscalCode, first.noticeNumber)}>
            {t('outcome.retry')}
          </Link>
        )}
        <Link className="btn btn-outline-primary" to="/">
          {t('outcome.home')}
        </Link>
      </p>
    </PageContainer>
  );
}
