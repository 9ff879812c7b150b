import type { DebtPosition } from '@pagamenti/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PINETO, ROSETO, json, loggedInAs, requests } from './__tests__/fixtures';
import { history, operator, position, positionsPath, viewer } from './__tests__/positions-fixtures';
import { renderApp, stubApi } from './__tests__/render-app';

const detailPath = (entityId = ROSETO) => `${positionsPath(entityId)}/TARI-2025-0001`;

function stubDetail(shown: DebtPosition, user = operator(), entityId = ROSETO) {
  return stubApi({
    ...loggedInAs(user),
    [detailPath(entityId)]: shown,
    [`${detailPath(entityId)}/history`]: history,
  });
}

async function openDetail() {
  renderApp('/posizioni/TARI-2025-0001');
  return screen.findByRole('heading', { level: 2, name: 'TARI 2025' }, { timeout: 5000 });
}

describe('back office position detail', { timeout: 20_000 }, () => {
  afterEach(cleanup);

  it('shows debtor, amounts, every payment option with its transfers, metadata and the history', async () => {
    stubDetail(position());
    await openDetail();
    expect(screen.getByText('Pagabile su tutti i canali pagoPA con il codice avviso.')).toBeTruthy();
    expect(screen.getByText('Mario Rossi')).toBeTruthy();
    expect(screen.getByText('Via Roma 1, 64026 Roseto degli Abruzzi (TE)')).toBeTruthy();

    const single = screen.getByRole('article', { name: 'Soluzione unica' });
    expect(within(single).getByText('3070 0000 0000 0001 23')).toBeTruthy();
    expect(within(single).getByText('07000000000000123')).toBeTruthy();
    const transfers = within(single).getByRole('table', { name: 'Beneficiari della soluzione unica' });
    expect(within(transfers).getByText('IT22 Q053 8715 4000 0000 0122 286')).toBeTruthy();
    expect(within(transfers).getByText('9/0101108TS/')).toBeTruthy();
    const second = screen.getByRole('article', { name: 'Rata 2 di 2' });
    expect(within(second).getAllByText('16/09/2099')).toHaveLength(2);
    expect(within(second).getByText('Da pagare')).toBeTruthy();
    expect(screen.getByText('T-42')).toBeTruthy();

    const timeline = await screen.findByRole('list', { name: 'Eventi della posizione, dal più recente' });
    const events = within(timeline).getAllByRole('listitem');
    expect(events[0]!.textContent).toContain('Bozza → Da pagare');
    expect(events[0]!.textContent).toContain('01/03/2025, 10:00');
    expect(events[0]!.textContent).toContain('FRRNNA90E50A345B');
    expect(events[0]!.textContent).toContain('Pubblicata');
    expect(events[1]!.textContent).toContain('Creata: Bozza');
    // One notice PDF for the whole position (notices.spec.tsx tests it), no button per option.
    expect(screen.getAllByRole('link', { name: /Scarica/ })).toHaveLength(1);
  });

  it('offers "Modifica", "Pubblica" and "Annulla" on a draft, and publishes after a confirmation', async () => {
    let shown = position({ status: 'DRAFT', publishedAt: null });
    const fetchMock = stubApi({
      ...loggedInAs(operator()),
      [detailPath()]: () => json(shown),
      [`${detailPath()}/history`]: history.slice(0, 1),
      [`${detailPath()}/publish`]: () => {
        shown = position({ status: 'VALID', version: 4 });
        return json(shown);
      },
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    await openDetail();
    expect(screen.getByRole('link', { name: 'Modifica' }).getAttribute('href')).toBe(
      '/posizioni/TARI-2025-0001/modifica',
    );
    expect(screen.getByRole('button', { name: 'Annulla la posizione' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pubblica' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Diventa “Da pagare”'));
    expect(await screen.findByText('Posizione pubblicata: ora è “Da pagare”.')).toBeTruthy();
    expect(requests(fetchMock).find((call) => call.method === 'POST')?.path).toBe(`${detailPath()}/publish`);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Pubblica' })).toBeNull());
  });

  it('cancels a payable position only with a reason, from the dialog', async () => {
    let shown = position();
    const fetchMock = stubApi({
      ...loggedInAs(operator()),
      [detailPath()]: () => json(shown),
      [`${detailPath()}/history`]: history,
      [`${detailPath()}/cancel`]: () => {
        shown = position({ status: 'CANCELLED', cancelledAt: '2025-03-05T10:00:00Z', version: 4 });
        return json(shown);
      },
    });
    await openDetail();
    expect(screen.queryByRole('button', { name: 'Pubblica' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Modifica' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Annulla la posizione' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'Annullare la posizione?' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annulla la posizione' }));
    expect(await within(dialog).findByText(/Scrivi il motivo dell’annullamento/)).toBeTruthy();
    expect(requests(fetchMock).some((call) => call.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText(/Motivo dell’annullamento/), {
      target: { value: 'Emessa per errore: duplicato' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annulla la posizione' }));
    expect(await screen.findByText('Posizione annullata: i suoi avvisi non sono più pagabili.')).toBeTruthy();
    expect(requests(fetchMock).find((call) => call.method === 'POST')).toEqual({
      path: `${detailPath()}/cancel`,
      method: 'POST',
      body: { reason: 'Emessa per errore: duplicato' },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Annullata dall’ente: non è più pagabile.')).toBeTruthy();
    // Its unpaid notices are no longer "Da pagare".
    expect(
      within(screen.getByRole('article', { name: 'Soluzione unica' })).getByText('Annullata'),
    ).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Modifica' })).toBeNull();
  });

  it('says why a partly paid position can be neither edited nor cancelled', async () => {
    const paid = position({ status: 'PARTIALLY_PAID', paidCents: 10000 });
    paid.options[1] = { ...paid.options[1]!, status: 'PAID', paidAt: '2025-05-10T08:00:00Z' };
    stubDetail(paid);
    await openDetail();
    expect(
      screen.getByText('La posizione ha già delle rate pagate: non si può più modificare.'),
    ).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Modifica' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Annulla la posizione' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pubblica' })).toBeNull();
    const first = screen.getByRole('article', { name: 'Rata 1 di 2' });
    expect(within(first).getByText('Pagata')).toBeTruthy();
    expect(within(first).getByText('10/05/2025, 10:00')).toBeTruthy();
    // Paying an installment closed the single payment.
    expect(
      within(screen.getByRole('article', { name: 'Soluzione unica' })).getByText('Non più dovuta'),
    ).toBeTruthy();
  });

  it('shows no actions to a viewer, and a courtesy message for an unknown position', async () => {
    stubDetail(position({ status: 'DRAFT', entityId: PINETO }), viewer(), PINETO);
    await openDetail();
    expect(screen.queryByRole('link', { name: 'Modifica' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pubblica' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Annulla la posizione' })).toBeNull();
    cleanup();

    stubApi({ ...loggedInAs(viewer()) });
    renderApp('/posizioni/NON-ESISTE');
    expect(await screen.findByText('Posizione non trovata', undefined, { timeout: 5000 })).toBeTruthy();
  });
});
