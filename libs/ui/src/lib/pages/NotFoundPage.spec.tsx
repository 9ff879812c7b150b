import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { platformInfo, renderWithProviders, stubApi } from '../testing/render';
import { NotFoundPage } from './NotFoundPage';

describe('NotFoundPage', () => {
  afterEach(cleanup);

  it('says the page does not exist, links home and titles the tab', async () => {
    stubApi({ '/api/v1/platform': platformInfo });
    renderWithProviders(<NotFoundPage />, { route: '/non-esiste' });

    expect(screen.getByRole('heading', { level: 1, name: 'Pagina non trovata' })).toBeTruthy();
    expect(screen.getByText(/Errore 404/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Torna alla pagina iniziale' }).getAttribute('href')).toBe('/');
    await waitFor(() => expect(document.title).toBe('Pagina non trovata | PagaFacile Abruzzo'));
  });
});
