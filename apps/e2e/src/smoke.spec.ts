import { expect, type Page, test } from '@playwright/test';
import { seriousA11yViolations } from './a11y';

const SPAS = [
  { name: 'Area cittadino', path: '/', liveData: 'Comune di Pineto' },
  { name: 'Back office enti', path: '/backoffice/', liveData: /In esercizio|enti in esercizio/i },
  { name: 'Console intermediario', path: '/admin/', liveData: /In esercizio/ },
] as const;

/** Console errors (CSP violations, failed requests, React errors) make a smoke test fail. */
function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

for (const spa of SPAS) {
  test.describe(spa.name, () => {
    test('opens with the Bootstrap Italia layout and live data from the API', async ({ page }, testInfo) => {
      const errors = collectConsoleErrors(page);
      await page.goto(spa.path);

      await expect(page.getByRole('banner')).toContainText('Piattaforma pagamenti pagoPA');
      await expect(page.getByRole('banner')).toContainText('Regione Abruzzo');
      await expect(page.getByRole('banner')).toContainText(spa.name);
      await expect(page.getByRole('contentinfo')).toBeVisible();
      await expect(page.getByRole('link', { name: 'Vai al contenuto principale' })).toHaveAttribute(
        'href',
        '#main-content',
      );
      await expect(page.locator('html')).toHaveAttribute('lang', 'it');
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.getByRole('main')).toContainText(spa.liveData);
      await expect(page).toHaveTitle(new RegExp('Piattaforma pagamenti pagoPA'));

      await page.screenshot({ path: testInfo.outputPath('home.png'), fullPage: true });
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });

    test('answers an unknown route with its 404 page, and survives a reload', async ({ page }) => {
      const response = await page.goto(`${spa.path}questa-pagina-non-esiste`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina non trovata');
      await expect(page.getByRole('banner')).toContainText(spa.name);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  });
}

test('the API documentation and health are served on the same origin', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(health.ok()).toBe(true);
  expect(await health.json()).toMatchObject({ status: 'ok', database: { status: 'up', engine: 'pglite' } });
  await page.goto('/api/docs');
  await expect(page.getByText('Piattaforma pagamenti pagoPA — API').first()).toBeVisible();
});
