import type { PositionImport } from '@pagamenti/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PINETO, ROSETO, json, loggedInAs } from './__tests__/fixtures';
import { dueType, operator, viewer } from './__tests__/positions-fixtures';
import { renderApp, stubApi } from './__tests__/render-app';
import { readReportCsv, reportErrors } from './features/position-imports/import-report';

const importsPath = (entityId: string) => `/api/v1/entities/${entityId}/position-imports`;

function positionImport(overrides: Partial<PositionImport> = {}): PositionImport {
  return {
    id: '00000000-0000-4000-8000-00000000i001',
    entityId: ROSETO,
    status: 'QUEUED',
    dryRun: true,
    format: 'CSV',
    fileName: 'tari.csv',
    sizeBytes: 300,
    sha256: 'a'.repeat(64),
    encoding: 'UTF-8',
    separator: 'punto e virgola',
    totalRows: 4,
    rowsDone: 0,
    counts: { created: 0, updated: 0, cancelled: 0, unchanged: 0, failedRows: 0 },
    error: null,
    warnings: [],
    createdBy: 'FRRNNA90E50A345B',
    createdAt: '2025-03-01T09:00:00Z',
    startedAt: null,
    finishedAt: null,
    estimatedSecondsLeft: null,
    ...overrides,
  };
}

const ERRORS_CSV =
  '\ufeffazione;iupd;importo;riga;errore\r\n' +
  'CREA;T-2;12,345;3;"importo: importo ambiguo ""12,345"" | scadenza: obbligatoria"\r\n' +
  'CREA;T-3;10;5;codice_tipo_dovuto: il tipo dovuto NOPE non è nel catalogo dell’ente\r\n';

