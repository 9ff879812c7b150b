import { myNoticePdfUrl, useMyPositions, useStartMyCheckout } from '@pagamenti/api-client';
import { MAX_CART_NOTICES, type MyPaymentOption, type MyPosition } from '@pagamenti/contracts';
import { EmptyState, formatDate, formatDateTime, formatEuro, PageContainer, QueryState } from '@pagamenti/ui';
import { Alert, Button } from 'design-react-kit';
import { useState } from 'react';
import { Link } from 'react-router';
import { browser } from '../browser';
import { errorMessage } from '../features/payments/api-errors';
import { InProgressChip, PayabilityChip } from '../features/payments/PayabilityChip';
import { printedNoticeNumber, type Translate, useT } from '../i18n/i18n';

interface Selected {
  positionId: string;
  entityFiscalCode: string;
  noticeNumber: string;
  installment: number | null;
  amountCents: number;
}

function optionName(option: MyPaymentOption, position: MyPosition, t: Translate): string {
  const installments = position.options.filter((candidate) => candidate.installment !== null).length;
  return option.installment === null
    ? t('myNotices.single')
    : t('myNotices.installment', { n: option.installment, total: installments });
}

/**
 * "I miei avvisi": the open positions where the logged-in person is the debtor, at every entity, with their
 * options; up to 5 payable options are paid together in one Checkout cart. Picking the single payment of a
 * position drops its installments from the selection, and the other way round.
 */
export function MyNoticesPage() {
  const { t } = useT();
  const positions = useMyPositions();
  const checkout = useStartMyCheckout();
  const [selected, setSelected] = useState<Selected[]>([]);
  const [redirecting, setRedirecting] = useState(false);

  const toggle = (position: MyPosition, option: MyPaymentOption, on: boolean) => {
    setSelected((current) => {
      const others = current.filter((item) => item.noticeNumber !== option.noticeNumber);
      if (!on) return others;
      const compatible = others.filter(
        (item) =>
          item.positionId !== position.id || (item.installment === null) === (option.installment === null),
      );
      return [
        ...compatible,
        {
          positionId: position.id,
          entityFiscalCode: position.entityFiscalCode,
          noticeNumber: option.noticeNumber,
          installment: option.installment,
          amountCents: option.amountCents,
        },
      ];
    });
  };

  const pay = () =>
    checkout.mutate(
      { notices: selected.map(({ entityFiscalCode, noticeNumber }) => ({ entityFiscalCode, noticeNumber })) },
      {
        onSuccess: ({ checkoutUrl }) => {
          setRedirecting(true);
          browser.assign(checkoutUrl);
        },
      },
    );

  const total = selected.reduce((sum, item) => sum + item.amountCents, 0);
  const full = selected.length >= MAX_CART_NOTICES;

  return (
    <PageContainer title={t('myNotices.title')} lead={t('myNotices.lead')}>
      <QueryState query={positions} loadingLabel={t('myNotices.loading')} skeletonRows={4}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('myNotices.empty')}>
              <p className="mb-1">{t('myNotices.emptyHint')}</p>
              <Link to="/">{t('myNotices.payByCode')}</Link>
            </EmptyState>
          ) : (
            <>
              <p className="small">
                {t('myNotices.updated', { date: formatDateTime(positions.dataUpdatedAt) })}
              </p>
              {list.map((position) => (
                <PositionCard
                  key={position.id}
                  position={position}
                  selected={selected}
                  full={full}
                  onToggle={toggle}
                />
              ))}
              <div
                className="position-sticky bottom-0 bg-white border-top py-3 mt-4 d-flex flex-wrap align-items-center gap-3"
                aria-busy={checkout.isPending || redirecting}
              >
                <p className="mb-0 fw-semibold" aria-live="polite">
                  {selected.length === 0
                    ? t('myNotices.noneSelected')
                    : t('myNotices.selected', { count: selected.length, total: formatEuro(total) })}
                </p>
                {full && <p className="mb-0 small">{t('myNotices.limit')}</p>}
                <Button
                  color="primary"
                  disabled={selected.length === 0 || checkout.isPending || redirecting}
                  onClick={pay}
                >
                  {t('myNotices.pay', { count: selected.length })}
                </Button>
                <div aria-live="polite" className="w-100">
                  {redirecting && <p className="fw-semibold mb-0">{t('notice.redirecting')}</p>}
                  {checkout.isError && (
                    <Alert color="danger" fade={false} className="mb-0">
                      {errorMessage(checkout.error, t)}
                    </Alert>
                  )}
                </div>
              </div>
            </>
          )
        }
      </QueryState>
    </PageContainer>
  );
}

