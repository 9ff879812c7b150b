import { usePublicNotice, useStartCheckout } from '@pagamenti/api-client';
import { formatDate, formatEuro, PageContainer, QueryState } from '@pagamenti/ui';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { browser } from '../browser';
import { errorMessage, fieldErrors } from '../features/payments/api-errors';
import { InProgressChip, PayabilityChip } from '../features/payments/PayabilityChip';
import { printedNoticeNumber, useT } from '../i18n/i18n';
import { cleanEntityFiscalCode, cleanNoticeNumber } from '../features/pay-notice/notice-codes';

/** "Dati del pagamento" of a notice found by its code, and "Paga con pagoPA". */
export function NoticePage() {
  const { t } = useT();
  const params = useParams();
  const entityFiscalCode = cleanEntityFiscalCode(params['entityFiscalCode'] ?? '') ?? '';
  const noticeNumber = cleanNoticeNumber(params['noticeNumber'] ?? '') ?? '';
  const notice = usePublicNotice(entityFiscalCode, noticeNumber);
  const checkout = useStartCheckout();
  const [email, setEmail] = useState('');
  const [redirecting, setRedirecting] = useState(false);

  const pay = (event: FormEvent) => {
    event.preventDefault();
    checkout.mutate(
      { notices: [{ entityFiscalCode, noticeNumber }], ...(email.trim() ? { email: email.trim() } : {}) },
      {
        onSuccess: ({ checkoutUrl }) => {
          setRedirecting(true);
          browser.assign(checkoutUrl);
        },
      },
    );
  };

  if (!entityFiscalCode || !noticeNumber) {
    return (
      <PageContainer title={t('notice.title')}>
        <Alert color="danger" fade={false}>
          {t('notice.badCodes')}
        </Alert>
        <Link to="/">{t('notice.back')}</Link>
      </PageContainer>
    );
  }

  const emailError = fieldErrors(checkout.error)['email'];
  return (
    <PageContainer title={t('notice.title')}>
      <QueryState query={notice} loadingLabel={t('notice.loading')}>
        {(data) => (
          <>
            <dl className="row mb-4">
              <dt className="col-12 col-md-4">{t('notice.state')}</dt>
              <dd className="col-12 col-md-8 d-flex flex-wrap gap-2">
                <PayabilityChip payability={data.payability} />
                {data.paymentInProgress && <InProgressChip />}
              </dd>
              {data.entityName && (
                <>
                  <dt className="col-12 col-md-4">{t('notice.entity')}</dt>
                  <dd className="col-12 col-md-8">{data.entityName}</dd>
                </>
              )}
              <dt className="col-12 col-md-4">{t('notice.entityFiscalCode')}</dt>
              <dd className="col-12 col-md-8 font-monospace">{data.entityFiscalCode}</dd>
              <dt className="col-12 col-md-4">{t('notice.noticeNumber')}</dt>
              <dd className="col-12 col-md-8 font-monospace">{printedNoticeNumber(data.noticeNumber)}</dd>
              {data.description && (
                <>
                  <dt className="col-12 col-md-4">{t('notice.subject')}</dt>
                  <dd className="col-12 col-md-8">
                    {data.description}
                    {data.installment !== null && <> — {t('notice.installment', { n: data.installment })}</>}
                  </dd>
                </>
              )}
              {data.amountCents !== null && (
                <>
                  <dt className="col-12 col-md-4">{t('notice.amount')}</dt>
                  <dd className="col-12 col-md-8 fw-semibold fs-5">{formatEuro(data.amountCents)}</dd>
                </>
              )}
              {data.dueDate && (
                <>
                  <dt className="col-12 col-md-4">{t('notice.dueDate')}</dt>
                  <dd className="col-12 col-md-8">{formatDate(data.dueDate)}</dd>
                </>
              )}
            </dl>
            {data.payability === 'PAYABLE' ? (
              <form onSubmit={pay} noValidate aria-busy={checkout.isPending || redirecting}>
                <p className="small">{t('notice.amountMayChange')}</p>
                {data.paymentInProgress && (
                  <Alert color="warning" fade={false}>
                    {t('notice.inProgress')}
                  </Alert>
                )}
                <div className="mb-3" style={{ maxWidth: 480 }}>
                  <label htmlFor="email-esito" className="form-label fw-semibold">
                    {t('notice.email')}
                  </label>
                  <input
                    id="email-esito"
                    type="email"
                    autoComplete="email"
                    className={`form-control${emailError ? ' is-invalid' : ''}`}
                    value={email}
                    aria-invalid={emailError ? true : undefined}
                    aria-describedby={emailError ? 'email-esito-error' : undefined}
                    onChange={(event) => setEmail(event.target.value)}
                  />
                  {emailError && (
                    <div id="email-esito-error" className="invalid-feedback d-block">
                      {emailError}
                    </div>
                  )}
                </div>
                {checkout.isError && !emailError && (
                  <Alert color="danger" fade={false}>
                    {errorMessage(checkout.error, t)}
                  </Alert>
                )}
                <div aria-live="polite">
                  {redirecting && <p className="fw-semibold">{t('notice.redirecting')}</p>}
                </div>
                <Button color="primary" type="submit" disabled={checkout.isPending || redirecting}>
                  {t('notice.pay')}
                </Button>
              </form>
            ) : (
              <Alert color={data.payability === 'PAID' ? 'success' : 'warning'} fade={false}>
                {t(`payabilityMessage.${data.payability}`)}
              </Alert>
            )}
            <p className="mt-4">
              <Link to="/">{t('notice.back')}</Link>
            </p>
          </>
        )}
      </QueryState>
    </PageContainer>
  );
}
