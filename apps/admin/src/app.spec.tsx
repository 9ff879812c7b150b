import type { HealthResponse, PlatformStats } from '@pagamenti/contracts';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { platformInfo, renderApp, stubApi } from './__tests__/render-app';

const health: HealthResponse = {
  status: 'degraded',
  version: '1.4.2',
  uptimeSeconds: 120,
  checkedAt: '2025-01-10T08:30:00Z',
  database: {
    status: 'down',
    engine: 'postgresql',
    latencyMs: null,
    serverVersion: null,
    pendingMigrations: [],
  },
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
  generatedAt: '2025-01-10T08:30:00Z',
};

describe('admin app', () => {
  afterEach(cleanup);

  it('shows the onboarding pipeline and the service health from the API', async () => {
    stubApi({ '/api/v1/platform': platformInfo, '/api/health': health, '/api/v1/platform/stats': stats });
    renderApp('/');

    expect(screen.getByRole('heading', { level: 1, name: 'Console intermediario' })).toBeTruthy();

    const tiles = await screen.findByRole('list', { name: 'Enti per fase' });
    const production = within(tiles).getByText('In esercizio').closest('li')!;
    expect(within(production).getByText('5')).toBeTruthy();
    const total = within(tiles).getByText('Totale enti').closest('li')!;
    expect(within(total).getByText('12')).toBeTruthy();

    const chart = screen.getByRole('figure', { name: 'Distribuzione degli enti per fase' });
    expect(within(chart).getByText('5 enti (42%)')).toBeTruthy();
    expect(within(chart).getAllByText('1 ente (8%)')).toHaveLength(3);

    const healthTile = screen.getByRole('region', { name: 'Stato del servizio' });
    expect(await within(healthTile).findByText('Funzionamento parziale')).toBeTruthy();
    expect(within(healthTile).getByText('Non raggiungibile')).toBeTruthy();
    // 08:30 UTC is 09:30 in Rome in January.
    expect(within(healthTile).getByText('Aggiornato il 10/01/2025, 09:30')).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Console intermediario | PagaFacile Abruzzo'));
  });

  it('answers unknown paths with the 404 page', () => {
    stubApi({ '/api/v1/platform': platformInfo });
    renderApp('/pagina/inesistente');
    expect(screen.getByRole('heading', { level: 1, name: 'Pagina non trovata' })).toBeTruthy();
  });
});
