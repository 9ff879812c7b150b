import { expect, test } from '@playwright/test';
import { seriousA11yViolations } from './a11y';

const LOGINS = [
  { who: 'a citizen', path: '/', person: 'Mario Rossi', extra: null },
  { who: 'an entity operator', path: '/backoffice/', person: 'Anna Ferri', extra: 'Ente' },
  { who: 'intermediary staff', path: '/admin/', person: 'Giuseppe Marino', extra: null },
] as const;

for (const login of LOGINS) {
  test(`${login.who} logs in through the test SPID IdP and logs out`, async ({ page }) => {
    await page.goto(`${login.path}accedi`);
    await expect(page.getByRole('heading', { level: 1, name: 'Accedi' })).toBeVisible();
    await expect(page).toHaveTitle(/Accedi/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    const spid = page.getByRole('button', { name: 'Entra con SPID' });
    await expect(spid).toHaveAttribute('aria-expanded', 'false');
    await spid.click();
    await expect(spid).toHaveAttribute('aria-expanded', 'true');
    await page.getByRole('link', { name: 'IdP di test (simulatore)' }).click();

    // The simulator's IdP received the signed AuthnRequest and shows its test identities.
    await expect(page.getByRole('heading', { level: 1, name: 'Gestore di identità di test' })).toBeVisible();
    await page.getByRole('button', { name: `Accedi come ${login.person}` }).click();

    await page.waitForURL((url) => url.pathname === login.path);
    await expect(page.getByTestId('current-user')).toHaveText(login.person);
    if (login.extra) await expect(page.getByLabel(login.extra)).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Esci' }).click();
    await expect(page.getByRole('link', { name: 'Accedi' })).toBeVisible();
    const session = await page.request.get('/api/v1/auth/session');
    expect(await session.json()).toEqual({ user: null });
  });
}
