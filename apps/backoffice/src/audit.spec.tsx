import type { AuditEvent, CurrentUser } from '@pagamenti/contracts';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { anonymousSession, platformInfo, renderApp, sessionOf, stubApi } from './__tests__/render-app';

const PINETO = '00000000-0000-4000-8000-000000000007';
const ROSETO = '00000000-0000-4000-8000-000000000008';

const anna: Partial<CurrentUser> = {
  fiscalCode: 'FRRNNA90E50A345B',
  name: 'Anna',
  familyName: 'Ferri',
  entities: [
    { entityId: PINETO, entityName: 'Comune di Pineto', entityFiscalCode: '99023040399', role: 'admin' },
    {
      entityId: ROSETO,
      entityName: 'Comune di Roseto degli Abruzzi',
      entityFiscalCode: '82000590671',
      role: 'operator',
    },
  ],
  activeEntityId: PINETO,
};

const grant: AuditEvent = {
  id: 'a1',
  at: '2025-01-05T08:05:00Z',
  action: 'role.entity.granted',
  outcome: 'success',
  actorFiscalCode: 'FRRNNA90E50A345B',
  actorKind: 'person',
  entityId: PINETO,
  objectType: 'person',
  objectId: 'DLCSRA77H55G482G',
  ip: '10.0.0.4',
  correlationId: 'c1',
  details: {},
};

const calls = (fetchMock: ReturnType<typeof stubApi>) =>
  fetchMock.mock.calls.map(([url]) => new URL(String(url), 'http://localhost'));

describe('back office "Registro attività"', () => {
  afterEach(cleanup);

  it('shows the active entity’s register to its admin, from the entity-scoped endpoint', async () => {
    const fetchMock = stubApi({
      '/api/v1/platform': platformInfo,
      '/api/v1/auth/session': sessionOf(anna),
      '/api/v1/backoffice/audit': { items: [grant], nextCursor: null },
    });
    renderApp('/registro-attivita?azione=role.&ente=' + ROSETO);
    const table = await screen.findByRole('table', undefined, { timeout: 5000 });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByText('05/01/2025 09:05')).toBeTruthy();
    expect(within(row).getByText('Comune di Pineto')).toBeTruthy();
    expect(within(row).getByText('Ruolo assegnato')).toBeTruthy();

    const audit = calls(fetchMock).filter((url) => url.pathname.endsWith('/audit'));
    expect(audit.map((url) => url.pathname)).toEqual(['/api/v1/backoffice/audit']);
    expect(audit[0]?.searchParams.get('action')).toBe('role.');
    // The scope is the session's entity: no entity filter, and none sent.
    expect(audit[0]?.searchParams.has('entityId')).toBe(false);
    expect(screen.queryByLabelText('Ente', { selector: 'select#filtro-ente' })).toBeNull();
    // Logins concern no entity: not among the entity's action types.
    const types = within(screen.getByLabelText('Tipo di azione')).getAllByRole('option');
    expect(types.map((option) => option.textContent)).not.toContain('Accessi');
  });

  it('shows "Non hai i permessi per questa pagina" to an operator, without asking the API', async () => {
    const fetchMock = stubApi({
      '/api/v1/platform': platformInfo,
      '/api/v1/auth/session': sessionOf({ ...anna, activeEntityId: ROSETO }),
    });
    renderApp('/registro-attivita');
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Non hai i permessi per questa pagina' },
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    expect(calls(fetchMock).some((url) => url.pathname.endsWith('/audit'))).toBe(false);
  });
});

describe('back office login gating', () => {
  afterEach(cleanup);

  it('sends an anonymous visitor of any entity page to "Accedi", with the way back', async () => {
    stubApi({
      '/api/v1/platform': platformInfo,
      '/api/v1/auth/session': anonymousSession,
      '/api/v1/auth/idps': [{ id: 'https://cie.example', name: 'CIE', kind: 'cie' }],
    });
    renderApp('/catalogo');
    expect(await screen.findByRole('heading', { level: 1, name: 'Accedi' }, { timeout: 5000 })).toBeTruthy();
    const cie = await screen.findByRole('link', { name: 'Entra con CIE' });
    const login = new URL(cie.getAttribute('href') ?? '', 'http://localhost');
    expect(login.searchParams.get('app')).toBe('backoffice');
    expect(login.searchParams.get('returnTo')).toBe('/catalogo');
  });

  it('shows the 403 page to a person with no role in any entity', async () => {
    stubApi({ '/api/v1/platform': platformInfo, '/api/v1/auth/session': sessionOf() });
    renderApp('/conti');
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Non hai i permessi per questa pagina' },
        { timeout: 5000 },
      ),
    ).toBeTruthy();
  });

  it('keeps the home page open to anonymous visitors', async () => {
    stubApi({ '/api/v1/platform': platformInfo, '/api/v1/auth/session': anonymousSession });
    renderApp('/');
    expect(screen.getByRole('heading', { level: 1, name: 'Back office enti' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Accedi' })).toBeTruthy());
  });
});
