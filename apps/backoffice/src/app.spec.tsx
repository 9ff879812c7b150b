import type { HealthResponse, PlatformStats } from '@pagamenti/contracts';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonError, platformInfo, renderApp, stubApi } from './__tests__/render-app';

const health: HealthResponse = {
  status: 'ok',
  version: '1.4.2',
  uptimeSeconds: 120,
  checkedAt: '2025-06-16T08:30:00Z',
  database: { status: 'up', engine: 'pglite', latencyMs: 3, serverVersion: '18.0', pendingMigrations: [] },
  jobs: null,
};

const stats: PlatformStats = {
  entities: {
    total: 12,
    byStage: {
      ADHESION_REQUESTED: 2,
      AGREEMENT_SIGNED: 1,
      CONFIGURATION: 1,
      TESTING: 2,
      PRODUCTION: 5,
      SUSPENDED: 1,
      WITHDRAWN: 0,
    },
  },
  generatedAt: '2025-06-16T08:30:00Z',
};

describe('backoffice app', () => {
  afterEach(cleanup);

  it('shows the service status and the entities in production from the API', async () => {
    stubApi({ '/api/v1/platform': platformInfo, '/api/health': health, '/api/v1/platform/stats': stats });
    renderApp('/');

    expect(screen.getByRole('heading', { level: 1, name: 'Back office enti' })).toBeTruthy();
    expect(screen.getByText(/SPID o CIE/)).toBeTruthy();

    const status = screen.getByRole('region', { name: 'Stato del servizio' });
    expect(await within(status).findByText('Operativo')).toBeTruthy();
    expect(within(status).getByText('Raggiungibile')).toBeTruthy();
    expect(within(status).getByText('1.4.2')).toBeTruthy();
    // 08:30 UTC is 10:30 in Rome in June.
    expect(within(status).getByText('Aggiornato il 16/06/2025, 10:30')).toBeTruthy();

    const entities = screen.getByRole('region', { name: 'Enti in esercizio' });
    expect(await within(entities).findByText('5')).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Back office enti | PagaFacile Abruzzo'));
  });

  it('lets each block fail on its own', async () => {
    stubApi({
      '/api/v1/platform': platformInfo,
      '/api/health': () => jsonError(503, 'SERVICE_UNAVAILABLE'),
      '/api/v1/platform/stats': stats,
    });
    renderApp('/');

    const status = screen.getByRole('region', { name: 'Stato del servizio' });
    expect(await within(status).findByRole('button', { name: 'Riprova' })).toBeTruthy();
    const entities = screen.getByRole('region', { name: 'Enti in esercizio' });
    expect(await within(entities).findByText('5')).toBeTruthy();
  });

  it('shows a database that is down as such, not as a fetch error', async () => {
    const down: HealthResponse = {
      ...health,
      status: 'down',
      database: { ...health.database, status: 'down', latencyMs: null },
    };
    stubApi({
      '/api/v1/platform': platformInfo,
      '/api/health': () => Response.json(down, { status: 503 }),
      '/api/v1/platform/stats': stats,
    });
    renderApp('/');

    const status = screen.getByRole('region', { name: 'Stato del servizio' });
    expect(await within(status).findByText('Non disponibile')).toBeTruthy();
    expect(within(status).getByText('Non raggiungibile')).toBeTruthy();
  });

  it('answers unknown paths with the 404 page', () => {
    stubApi({ '/api/v1/platform': platformInfo });
    renderApp('/non-esiste');
    expect(screen.getByRole('heading', { level: 1, name: 'Pagina non trovata' })).toBeTruthy();
  });
});
