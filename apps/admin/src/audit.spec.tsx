import type { AuditEvent, AuditEventPage, EntityListItem, Page } from '@pagamenti/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { anonymousSession, platformInfo, renderApp, sessionOf, stubApi } from './__tests__/render-app';

const PINETO = '00000000-0000-4000-8000-000000000007';

const entities: Page<EntityListItem> = {
  items: [
    {
      id: PINETO,
      fiscalCode: '99023040399',
      name: 'Comune di Pineto',
      category: 'COMUNE',
      province: 'TE',
      onboardingStage: 'PRODUCTION',
      ipaCode: null,
      stationCode: null,
      updatedAt: '2025-01-10T08:30:00Z',
    },
  ],
  nextCursor: null,
};

const login: AuditEvent = {
  id: 'a1',
  at: '2025-06-16T22:30:00Z',
  action: 'auth.login',
  outcome: 'success',
  actorFiscalCode: 'MRNGPP81B20A345W',
  actorKind: 'person',
  entityId: null,
  objectType: null,
  objectId: null,
  ip: '127.0.0.1',
  correlationId: 'c1',
  details: {},
};

const grant: AuditEvent = {
  ...login,
  id: 'a2',
  at: '2025-01-05T08:05:00Z',
  action: 'role.entity.granted',
  actorFiscalCode: 'FRRNNA90E50A345B',
  entityId: PINETO,
  objectType: 'person',
  objectId: 'DLCSRA77H55G482G',
};

const refused: AuditEvent = {
  ...login,
  id: 'a3',
  outcome: 'failure',
  actorFiscalCode: null,
  actorKind: 'anonymous',
  details: { reason: 'signature-invalid' },
};

const staff = sessionOf({ intermediaryRole: 'readonly' });

function auditCalls(fetchMock: ReturnType<typeof stubApi>): URL[] {
  return fetchMock.mock.calls
    .map(([url]) => new URL(String(url), 'http://localhost'))
    .filter((url) => url.pathname === '/api/v1/admin/audit');
}

