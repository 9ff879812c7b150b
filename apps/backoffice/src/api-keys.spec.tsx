import type { ApiKeySummary, CreatedApiKey } from '@pagamenti/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROSETO, annaFerri, json, loggedInAs, noContent, requests } from './__tests__/fixtures';
import { renderApp, stubApi } from './__tests__/render-app';

const KEY_ID = '00000000-0000-4000-8000-0000000000a1';
const SECRET = 'pk_0123456789ab_c2VncmV0by1kaS1wcm92YS1tb2x0by1sdW5nbw';

const keys: ApiKeySummary[] = [
  {
    id: KEY_ID,
    name: 'Gestionale tributi',
    prefix: 'pk_0f1e2d3c4b5a',
    scopes: ['debts:read', 'debts:write'],
    createdAt: '2025-01-10T08:30:00Z',
    createdBy: 'FRRNNA90E50A345B',
    lastUsedAt: null,
    revokedAt: null,
  },
  {
    id: '00000000-0000-4000-8000-0000000000a2',
    name: 'Vecchio protocollo',
    prefix: 'pk_aaaaaaaaaaaa',
    scopes: ['payments:read'],
    createdAt: '2024-11-02T08:30:00Z',
    createdBy: 'FRRNNA90E50A345B',
    lastUsedAt: '2024-12-01T16:45:00Z',
    revokedAt: '2024-12-02T09:00:00Z',
  },
];

function keysApi() {
  let list = [...keys];
  return {
    '/api/v1/backoffice/api-keys': (_url: URL, init?: RequestInit) => {
      if (init?.method !== 'POST') return json(list);
      const body = JSON.parse(String(init.body)) as { name: string; scopes: ApiKeySummary['scopes'] };
      const created: CreatedApiKey = {
        ...keys[0]!,
        id: '00000000-0000-4000-8000-0000000000a3',
        name: body.name,
        scopes: body.scopes,
        prefix: 'pk_0123456789ab',
        key: SECRET,
      };
      const { key: _secret, ...summary } = created;
      list = [summary, ...list];
      return json(created, 201);
    },
    [`/api/v1/backoffice/api-keys/${KEY_ID}`]: () => {
      list = list.map((key) => (key.id === KEY_ID ? { ...key, revokedAt: '2025-02-01T10:00:00Z' } : key));
      return noContent();
    },
  };
}

async function keyTable() {
  return screen.findByRole('table', { name: 'Chiavi API dell’ente' }, { timeout: 5000 });
}

