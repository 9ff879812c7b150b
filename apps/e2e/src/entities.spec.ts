import { expect, type Page, test } from '@playwright/test';
import { seriousA11yViolations } from './a11y';

// Two logins through the simulated IdP and several axe runs: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

/** Logs in through the simulator's test SPID IdP, as login.spec.ts does, and comes back to `path`. */
async function loginAs(page: Page, path: string, person: string) {
  await page.goto(`${path}accedi`);
  await page.getByRole('button', { name: 'Entra con SPID' }).click();
  await page.getByRole('link', { name: 'IdP di test (simulatore)' }).click();
  await page.getByRole('button', { name: `Accedi come ${person}` }).click();
  await page.waitForURL((url) => url.pathname === path);
  await expect(page.getByTestId('current-user')).toHaveText(person);
}

test('intermediary staff advance an entity one stage, with a note in its history', async ({
  page,
}, testInfo) => {
  await loginAs(page, '/admin/', 'Giuseppe Marino');
  await page.goto('/admin/enti?fase=AGREEMENT_SIGNED');
  await expect(page.getByRole('heading', { level: 1, name: 'Enti' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Convenzione firmata/, pressed: true })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Comune di Roccaspinalveti' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comune di Roccaspinalveti' })).toBeVisible();
  await expect(page.getByLabel('Modulo di manleva firmato dal referente')).toBeChecked();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByLabel('Nota').fill('Convenzione protocollata, si passa alla configurazione');
  await page.getByRole('button', { name: 'Avanza a Configurazione' }).click();
  await expect(page.getByText('Fase aggiornata: Configurazione.')).toBeVisible();

  const history = page.getByRole('list', { name: 'Passaggi di fase, dal più recente' });
  await expect(history.getByRole('listitem').first()).toContainText('Convenzione firmata → Configurazione');
  await expect(history.getByRole('listitem').first()).toContainText('Convenzione protocollata');
  // The configuration checklist now shows, driven by the entity's data.
  await expect(page.getByLabel('Ente collegato a una stazione')).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('entity-advanced.png'), fullPage: true });

  await page.goto('/admin/enti?fase=CONFIGURATION');
  await expect(page.getByRole('link', { name: 'Comune di Roccaspinalveti' })).toBeVisible();
});

test('an entity operator creates a due type from a preset', async ({ page }, testInfo) => {
  await loginAs(page, '/backoffice/', 'Anna Ferri');
  await page.goto('/backoffice/catalogo');
  // Her session's active entity: Comune di Pineto, where she is admin (no entity picker on the page).
  await expect(page.getByTestId('active-entity')).toContainText('Comune di Pineto');
  await expect(page.getByRole('cell', { name: 'TARI', exact: true })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Nuovo tipo dovuto' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nuovo tipo dovuto' })).toBeVisible();
  await page.getByLabel('Parti da un modello').selectOption({ label: 'Canone di locazione' });
  await expect(page.getByLabel('Codice tassonomico')).toHaveValue('9/0110100TS/');
  await expect(page.getByLabel('Modulo per il pagamento spontaneo (JSON Schema)')).toHaveValue(
    /codiceContratto/,
  );
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('due-type-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Salva il tipo dovuto' }).click();

  await page.waitForURL((url) => url.pathname === '/backoffice/catalogo');
  const row = page.getByRole('row', { name: /Canone di locazione/ });
  await expect(row).toContainText('CANONE_LOCAZIONE');
  await expect(row).toContainText('Attivo');
  await page.screenshot({ path: testInfo.outputPath('catalogue.png'), fullPage: true });
});
