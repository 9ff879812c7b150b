import { expect, type Page } from '@playwright/test';

/**
 * Logs in through the real path (SPA "Accedi" → signed AuthnRequest → the simulator's test IdP → ACS) as one of
 * the test identities of apps/pagopa-sim/src/idp/spid-identities.json, e.g. `loginAs(page, '/admin/', 'Giuseppe Marino')`.
 */
export async function loginAs(page: Page, appPath: string, person: string): Promise<void> {
  await page.goto(`${appPath}accedi`);
  await page.getByRole('button', { name: 'Entra con SPID' }).click();
  await page.getByRole('link', { name: 'IdP di test (simulatore)' }).click();
  await page.getByRole('button', { name: `Accedi come ${person}` }).click();
  await page.waitForURL((url) => url.pathname === appPath);
  await expect(page.getByTestId('current-user')).toHaveText(person);
}