describe('back office "Chiavi API"', () => {
  afterEach(cleanup);

  it('lists the keys with scopes, dates, “Mai usata” and their state', async () => {
    stubApi({ ...loggedInAs(annaFerri()), ...keysApi() });
    renderApp('/chiavi-api');
    const rows = within(await keyTable()).getAllByRole('row');
    const tributi = within(rows[1]!);
    expect(tributi.getByRole('rowheader').textContent).toBe('Gestionale tributi');
    expect(tributi.getByText('pk_0f1e2d3c4b5a…')).toBeTruthy();
    expect(tributi.getByText('Lettura posizioni debitorie')).toBeTruthy();
    expect(tributi.getByText('Gestione posizioni debitorie')).toBeTruthy();
    expect(tributi.getByText('10/01/2025, 09:30')).toBeTruthy();
    expect(tributi.getByText('Mai usata')).toBeTruthy();
    expect(tributi.getByText('Attiva')).toBeTruthy();
    const old = within(rows[2]!);
    expect(old.getByText('01/12/2024, 17:45')).toBeTruthy();
    expect(old.getByText('Revocata il 02/12/2024')).toBeTruthy();
    expect(old.queryByRole('button', { name: /Revoca/ })).toBeNull();
  });

  it('checks name and scopes before creating a key', async () => {
    const fetchMock = stubApi({ ...loggedInAs(annaFerri()), ...keysApi() });
    renderApp('/chiavi-api');
    await keyTable();
    fireEvent.click(screen.getByRole('button', { name: 'Crea la chiave' }));
    expect(await screen.findByText('Dai alla chiave un nome di almeno 3 caratteri')).toBeTruthy();
    expect(screen.getByText('Scegli almeno un permesso')).toBeTruthy();
    expect(document.activeElement?.id).toBe('name');
    expect(requests(fetchMock).some((request) => request.method === 'POST')).toBe(false);
  });

  it('shows the new key once, with a copy button and the warning, then forgets it', async () => {
    const fetchMock = stubApi({ ...loggedInAs(annaFerri()), ...keysApi() });
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp('/chiavi-api');
    await keyTable();

    fireEvent.change(screen.getByLabelText(/Nome della chiave/), { target: { value: 'Gestionale mense' } });
    expect(screen.getByText(/Consultare i pagamenti ricevuti/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Lettura pagamenti/));
    fireEvent.click(screen.getByLabelText(/Lettura posizioni debitorie/));
    fireEvent.click(screen.getByRole('button', { name: 'Crea la chiave' }));

    const notice = await screen.findByTestId('created-key');
    expect(within(notice).getByRole('heading', { name: /Chiave “Gestionale mense” creata/ })).toBe(
      document.activeElement,
    );
    expect((within(notice).getByLabelText('Chiave API') as HTMLInputElement).value).toBe(SECRET);
    expect(within(notice).getByText(/l’unica volta in cui la chiave viene mostrata/)).toBeTruthy();
    // Scopes go in the API's order, whatever the order of the clicks.
    expect(requests(fetchMock).find((request) => request.method === 'POST')?.body).toEqual({
      name: 'Gestionale mense',
      scopes: ['debts:read', 'payments:read'],
    });

    fireEvent.click(within(notice).getByRole('button', { name: 'Copia la chiave' }));
    expect(await within(notice).findByText('Chiave copiata negli appunti.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(SECRET);
    await waitFor(() =>
      expect(
        within(screen.getByRole('table')).getByRole('rowheader', { name: 'Gestionale mense' }),
      ).toBeTruthy(),
    );

    fireEvent.click(within(notice).getByRole('button', { name: 'Ho conservato la chiave, chiudi' }));
    await waitFor(() => expect(screen.queryByTestId('created-key')).toBeNull());
    expect(document.activeElement?.textContent).toBe('Chiavi dell’ente');
    expect(screen.queryByDisplayValue(SECRET)).toBeNull();
  });

  it('revokes a key after confirming', async () => {
    const fetchMock = stubApi({ ...loggedInAs(annaFerri()), ...keysApi() });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderApp('/chiavi-api');
    await keyTable();
    const revoke = screen.getByRole('button', { name: 'Revoca la chiave Gestionale tributi' });
    fireEvent.click(revoke);
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('smetteranno subito di funzionare'));
    expect(requests(fetchMock).some((request) => request.method === 'DELETE')).toBe(false);

    fireEvent.click(revoke);
    expect(await screen.findByText('Chiave “Gestionale tributi” revocata.')).toBeTruthy();
    expect(requests(fetchMock).find((request) => request.method === 'DELETE')?.path).toBe(
      `/api/v1/backoffice/api-keys/${KEY_ID}`,
    );
    const row = within(screen.getByRole('table')).getAllByRole('row')[1]!;
    await waitFor(() => expect(within(row).getByText('Revocata il 01/02/2025')).toBeTruthy());
  });

  it('tells a non-admin the keys are for admins, without asking the API', async () => {
    const fetchMock = stubApi({ ...loggedInAs(annaFerri({ activeEntityId: ROSETO })), ...keysApi() });
    renderApp('/chiavi-api');
    expect(
      await screen.findByText('Riservato agli amministratori dell’ente', undefined, { timeout: 5000 }),
    ).toBeTruthy();
    expect(requests(fetchMock).some((request) => request.path.includes('api-keys'))).toBe(false);
  });
});
