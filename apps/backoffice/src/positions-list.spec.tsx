import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PINETO, ROSETO, annaFerri, json, jsonError, loggedInAs } from './__tests__/fixtures';
import { dueType, operator, positionsPath, summary, viewer } from './__tests__/positions-fixtures';
import { renderApp, stubApi } from './__tests__/render-app';

/** The list requests (not export links) the page sent, as URLs. */
function listCalls(fetchMock: ReturnType<typeof stubApi>, entityId: string) {
  return fetchMock.mock.calls
    .map(([url]) => new URL(String(url), 'http://localhost'))
    .filter((url) => url.pathname === positionsPath(entityId));
}

describe('back office "Posizioni debitorie" list', { timeout: 20_000 }, () => {
  afterEach(cleanup);

  it('reads the filters from the URL, sends them to the API and shows the rows in Italian formats', async () => {
    const fetchMock = stubApi({
      ...loggedInAs(operator()),
      [`/api/v1/entities/${ROSETO}/due-types`]: [dueType(ROSETO)],
      [positionsPath(ROSETO)]: {
        items: [
          summary(),
          summary({
            id: 'p2',
            iupd: 'TARI-2025-0002',
            noticeNumber: '307000000000000220',
            debtorIdValue: 'ANONIMO',
            debtorName: 'Sportello',
            status: 'PARTIALLY_PAID',
            installments: 3,
          }),
        ],
        nextCursor: null,
      },
    });
    renderApp(
      '/posizioni?stato=VALID&tipo=TARI&cerca=3070%200000%200000%200001%2023&scadenzaDal=2025-01-01&scadenzaAl=2025-12-31&importoMin=10,50&importoMax=2000&creataDal=2025-03-01&creataAl=2025-03-31&debitore=Ross&stato2=x',
    );
    const table = await screen.findByRole('table', undefined, { timeout: 5000 });

    const sent = listCalls(fetchMock, ROSETO)[0]!.searchParams;
    expect(Object.fromEntries(sent)).toEqual({
      q: '307000000000000123',
      debtor: 'Ross',
      status: 'VALID',
      dueTypeCode: 'TARI',
      dueFrom: '2025-01-01',
      dueTo: '2025-12-31',
      createdFrom: '2025-03-01',
      createdTo: '2025-03-31',
      minAmountCents: '1050',
      maxAmountCents: '200000',
      limit: '25',
    });

    const [first, second] = within(table).getAllByRole('row').slice(1);
    const link = within(first!).getByRole('link', { name: '3070 0000 0000 0001 23' });
    expect(link.getAttribute('href')).toBe('/posizioni/TARI-2025-0001');
    expect(within(first!).getByText('Mario Rossi')).toBeTruthy();
    expect(within(first!).getByText('RSSMRA80A01H501U')).toBeTruthy();
    expect(within(first!).getByText('TARI 2025 – saldo')).toBeTruthy();
    expect(within(first!).getByText(/^1\.234,50\s€$/)).toBeTruthy();
    expect(within(first!).getByText('16/06/2025')).toBeTruthy();
    expect(within(first!).getByText('Da pagare')).toBeTruthy();
    expect(within(second!).getByText('Pagata parzialmente')).toBeTruthy();
    expect(within(second!).getByText('Codice fiscale non indicato')).toBeTruthy();
    expect(within(second!).getByText('3')).toBeTruthy();

    // The form starts from the URL (filters in use are unfolded), and the exports carry the same filters.
    expect(screen.getByRole('button', { name: 'Nascondi gli altri filtri' })).toBeTruthy();
    expect((screen.getByLabelText('Stato') as HTMLSelectElement).value).toBe('VALID');
    expect((screen.getByLabelText('Tipo dovuto') as HTMLSelectElement).value).toBe('TARI');
    const csv = new URL(screen.getByRole('link', { name: 'CSV' }).getAttribute('href')!, 'http://localhost');
    expect(csv.pathname).toBe(`${positionsPath(ROSETO)}/export`);
    expect(csv.searchParams.get('format')).toBe('csv');
    expect(csv.searchParams.get('q')).toBe('307000000000000123');
    expect(csv.searchParams.get('minAmountCents')).toBe('1050');
    const xlsx = new URL(
      screen.getByRole('link', { name: 'Excel (XLSX)' }).getAttribute('href')!,
      'http://localhost',
    );
    expect(xlsx.searchParams.get('format')).toBe('xlsx');
    expect(xlsx.searchParams.get('status')).toBe('VALID');

    // An operator may create positions.
    expect(screen.getByRole('link', { name: 'Nuova posizione' }).getAttribute('href')).toBe(
      '/posizioni/nuova',
    );
  });

  it('searches a fiscal code as the debtor, applies the filters from the form and resets them', async () => {
    const fetchMock = stubApi({
      ...loggedInAs(operator()),
      [`/api/v1/entities/${ROSETO}/due-types`]: [dueType(ROSETO)],
      [positionsPath(ROSETO)]: { items: [summary()], nextCursor: null },
    });
    renderApp('/posizioni');
    await screen.findByRole('table', undefined, { timeout: 5000 });
    expect(screen.queryByRole('button', { name: 'Azzera filtri' })).toBeNull();
    // On a phone the filters beyond search and state fold away until asked for.
    const more = screen.getByRole('button', { name: 'Altri filtri' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById('altri-filtri')!.className).toContain('d-none d-lg-flex');
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById('altri-filtri')!.className).not.toContain('d-none');

    fireEvent.change(screen.getByLabelText('Cerca'), { target: { value: 'rssmra80a01h501u' } });
    fireEvent.change(screen.getByLabelText('Stato'), { target: { value: 'EXPIRED' } });
    fireEvent.change(screen.getByLabelText('Importo da (€)'), { target: { value: '12,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cerca' }));

    await waitFor(() => expect(listCalls(fetchMock, ROSETO)).toHaveLength(2));
    const sent = listCalls(fetchMock, ROSETO)[1]!.searchParams;
    expect(sent.get('debtor')).toBe('RSSMRA80A01H501U');
    expect(sent.has('q')).toBe(false);
    expect(sent.get('status')).toBe('EXPIRED');
    expect(sent.get('minAmountCents')).toBe('1250');

    fireEvent.click(await screen.findByRole('button', { name: 'Azzera filtri' }));
    await waitFor(() => expect((screen.getByLabelText('Cerca') as HTMLInputElement).value).toBe(''));
    const last = listCalls(fetchMock, ROSETO).at(-1)!.searchParams;
    expect([...last.keys()]).toEqual(['limit']);
  });

  it('refuses a malformed amount and a reversed range before asking the API', async () => {
    const fetchMock = stubApi({
      ...loggedInAs(operator()),
      [`/api/v1/entities/${ROSETO}/due-types`]: [],
      [positionsPath(ROSETO)]: { items: [summary()], nextCursor: null },
    });
    renderApp('/posizioni');
    await screen.findByRole('table', undefined, { timeout: 5000 });
    fireEvent.change(screen.getByLabelText('Importo da (€)'), { target: { value: '12,345' } });
    fireEvent.change(screen.getByLabelText('Scadenza dal'), { target: { value: '2025-05-01' } });
    fireEvent.change(screen.getByLabelText('Scadenza al'), { target: { value: '2025-04-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cerca' }));
    expect(await screen.findByText('Importo non valido, es. 120,50')).toBeTruthy();
    expect(screen.getByText('La data finale non può precedere quella iniziale')).toBeTruthy();
    expect(document.activeElement?.id).toBe('filtro-importoMin');
    expect(listCalls(fetchMock, ROSETO)).toHaveLength(1);
  });

  it('loads the next page with the cursor ("Carica altri")', async () => {
    const fetchMock = stubApi({
      ...loggedInAs(operator()),
      [`/api/v1/entities/${ROSETO}/due-types`]: [],
      [positionsPath(ROSETO)]: (url: URL) =>
        url.searchParams.get('cursor') === 'c2'
          ? json({
              items: [summary({ id: 'p2', iupd: 'B', noticeNumber: '307000000000000220' })],
              nextCursor: null,
            })
          : json({ items: [summary()], nextCursor: 'c2' }),
    });
    renderApp('/posizioni');
    fireEvent.click(await screen.findByRole('button', { name: 'Carica altri' }, { timeout: 5000 }));
    expect(await screen.findByRole('link', { name: '3070 0000 0000 0002 20' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '3070 0000 0000 0001 23' })).toBeTruthy();
    expect(screen.getByText('2 posizioni mostrate.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Carica altri' })).toBeNull();
    expect(listCalls(fetchMock, ROSETO).map((url) => url.searchParams.get('cursor'))).toEqual([null, 'c2']);
  });

  it('tells "no data yet" from "no match", and hides write actions from a viewer', async () => {
    stubApi({
      ...loggedInAs(viewer()),
      [`/api/v1/entities/${PINETO}/due-types`]: [],
      [positionsPath(PINETO)]: { items: [], nextCursor: null },
    });
    renderApp('/posizioni');
    expect(
      await screen.findByText('Non ci sono ancora posizioni debitorie', undefined, { timeout: 5000 }),
    ).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Nuova posizione' })).toBeNull();
    expect(screen.getByText(/Consultazione: le modifiche sono riservate/)).toBeTruthy();
    cleanup();

    stubApi({
      ...loggedInAs(viewer()),
      [`/api/v1/entities/${PINETO}/due-types`]: [],
      [positionsPath(PINETO)]: { items: [], nextCursor: null },
    });
    renderApp('/posizioni?stato=CANCELLED');
    expect(
      await screen.findByText('Nessun risultato per i filtri impostati.', undefined, { timeout: 5000 }),
    ).toBeTruthy();
  });

  it('shows the error with "Riprova" when the list cannot be loaded', async () => {
    stubApi({
      ...loggedInAs(annaFerri()),
      [`/api/v1/entities/${PINETO}/due-types`]: [],
      [positionsPath(PINETO)]: () => jsonError(503, 'SERVICE_UNAVAILABLE'),
    });
    renderApp('/posizioni');
    expect(
      await screen.findByText('Non riusciamo a recuperare i dati a causa di un problema.', undefined, {
        timeout: 5000,
      }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Riprova' })).toBeTruthy();
  });
});
