import type { NoticeBatch } from '@pagamenti/contracts';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ROSETO, json, loggedInAs, requests } from './__tests__/fixtures';
import { dueType, history, operator, position, positionsPath, summary } from './__tests__/positions-fixtures';
import { renderApp, stubApi } from './__tests__/render-app';

const detailPath = `${positionsPath(ROSETO)}/TARI-2025-0001`;
const batchesPath = `/api/v1/entities/${ROSETO}/notice-batches`;
const BATCH_ID = '00000000-0000-4000-8000-0000000000b1';

function batch(overrides: Partial<NoticeBatch> = {}): NoticeBatch {
  return {
    id: BATCH_ID,
    format: 'zip',
    status: 'queued',
    total: null,
    done: 0,
    skipped: 0,
    pages: null,
    secondsLeft: null,
    fileName: null,
    sizeBytes: null,
    error: null,
    createdAt: '2025-03-01T10:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}

describe('back office notices', { timeout: 20_000 }, () => {
  afterEach(cleanup);

  it('offers "Scarica avviso" on a position with something to pay, once for all its options', async () => {
    stubApi({ ...loggedInAs(operator()), [detailPath]: position(), [`${detailPath}/history`]: history });
    renderApp('/posizioni/TARI-2025-0001');
    const link = await screen.findByRole('link', { name: 'Scarica avviso (PDF)' }, { timeout: 5000 });
    expect(link.getAttribute('href')).toBe(`${detailPath}/notice.pdf`);
    expect(link.hasAttribute('download')).toBe(true);
    expect(screen.getAllByRole('link', { name: /Scarica avviso/ })).toHaveLength(1);
  });

  it('offers no notice for a paid or cancelled position', async () => {
    for (const status of ['PAID', 'CANCELLED'] as const) {
      stubApi({
        ...loggedInAs(operator()),
        [detailPath]: position({ status }),
        [`${detailPath}/history`]: history,
      });
      renderApp('/posizioni/TARI-2025-0001');
      await screen.findByRole('heading', { level: 2, name: 'TARI 2025' }, { timeout: 5000 });
      expect(screen.queryByRole('link', { name: /Scarica avviso/ })).toBeNull();
      cleanup();
    }
  });

  it('prints the filtered list as a ZIP in the background, with a progress bar, then offers the file', async () => {
    let polls = 0;
    const fetchMock = stubApi({
      ...loggedInAs(operator()),
      [`/api/v1/entities/${ROSETO}/due-types`]: [dueType(ROSETO)],
      [positionsPath(ROSETO)]: { items: [summary()], nextCursor: null },
      [batchesPath]: () => json(batch(), 201),
      [`${batchesPath}/${BATCH_ID}`]: () => {
        polls++;
        return json(
          polls === 1
            ? batch({ status: 'running', total: 40, done: 10, secondsLeft: 95 })
            : batch({
                status: 'succeeded',
                total: 40,
                done: 40,
                skipped: 2,
                fileName: 'avvisi.zip',
                sizeBytes: 3 * 1024 * 1024,
                finishedAt: '2025-03-01T10:02:00.000Z',
              }),
        );
      },
    });
    renderApp('/posizioni?stato=VALID&tipo=TARI');
    await screen.findByRole('table', undefined, { timeout: 5000 });

    fireEvent.click(screen.getByRole('button', { name: 'Stampa avvisi' }));
    const panel = screen.getByRole('region', { name: 'Stampa avvisi' });
    fireEvent.click(within(panel).getByRole('radio', { name: /ZIP/ }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Avvia la stampa' }));

    const bar = await within(panel).findByRole('progressbar', {}, { timeout: 5000 });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(within(panel).getByText('10 di 40 posizioni · circa 2 minuti alla fine')).toBeTruthy();
    const created = requests(fetchMock).find((call) => call.method === 'POST');
    expect(created).toEqual({
      path: batchesPath,
      method: 'POST',
      body: { format: 'zip', filters: { status: 'VALID', dueTypeCode: 'TARI' } },
    });

    const download = await within(panel).findByRole(
      'link',
      { name: 'Scarica lo ZIP (3 MB)' },
      { timeout: 5000 },
    );
    expect(download.getAttribute('href')).toBe(`${batchesPath}/${BATCH_ID}/download`);
    expect(within(panel).getByText(/Pronti 38 avvisi; 2 posizioni saltate/)).toBeTruthy();
  });

  it('says why a batch failed', async () => {
    stubApi({
      ...loggedInAs(operator()),
      [`/api/v1/entities/${ROSETO}/due-types`]: [dueType(ROSETO)],
      [positionsPath(ROSETO)]: { items: [summary()], nextCursor: null },
      [batchesPath]: () => json(batch({ format: 'pdf' }), 201),
      [`${batchesPath}/${BATCH_ID}`]: batch({
        format: 'pdf',
        status: 'failed',
        error: 'Nessun avviso da stampare: le posizioni scelte non hanno importi da pagare',
      }),
    });
    renderApp('/posizioni');
    await screen.findByRole('table', undefined, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'Stampa avvisi' }));
    fireEvent.click(screen.getByRole('button', { name: 'Avvia la stampa' }));
    expect(
      await screen.findByText(
        'Stampa non riuscita: Nessun avviso da stampare: le posizioni scelte non hanno importi da pagare',
        undefined,
        { timeout: 5000 },
      ),
    ).toBeTruthy();
  });
});
