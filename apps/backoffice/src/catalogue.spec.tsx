import type { CurrentUser, DueType, EntityAccount } from '@pagamenti/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PINETO, ROSETO, annaFerri, json, loggedInAs, requests } from './__tests__/fixtures';
import { renderApp, stubApi } from './__tests__/render-app';

function dueType(entityId: string, code: string, name: string): DueType {
  return {
    id: `${entityId.slice(0, 30)}${code.length.toString().padStart(6, '0')}`,
    entityId,
    code,
    name,
    description: null,
    taxonomyCode: '9/0101108TS/',
    accountId: null,
    amountMode: 'FREE',
    fixedAmountCents: null,
    minAmountCents: null,
    maxAmountCents: null,
    spontaneous: false,
    formSchema: null,
    debtorRequired: true,
    active: true,
    presetKey: null,
    createdAt: '2025-01-10T08:30:00Z',
    updatedAt: '2025-01-10T08:30:00Z',
  };
}

/** `/api/v1/me` and the session follow `PUT /api/v1/me/active-entity`, as the API does. */
function switchableSession(initial: CurrentUser) {
  let user = initial;
  return {
    ...loggedInAs(initial),
    '/api/v1/auth/session': () => json({ user }),
    '/api/v1/me': () => json(user),
    '/api/v1/me/active-entity': (_url: URL, init?: RequestInit) => {
      user = { ...user, activeEntityId: (JSON.parse(String(init?.body)) as { entityId: string }).entityId };
      return json(user);
    },
  };
}

describe('back office catalogue and accounts on the active entity', () => {
  afterEach(cleanup);

  it('shows the active entity’s catalogue with no entity picker, and refetches on an entity switch', async () => {
    const fetchMock = stubApi({
      ...switchableSession(annaFerri()),
      [`/api/v1/entities/${PINETO}/due-types`]: [dueType(PINETO, 'TARI', 'Tassa rifiuti')],
      [`/api/v1/entities/${ROSETO}/due-types`]: [dueType(ROSETO, 'MENSA', 'Mensa scolastica')],
    });
    renderApp('/catalogo');
    expect(await screen.findByRole('cell', { name: 'TARI' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByTestId('active-entity').textContent).toContain('Comune di Pineto');
    expect(screen.queryByLabelText('Ente su cui lavorare')).toBeNull();
    expect(screen.queryByText(/Finché non è attivo/)).toBeNull();
    // Admin of Pineto: may add and switch off due types.
    expect(screen.getByRole('link', { name: 'Nuovo tipo dovuto' }).getAttribute('href')).toBe(
      '/catalogo/nuovo',
    );

    fireEvent.change(screen.getByLabelText('Ente'), { target: { value: ROSETO } });
    expect(await screen.findByRole('cell', { name: 'MENSA' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('cell', { name: 'TARI' })).toBeNull();
    expect(screen.getByTestId('active-entity').textContent).toContain('Comune di Roseto degli Abruzzi');
    // Operator of Roseto: reads only.
    expect(screen.queryByRole('link', { name: 'Nuovo tipo dovuto' })).toBeNull();
    expect(within(screen.getByRole('table')).queryByRole('button')).toBeNull();
    const calls = requests(fetchMock);
    expect(calls.find((call) => call.method === 'PUT')).toEqual({
      path: '/api/v1/me/active-entity',
      method: 'PUT',
      body: { entityId: ROSETO },
    });
    // /me was asked again after the switch (invalidated by key), not only rewritten.
    await waitFor(() => expect(calls.filter((call) => call.path === '/api/v1/me').length).toBeGreaterThan(1));
  });

  it('lists the accounts of the active entity', async () => {
    stubApi({
      ...loggedInAs(annaFerri()),
      [`/api/v1/entities/${PINETO}/accounts`]: [
        {
          id: '00000000-0000-4000-8000-0000000000c1',
          entityId: PINETO,
          iban: 'IT60X0542811101000000123456',
          kind: 'BANK',
          description: 'Tesoreria',
          validFrom: '2025-01-01',
          active: true,
          createdAt: '2025-01-01T00:00:00Z',
        } satisfies EntityAccount,
      ],
    });
    renderApp('/conti');
    expect(await screen.findByText('Tesoreria', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Registra un conto' })).toBeTruthy();
    expect(screen.queryByLabelText('Ente su cui lavorare')).toBeNull();
  });
});
