import type { EntitySummary, Page } from '@pagamenti/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonError, platformInfo, renderApp, stubApi } from './__tests__/render-app';

const entities: Page<EntitySummary> = {
  items: [
    {
      id: 'e1',
      fiscalCode: '80002950669',
      name: 'Comune di L’Aquila',
      category: 'COMUNE',
      province: 'AQ',
      onboardingStage: 'PRODUCTION',
    },
    {
      id: 'e2',
      fiscalCode: '01234560685',
      name: 'ASL 2 Lanciano Vasto Chieti',
      category: 'ASL',
      province: 'CH',
      onboardingStage: 'PRODUCTION',
    },
  ],
  nextCursor: null,
};

describe('citizen app', () => {
  afterEach(cleanup);

  it('shows the home page with the entities in production from the API', async () => {
    const fetchMock = stubApi({ '/api/v1/platform': platformInfo, '/api/v1/public/entities': entities });
    renderApp('/');

    expect(screen.getByRole('heading', { level: 1, name: 'Paga i tuoi avvisi pagoPA' })).toBeTruthy();
    for (const title of ['Paga un avviso', 'Pagamento spontaneo', 'Le tue ricevute']) {
      expect(screen.getByRole('heading', { level: 3, name: title })).toBeTruthy();
    }

    const table = await screen.findByRole('table');
    const row = within(table).getByRole('row', { name: /Comune di L’Aquila/ });
    expect(within(row).getByText('Comune')).toBeTruthy();
    expect(within(row).getByText('AQ')).toBeTruthy();
    expect(within(table).getByText('Azienda sanitaria locale')).toBeTruthy();

    const entitiesCall = fetchMock.mock.calls
      .map(([url]) => url)
      .find((url) => url.includes('/public/entities'));
    expect(entitiesCall).toBe('/api/v1/public/entities?stage=PRODUCTION&limit=50');
    await waitFor(() => expect(document.title).toBe('Paga i tuoi avvisi pagoPA | PagaFacile Abruzzo'));
  });

  it('says so when no entity is in production yet', async () => {
    stubApi({ '/api/v1/platform': platformInfo, '/api/v1/public/entities': { items: [], nextCursor: null } });
    renderApp('/');
    expect(await screen.findByText('Nessun ente è ancora in esercizio')).toBeTruthy();
  });

  it('shows the error with "Riprova", and retrying fetches again', async () => {
    let calls = 0;
    stubApi({
      '/api/v1/platform': platformInfo,
      '/api/v1/public/entities': () =>
        ++calls === 1 ? jsonError(503, 'SERVICE_UNAVAILABLE') : Response.json(entities),
    });
    renderApp('/');

    expect(await screen.findByText('Non riusciamo a recuperare i dati a causa di un problema.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Riprova' }));
    expect(await screen.findByText('Comune di L’Aquila')).toBeTruthy();
  });

  it('answers unknown paths with the 404 page inside the layout', async () => {
    stubApi({ '/api/v1/platform': platformInfo });
    renderApp('/pagina-che-non-esiste');

    expect(screen.getByRole('heading', { level: 1, name: 'Pagina non trovata' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Vai al contenuto principale' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Pagina non trovata | PagaFacile Abruzzo'));
  });

  it('serves the footer pages', () => {
    stubApi({ '/api/v1/platform': platformInfo });
    renderApp('/accessibilita');
    expect(screen.getByRole('heading', { level: 1, name: 'Accessibilità' })).toBeTruthy();
  });
});
