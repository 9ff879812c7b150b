import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { platformInfo, renderWithProviders, stubApi } from '../testing/render';
import { AppLayout } from './AppLayout';

const navItems = [
  { to: '/', label: 'Home', end: true },
  { to: '/ricevute', label: 'Ricevute' },
];

describe('AppLayout', () => {
  afterEach(cleanup);

  it('renders skip links, names from the platform info, the labelled menu, main and footer', async () => {
    stubApi({ '/api/v1/platform': platformInfo });
    renderWithProviders(
      <AppLayout appName="Area cittadino" navItems={navItems}>
        <h1>Contenuto</h1>
      </AppLayout>,
    );

    const skipToMain = screen.getByRole('link', { name: 'Vai al contenuto principale' });
    expect(skipToMain.getAttribute('href')).toBe('#main-content');
    expect(screen.getByRole('link', { name: 'Vai al piè di pagina' }).getAttribute('href')).toBe('#footer');

    expect(await screen.findByText('Agenzia digitale regionale')).toBeTruthy();
    const banner = screen.getByRole('banner');
    expect(within(banner).getAllByText('PagaFacile Abruzzo').length).toBeGreaterThan(0);
    expect(within(banner).getByText('Area cittadino')).toBeTruthy();

    // The collapsed mobile menu is display:none inline; Bootstrap Italia's CSS (absent in jsdom) shows it on desktop.
    const menu = screen.getByRole('navigation', { name: 'Menu principale' });
    const home = within(menu).getByRole('link', { name: 'Home', hidden: true });
    expect(home.getAttribute('aria-current')).toBe('page');
    expect(within(menu).getByRole('link', { name: 'Ricevute', hidden: true })).toBeTruthy();

    const main = screen.getByRole('main');
    expect(main.id).toBe('main-content');
    expect(within(main).getByRole('heading', { level: 1, name: 'Contenuto' })).toBeTruthy();

    const footer = screen.getByRole('contentinfo');
    for (const name of ['Accessibilità', 'Privacy', 'Note legali']) {
      expect(within(footer).getByRole('link', { name })).toBeTruthy();
    }
    expect(within(footer).getByText('Versione 1.4.2')).toBeTruthy();
  });

  it('falls back to generic names when the platform info cannot be read', async () => {
    const fetchMock = stubApi({});
    renderWithProviders(
      <AppLayout appName="Back office enti" navItems={navItems}>
        <p>Contenuto</p>
      </AppLayout>,
    );

    await expect.poll(() => fetchMock.mock.calls.length).toBeGreaterThan(0);
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Piattaforma pagamenti')).toBeTruthy();
    expect(within(banner).getByText('Back office enti')).toBeTruthy();
  });

  it('warns on every page when the installation runs on demo data', async () => {
    stubApi({ '/api/v1/platform': { ...platformInfo, demo: true } });
    renderWithProviders(
      <AppLayout appName="Console intermediario" navItems={navItems}>
        <p>Contenuto</p>
      </AppLayout>,
    );
    expect(await screen.findByText(/Ambiente dimostrativo/)).toBeTruthy();
  });
});