describe('back office "Carica posizioni"', () => {
  afterEach(cleanup);

  it('verifies a file without importing, shows progress and every error, then imports the valid rows', async () => {
    const detailStates = [
      positionImport({
        status: 'RUNNING',
        rowsDone: 2,
        startedAt: '2025-03-01T09:00:01Z',
        estimatedSecondsLeft: 75,
      }),
      positionImport({
        status: 'SUCCEEDED',
        rowsDone: 4,
        finishedAt: '2025-03-01T09:00:03Z',
        counts: { created: 1, updated: 0, cancelled: 0, unchanged: 0, failedRows: 2 },
      }),
    ];
    const uploads: { dryRun: string | null; file: File | null }[] = [];
    const fetchMock = stubApi({
      ...loggedInAs(operator()),
      [`/api/v1/entities/${ROSETO}/due-types`]: [
        dueType(ROSETO),
        dueType(ROSETO, { id: 'x', code: 'MENSA', name: 'Mensa' }),
      ],
      [importsPath(ROSETO)]: (url: URL, init?: RequestInit) => {
        if (init?.method === 'POST') {
          const form = init.body as FormData;
          uploads.push({ dryRun: url.searchParams.get('dryRun'), file: form.get('file') as File | null });
          return json(
            positionImport({
              dryRun: uploads.length === 1,
              id: `00000000-0000-4000-8000-00000000i00${uploads.length}`,
            }),
            202,
          );
        }
        return json({ items: [], nextCursor: null });
      },
      [`${importsPath(ROSETO)}/00000000-0000-4000-8000-00000000i001`]: () =>
        json(detailStates.length > 1 ? detailStates.shift() : detailStates[0]),
      [`${importsPath(ROSETO)}/00000000-0000-4000-8000-00000000i001/errors.csv`]: () =>
        new Response(ERRORS_CSV, { headers: { 'content-type': 'text/csv; charset=utf-8' } }),
      [`${importsPath(ROSETO)}/00000000-0000-4000-8000-00000000i002`]: positionImport({
        id: '00000000-0000-4000-8000-00000000i002',
        dryRun: false,
        status: 'RUNNING',
        rowsDone: 1,
      }),
    });
    renderApp('/carica-posizioni');

    // Template download for the chosen due type.
    const template = await screen.findByRole('link', { name: /Scarica il modello CSV/ }, { timeout: 5000 });
    expect(template.getAttribute('href')).toBe(
      `/api/v1/entities/${ROSETO}/due-types/TARI/positions-template.csv`,
    );
    fireEvent.change(screen.getByLabelText('Tipo dovuto'), { target: { value: 'MENSA' } });
    expect(screen.getByRole('link', { name: /Scarica il modello CSV/ }).getAttribute('href')).toContain(
      '/due-types/MENSA/positions-template.csv',
    );

    // Without a file the form says so and sends nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Verifica senza importare' }));
    expect((await screen.findByText('Scegli il file da caricare.')).getAttribute('role')).toBe('alert');
    expect(uploads).toHaveLength(0);

    const file = new File(['azione;iupd\n'], 'tari.csv', { type: 'text/csv' });
    Object.defineProperty(file, 'size', { value: 300 });
    fireEvent.change(screen.getByLabelText('File delle posizioni (CSV o JSON)'), {
      target: { files: [file] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Verifica senza importare' }));
    await waitFor(() => expect(uploads).toHaveLength(1));
    expect(uploads[0]).toMatchObject({ dryRun: 'true' });
    expect(uploads[0]?.file?.name).toBe('tari.csv');

    // Live progress, then the outcome with the errors on the page.
    const bar = await screen.findByRole('progressbar', {}, { timeout: 5000 });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('50'), { timeout: 5000 });
    expect(screen.getByText(/2 di 4 righe · circa 1 min 15 s alla fine/)).toBeTruthy();
    const table = await screen.findByRole('table', { name: /Righe con errori/ }, { timeout: 5000 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['3', '5']);
    expect(within(rows[0]!).getByText('importo: importo ambiguo "12,345"')).toBeTruthy();
    expect(within(rows[0]!).getByText('scadenza: obbligatoria')).toBeTruthy();
    expect(screen.getByRole('status', { name: '' }).textContent).toContain('2 righe con errori');
    const counts = screen.getByTestId('import-counts');
    expect(within(counts).getByText('Posizioni da creare').nextSibling?.textContent).toBe('1');
    expect(screen.getByRole('link', { name: 'Scarica il rapporto errori (CSV)' }).getAttribute('href')).toBe(
      `${importsPath(ROSETO)}/00000000-0000-4000-8000-00000000i001/errors.csv`,
    );

    // The same file, for real: only the valid rows go in.
    fireEvent.click(screen.getByRole('button', { name: 'Importa comunque le righe valide' }));
    await waitFor(() => expect(uploads).toHaveLength(2));
    expect(uploads[1]?.dryRun).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Importazione di tari.csv' })).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('i002'))).toBe(true);
  });

  it('shows a refused header with the API’s messages', async () => {
    stubApi({
      ...loggedInAs(operator()),
      [`/api/v1/entities/${ROSETO}/due-types`]: [dueType(ROSETO)],
      [importsPath(ROSETO)]: (_url: URL, init?: RequestInit) =>
        init?.method === 'POST'
          ? json(
              {
                code: 'VALIDATION_FAILED',
                message: 'L’intestazione del file non è valida.',
                correlationId: 'c1',
                fieldErrors: [
                  { field: 'scadensa', message: 'colonna 3 "scadensa": nome di colonna sconosciuto' },
                ],
              },
              400,
            )
          : json({ items: [], nextCursor: null }),
    });
    renderApp('/carica-posizioni');
    const input = await screen.findByLabelText('File delle posizioni (CSV o JSON)', {}, { timeout: 5000 });
    fireEvent.change(input, { target: { files: [new File(['x'], 'x.csv', { type: 'text/csv' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Importa' }));
    expect(await screen.findByText('colonna 3 "scadensa": nome di colonna sconosciuto')).toBeTruthy();
    expect(screen.getByText('Il file non è stato accettato.')).toBeTruthy();
  });

  it('lets viewers download templates and see past imports, not upload', async () => {
    stubApi({
      ...loggedInAs(viewer()),
      [`/api/v1/entities/${PINETO}/due-types`]: [dueType(PINETO)],
      [importsPath(PINETO)]: {
        items: [
          positionImport({
            entityId: PINETO,
            status: 'SUCCEEDED',
            dryRun: false,
            totalRows: 1200,
            rowsDone: 1200,
            counts: { created: 1100, updated: 0, cancelled: 0, unchanged: 0, failedRows: 100 },
          }),
        ],
        nextCursor: null,
      },
    });
    renderApp('/carica-posizioni');
    const history = await screen.findByRole('table', { name: /Caricamenti di posizioni/ }, { timeout: 5000 });
    const row = within(history).getAllByRole('row')[1]!;
    expect(within(row).getByText('tari.csv')).toBeTruthy();
    expect(within(row).getByText('Importazione')).toBeTruthy();
    expect(within(row).getByText('1200')).toBeTruthy();
    expect(within(row).getByText('Completato')).toBeTruthy();
    expect(screen.queryByLabelText('File delle posizioni (CSV o JSON)')).toBeNull();
    expect(screen.getByText(/il caricamento dei file è riservato agli operatori/)).toBeTruthy();
  });

  it('reads the API’s CSV reports, quotes and multi-problem cells included', () => {
    const rows = readReportCsv(ERRORS_CSV);
    expect(rows[1]).toEqual([
      'CREA',
      'T-2',
      '12,345',
      '3',
      'importo: importo ambiguo "12,345" | scadenza: obbligatoria',
    ]);
    expect(reportErrors(rows)).toEqual([
      { row: '3', problems: ['importo: importo ambiguo "12,345"', 'scadenza: obbligatoria'] },
      { row: '5', problems: ['codice_tipo_dovuto: il tipo dovuto NOPE non è nel catalogo dell’ente'] },
    ]);
  });
});