describe('admin "Registro attività"', () => {
  afterEach(cleanup);

  it('sends the URL filters to the API, with Rome days as instants, and shows the rows', async () => {
    const page: AuditEventPage = { items: [login, grant, refused], nextCursor: null };
    const fetchMock = stubApi({
      '/api/v1/platform': platformInfo,
      '/api/v1/auth/session': staff,
      '/api/v1/admin/entities': entities,
      '/api/v1/admin/audit': page,
    });
    renderApp(
      `/registro-attivita?dal=2025-06-01&al=2025-06-30&chi=mrngpp81b20a345w&ente=${PINETO}&esito=success`,
    );

    const table = await screen.findByRole('table', undefined, { timeout: 5000 });
    const query = auditCalls(fetchMock)[0]?.searchParams;
    // June: Rome is UTC+2; "al 30/06" includes the whole day, up to Rome's midnight of 1 July.
    expect(query?.get('from')).toBe('2025-05-31T22:00:00.000Z');
    expect(query?.get('to')).toBe('2025-06-30T22:00:00.000Z');
    expect(query?.get('actor')).toBe('MRNGPP81B20A345W');
    expect(query?.get('entityId')).toBe(PINETO);
    expect(query?.get('outcome')).toBe('success');
    expect(query?.get('limit')).toBe('50');

    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    // 22:30 UTC on 16 June is 00:30 on 17 June in Rome.
    expect(within(rows[0]!).getByText('17/06/2025 00:30')).toBeTruthy();
    expect(within(rows[0]!).getByText('Accesso')).toBeTruthy();
    expect(within(rows[0]!).getByText('127.0.0.1')).toBeTruthy();
    expect(within(rows[1]!).getByText('05/01/2025 09:05')).toBeTruthy();
    expect(within(rows[1]!).getByText('Ruolo assegnato')).toBeTruthy();
    expect(await within(rows[1]!).findByRole('link', { name: 'Comune di Pineto' })).toBeTruthy();
    expect(within(rows[1]!).getByText('DLCSRA77H55G482G')).toBeTruthy();
    expect(within(rows[2]!).getByText('Anonimo')).toBeTruthy();
    expect(within(rows[2]!).getByText('Non riuscita')).toBeTruthy();
    expect(within(rows[2]!).getByText('Motivo: signature-invalid')).toBeTruthy();

    // The form starts from the URL.
    expect((screen.getByLabelText('Dal') as HTMLInputElement).value).toBe('2025-06-01');
    expect((screen.getByLabelText('Codice fiscale di chi ha agito') as HTMLInputElement).value).toBe(
      'MRNGPP81B20A345W',
    );
    await waitFor(() => expect((screen.getByLabelText('Ente') as HTMLSelectElement).value).toBe(PINETO));
  });

  it('applies the filters from the form, checks them first, and pages with "Mostra altri"', async () => {
    const fetchMock = stubApi({
      '/api/v1/platform': platformInfo,
      '/api/v1/auth/session': staff,
      '/api/v1/admin/entities': entities,
      '/api/v1/admin/audit': (url: URL) =>
        Response.json(
          url.searchParams.get('cursor') === 'next'
            ? { items: [grant], nextCursor: null }
            : { items: [login], nextCursor: 'next' },
        ),
    });
    renderApp('/registro-attivita');
    expect(await screen.findByText('Accesso', undefined, { timeout: 5000 })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Codice fiscale di chi ha agito'), { target: { value: 'ABC' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cerca' }));
    expect(await screen.findByText('Inserisci un codice fiscale di 16 caratteri')).toBeTruthy();
    expect(document.activeElement?.id).toBe('filtro-chi');

    fireEvent.change(screen.getByLabelText('Codice fiscale di chi ha agito'), {
      target: { value: 'frrnna90e50a345b' },
    });
    fireEvent.change(screen.getByLabelText('Tipo di azione'), { target: { value: 'role.' } });
    fireEvent.change(screen.getByLabelText('Esito'), { target: { value: 'failure' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cerca' }));
    await waitFor(() => {
      const last = auditCalls(fetchMock).at(-1)?.searchParams;
      expect(last?.get('actor')).toBe('FRRNNA90E50A345B');
      expect(last?.get('action')).toBe('role.');
      expect(last?.get('outcome')).toBe('failure');
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Mostra altri' }));
    expect(await screen.findByText('Ruolo assegnato')).toBeTruthy();
    expect(auditCalls(fetchMock).at(-1)?.searchParams.get('cursor')).toBe('next');
    expect(screen.getByText('2 attività mostrate.')).toBeTruthy();
  });

  it('says when nothing matches the filters, and "Azzera filtri" clears them', async () => {
    const fetchMock = stubApi({
      '/api/v1/platform': platformInfo,
      '/api/v1/auth/session': staff,
      '/api/v1/admin/entities': entities,
      '/api/v1/admin/audit': (url: URL) =>
        Response.json({ items: url.searchParams.has('outcome') ? [] : [login], nextCursor: null }),
    });
    renderApp('/registro-attivita?esito=failure');
    const empty = await screen.findByText('Nessun risultato per i filtri impostati.', undefined, {
      timeout: 5000,
    });
    fireEvent.click(
      within(empty.closest('.alert') as HTMLElement).getByRole('button', { name: 'Azzera filtri' }),
    );
    expect(await screen.findByText('Accesso')).toBeTruthy();
    expect(auditCalls(fetchMock).at(-1)?.searchParams.has('outcome')).toBe(false);
    expect((screen.getByLabelText('Esito') as HTMLSelectElement).value).toBe('');
  });
});

describe('admin login gating', () => {
  afterEach(cleanup);

  it('sends an anonymous visitor to "Accedi", keeping the page to come back to', async () => {
    const fetchMock = stubApi({
      '/api/v1/platform': platformInfo,
      '/api/v1/auth/session': anonymousSession,
      '/api/v1/auth/idps': [{ id: 'https://idp.example/spid', name: 'IdP di prova', kind: 'spid' }],
    });
    renderApp('/registro-attivita?esito=failure');
    expect(await screen.findByRole('heading', { level: 1, name: 'Accedi' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/Per aprire la pagina richiesta devi accedere/)).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Entra con SPID' }));
    const href = screen.getByRole('link', { name: 'IdP di prova' }).getAttribute('href') ?? '';
    const login = new URL(href, 'http://localhost');
    expect(login.pathname).toBe('/api/v1/auth/saml/login');
    expect(login.searchParams.get('app')).toBe('admin');
    expect(login.searchParams.get('returnTo')).toBe('/registro-attivita?esito=failure');
    expect(auditCalls(fetchMock)).toEqual([]);
  });

  it('shows "Non hai i permessi per questa pagina" to a person who is not intermediary staff', async () => {
    const fetchMock = stubApi({
      '/api/v1/platform': platformInfo,
      '/api/v1/auth/session': sessionOf({ intermediaryRole: null }),
    });
    renderApp('/enti');
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Non hai i permessi per questa pagina' },
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Torna alla pagina iniziale' })).toBeTruthy();
    const calls = fetchMock.mock.calls.map(([url]) => String(url));
    expect(calls.some((url) => url.startsWith('/api/v1/admin/'))).toBe(false);
  });

  it('leaves the home page and the footer pages open to everyone', async () => {
    stubApi({ '/api/v1/platform': platformInfo, '/api/v1/auth/session': anonymousSession });
    renderApp('/accessibilita');
    expect(
      await screen.findByRole('heading', { level: 1, name: /accessibilità/i }, { timeout: 5000 }),
    ).toBeTruthy();
  });
});
