import { expect, type Page, test } from '@playwright/test';
import { seriousA11yViolations } from './a11y';
import { loginAs } from './login-helper';

// Logins through the simulated IdP and several axe runs: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

/** From the "Accedi" page the browser is on, through the simulator's test SPID IdP as `person`. */
async function loginFromHere(page: Page, person: string) {
  await page.getByRole('button', { name: 'Entra con SPID' }).click();
  await page.getByRole('link', { name: 'IdP di test (simulatore)' }).click();
  await page.getByRole('button', { name: `Accedi come ${person}` }).click();
}

test('an anonymous visitor of "Registro attività" logs in and comes back to it, finding their login', async ({
  page,
}, testInfo) => {
  await page.goto('/admin/registro-attivita?azione=auth.login');
  await expect(page.getByRole('heading', { level: 1, name: 'Accedi' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/admin/accedi');
  await expect(
    page.getByText('Per aprire la pagina richiesta devi accedere.', { exact: false }),
  ).toBeVisible();

  await loginFromHere(page, 'Giuseppe Marino');
  // The API sends the browser back to the page it asked for, filters included.
  await page.waitForURL((url) => url.pathname === '/admin/registro-attivita');
  expect(new URL(page.url()).searchParams.get('azione')).toBe('auth.login');
  await expect(page.getByTestId('current-user')).toHaveText('Giuseppe Marino');
  await expect(page.getByRole('heading', { level: 1, name: 'Registro attività' })).toBeVisible();

  // Only their own logins: the newest is the one just made.
  await page.getByLabel('Codice fiscale di chi ha agito').fill('MRNGPP81B20A345W');
  await page.getByRole('button', { name: 'Cerca' }).click();
  await page.waitForURL((url) => url.searchParams.get('chi') === 'MRNGPP81B20A345W');
  const first = page.getByRole('table').getByRole('row').nth(1);
  await expect(first).toContainText('MRNGPP81B20A345W');
  await expect(first).toContainText('Accesso');
  await expect(first).toContainText('Riuscita');
  await expect(first.getByRole('rowheader')).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('registro-attivita.png'), fullPage: true });

  // Nothing matches: the empty state, and "Azzera filtri" brings the whole register back.
  await page.goto('/admin/registro-attivita?chi=RSSMRA80A01H501U&esito=failure&azione=role.');
  await expect(page.getByText('Nessun risultato per i filtri impostati.')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page
    .getByRole('alert')
    .filter({ hasText: 'Nessun risultato' })
    .getByRole('button', { name: 'Azzera filtri' })
    .click();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
});

test('a person without an intermediary role sees the 403 page in the console', async ({ page }) => {
  await loginAs(page, '/admin/', 'Mario Rossi');
  await page.goto('/admin/registro-attivita');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Non hai i permessi per questa pagina' }),
  ).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('an entity admin opens the register of their entity in the back office', async ({ page }, testInfo) => {
  await loginAs(page, '/backoffice/', 'Anna Ferri');
  await page.getByRole('link', { name: 'Registro attività', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registro attività' })).toBeVisible();
  await expect(page.getByText(/Le attività registrate su/)).toBeVisible();
  // Logins concern no entity: the entity's register may well be empty on a fresh database.
  await expect(page.getByRole('table').or(page.getByText('Il registro è vuoto'))).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('registro-attivita-ente.png'), fullPage: true });
});
