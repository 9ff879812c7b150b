import { myReceiptPdfUrl, useMyReceipts } from '@pagamenti/api-client';
import type { MyReceiptsQuery } from '@pagamenti/contracts';
import {
  centsToEuroInput,
  EmptyState,
  formatDateTime,
  formatEuro,
  PageContainer,
  parseEuroToCents,
  QueryState,
  TextField,
} from '@pagamenti/ui';
import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { printedNoticeNumber, useT } from '../i18n/i18n';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters in the URL (`?ente=&dal=&al=&min=&max=`, amounts in cents), so Back and shared links keep them. */
function queryOf(params: URLSearchParams): Omit<MyReceiptsQuery, 'cursor'> {
  const cents = (name: string) => {
    const value = params.get(name);
    return value && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const day = (name: string) => {
    const value = params.get(name);
    return value && DAY.test(value) ? value : undefined;
  };
  const query: Omit<MyReceiptsQuery, 'cursor'> = {};
  const entity = params.get('ente')?.trim();
  if (entity) query.entity = entity;
  const from = day('dal');
  const to = day('al');
  const min = cents('min');
  const max = cents('max');
  if (from) query.from = from;
  if (to) query.to = to;
  if (min !== undefined) query.minAmountCents = min;
  if (max !== undefined) query.maxAmountCents = max;
  return query;
}

/** "Le mie ricevute": receipts where I am debtor or payer, searchable by entity, date and amount; PDF downloads. */
export function MyReceiptsPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const receipts = useMyReceipts(query);
  const [draft, setDraft] = useState({
    entity: query.entity ?? '',
    from: query.from ?? '',
    to: query.to ?? '',
    min: centsToEuroInput(query.minAmountCents),
    max: centsToEuroInput(query.maxAmountCents),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const filtered = Object.keys(query).length > 0;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const min = parseEuroToCents(draft.min);
    const max = parseEuroToCents(draft.max);
    const found: Record<string, string> = {};
    if (Number.isNaN(min)) found['min'] = t('receipts.badAmount');
    if (Number.isNaN(max)) found['max'] = t('receipts.badAmount');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const next = new URLSearchParams();
    if (draft.entity.trim()) next.set('ente', draft.entity.trim());
    if (draft.from) next.set('dal', draft.from);
    if (draft.to) next.set('al', draft.to);
    if (min !== null) next.set('min', String(min));
    if (max !== null) next.set('max', String(max));
    setParams(next);
  };

  const clear = () => {
    setDraft({ entity: '', from: '', to: '', min: '', max: '' });
    setErrors({});
    setParams({});
  };

  return (
    <PageContainer title={t('receipts.title')} lead={t('receipts.lead')}>
      <form onSubmit={apply} noValidate className="mb-4" aria-labelledby="filtri-titolo">
        <h2 id="filtri-titolo" className="h5">
          {t('receipts.filters')}
        </h2>
        <div className="row">
          <TextField
            id="filtro-ente"
            className="col-12 col-md-4"
            label={t('receipts.entity')}
            hint={t('receipts.entityHint')}
            value={draft.entity}
            onChange={(entity) => setDraft({ ...draft, entity })}
          />
          <TextField
            id="filtro-dal"
            className="col-6 col-md-2"
            type="date"
            label={t('receipts.from')}
            value={draft.from}
            onChange={(from) => setDraft({ ...draft, from })}
          />
          <TextField
            id="filtro-al"
            className="col-6 col-md-2"
            type="date"
            label={t('receipts.to')}
            value={draft.to}
            onChange={(to) => setDraft({ ...draft, to })}
          />
          <TextField
            id="filtro-min"
            className="col-6 col-md-2"
            inputMode="decimal"
            label={t('receipts.minAmount')}
            value={draft.min}
            error={errors['min']}
            onChange={(min) => setDraft({ ...draft, min })}
          />
          <TextField
            id="filtro-max"
            className="col-6 col-md-2"
            inputMode="decimal"
            label={t('receipts.maxAmount')}
            value={draft.max}
            error={errors['max']}
            onChange={(max) => setDraft({ ...draft, max })}
          />
        </div>
        <div className="d-flex flex-wrap gap-2">
          <Button color="primary" type="submit">
            {t('receipts.filter')}
          </Button>
          {filtered && (
            <Button color="primary" outline type="button" onClick={clear}>
              {t('receipts.clear')}
            </Button>
          )}
        </div>
      </form>
      <section aria-busy={receipts.isFetching}>
        <QueryState query={receipts} loadingLabel={t('receipts.loading')} skeletonRows={5}>
          {(data) => {
            const items = data.pages.flatMap((page) => page.items);
            if (items.length === 0)
              return filtered ? (
                <EmptyState title={t('receipts.noMatch')}>
                  <Button color="primary" outline size="sm" onClick={clear}>
                    {t('receipts.clear')}
                  </Button>
                </EmptyState>
              ) : (
                <EmptyState title={t('receipts.empty')}>
                  <p className="mb-1">{t('receipts.emptyHint')}</p>
                  <Link to="/">{t('home.payNotice.title')}</Link>
                </EmptyState>
              );
            return (
              <>
                <div className="table-responsive">
                  <table className="table">
                    <caption className="visually-hidden">{t('receipts.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('receipts.entity')}</th>
                        <th scope="col">{t('receipts.subject')}</th>
                        <th scope="col">{t('notice.noticeNumber')}</th>
                        <th scope="col">{t('receipts.paidAt')}</th>
                        <th scope="col" className="text-end">
                          {t('receipts.amount')}
                        </th>
                        <th scope="col">{t('receipts.download')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((receipt) => (
                        <tr key={receipt.id}>
                          <th scope="row" className="fw-semibold">
                            {receipt.companyName}
                          </th>
                          <td>
                            {receipt.description}
                            {receipt.role === 'PAYER' && (
                              <span className="d-block small">
                                {t('receipts.payerOnly', { name: receipt.debtorName })}
                              </span>
                            )}
                          </td>
                          <td className="font-monospace text-nowrap">
                            {printedNoticeNumber(receipt.noticeNumber)}
                          </td>
                          <td className="text-nowrap">{formatDateTime(receipt.paidAt)}</td>
                          <td className="text-end text-nowrap">{formatEuro(receipt.amountCents)}</td>
                          <td>
                            <a href={myReceiptPdfUrl(receipt.id)}>
                              {t('receipts.downloadVisible')}{' '}
                              <span className="visually-hidden">
                                {t('receipts.downloadHidden', {
                                  notice: printedNoticeNumber(receipt.noticeNumber),
                                })}
                              </span>
                            </a>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {receipts.hasNextPage && (
                  <Button
                    color="primary"
                    outline
                    disabled={receipts.isFetchingNextPage}
                    onClick={() => void receipts.fetchNextPage()}
                  >
                    {t('receipts.more')}
                  </Button>
                )}
              </>
            );
          }}
        </QueryState>
      </section>
    </PageContainer>
  );
}