function PositionCard({
  position,
  selected,
  full,
  onToggle,
}: {
  position: MyPosition;
  selected: Selected[];
  full: boolean;
  onToggle: (position: MyPosition, option: MyPaymentOption, on: boolean) => void;
}) {
  const { t } = useT();
  const titleId = `posizione-${position.id}`;
  const payable = position.options.some((option) => option.payability === 'PAYABLE');
  return (
    <section className="card card-bg shadow-sm rounded mb-4" aria-labelledby={titleId}>
      <div className="card-body">
        <p className="small text-uppercase fw-semibold mb-1">{position.entityName}</p>
        <h2 id={titleId} className="h5 mb-1">
          {position.dueTypeName}
        </h2>
        <p className="mb-2">{position.description}</p>
        {position.paidCents > 0 && (
          <p className="small mb-2">
            {t('myNotices.partlyPaid', {
              paid: formatEuro(position.paidCents),
              amount: formatEuro(position.amountCents),
            })}
          </p>
        )}
        <div className="table-responsive">
          <table className="table table-sm align-middle mb-2">
            <caption className="visually-hidden">{position.dueTypeName}</caption>
            <thead>
              <tr>
                <th scope="col">{t('myNotices.select')}</th>
                <th scope="col">{t('myNotices.option')}</th>
                <th scope="col">{t('notice.noticeNumber')}</th>
                <th scope="col" className="text-end">
                  {t('myNotices.amount')}
                </th>
                <th scope="col">{t('myNotices.dueDate')}</th>
                <th scope="col">{t('myNotices.state')}</th>
              </tr>
            </thead>
            <tbody>
              {position.options.map((option) => {
                const name = optionName(option, position, t);
                const isSelected = selected.some((item) => item.noticeNumber === option.noticeNumber);
                const checkboxId = `seleziona-${option.noticeNumber}`;
                return (
                  <tr key={option.noticeNumber}>
                    <td>
                      {option.payability === 'PAYABLE' && (
                        <input
                          id={checkboxId}
                          type="checkbox"
                          className="form-check-input position-static m-0"
                          checked={isSelected}
                          disabled={!isSelected && full}
                          aria-label={t('myNotices.selectLabel', {
                            option: name,
                            notice: printedNoticeNumber(option.noticeNumber),
                          })}
                          onChange={(event) => onToggle(position, option, event.target.checked)}
                        />
                      )}
                    </td>
                    <th scope="row" className="fw-normal">
                      {name}
                    </th>
                    <td className="font-monospace text-nowrap">{printedNoticeNumber(option.noticeNumber)}</td>
                    <td className="text-end text-nowrap">{formatEuro(option.amountCents)}</td>
                    <td className="text-nowrap">{formatDate(option.dueDate)}</td>
                    <td>
                      <div className="d-flex flex-wrap gap-1">
                        <PayabilityChip payability={option.payability} />
                        {option.paymentInProgress && <InProgressChip />}
                      </div>
                      {option.paidAt && (
                        <span className="small">
                          {t('myNotices.paidOn', { date: formatDate(option.paidAt) })}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {payable && <a href={myNoticePdfUrl(position.id)}>{t('myNotices.downloadNotice')}</a>}
      </div>
    </section>
  );
}
