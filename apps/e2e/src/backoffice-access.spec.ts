import { expect, test } from '@playwright/test';
import { seriousA11yViolations } from './a11y';
import { loginAs } from './login-helper';

// A login through the simulated IdP and several axe runs: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

test('an entity admin invites an operator, creates an API key seen once, and revokes it', async ({
  page,
}, testInfo) => {
  await loginAs(page, '/backoffice/', 'Anna Ferri');

  // "Operatori": the people of her active entity, Comune di Pineto, where she is admin.
  await page
    .getByRole('navigation', { name: 'Menu principale' })
    .getByRole('link', { name: 'Operatori' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Operatori' })).toBeVisible();
  await expect(page.getByTestId('active-entity')).toContainText('Comune di Pineto');
  const people = page.getByRole('table', { name: /Persone con un ruolo/ });
  await expect(people.getByRole('row', { name: /FRRNNA90E50A345B/ })).toContainText('Amministratore');
  await expect(people.getByRole('row', { name: /CLMPLA68T10A515P/ })).toContainText('Operatore');
  expect(await seriousA11yViolations(page)).toEqual([]);

  const fiscalCode = page.getByLabel('Codice fiscale');
  await fiscalCode.fill('VRDLCU72C12G482');
  await page.getByRole('button', { name: 'Invita' }).click();
  await expect(page.getByText('Il codice fiscale ha 16 caratteri: ne hai scritti 15')).toBeVisible();
  await expect(fiscalCode).toBeFocused();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await fiscalCode.fill('vrdlcu72c12g482y');
  await page.getByRole('combobox', { name: 'Ruolo', exact: true }).selectOption({ label: 'Operatore' });
  await page.getByRole('button', { name: 'Invita' }).click();
  await expect(page.getByText('Invito registrato: VRDLCU72C12G482Y', { exact: false })).toBeVisible();
  await expect(people.getByRole('row', { name: /VRDLCU72C12G482Y/ })).toContainText('Operatore');
  await page.screenshot({ path: testInfo.outputPath('operators.png'), fullPage: true });

  // "Chiavi API": create a key; its secret shows once.
  await page
    .getByRole('navigation', { name: 'Menu principale' })
    .getByRole('link', { name: 'Chiavi API' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chiavi API' })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByLabel('Nome della chiave').fill('Gestionale tributi (e2e)');
  // Bootstrap Italia draws the checkbox on its label, which is what takes the click.
  for (const scope of ['Gestione posizioni debitorie', 'Lettura pagamenti']) {
    await page.locator('label', { hasText: scope }).click();
    await expect(page.getByLabel(scope)).toBeChecked();
  }
  await page.getByRole('button', { name: 'Crea la chiave' }).click();

  const notice = page.getByTestId('created-key');
  await expect(notice.getByRole('heading', { name: /Gestionale tributi \(e2e\)/ })).toBeFocused();
  await expect(notice).toContainText('l’unica volta in cui la chiave viene mostrata');
  await expect(notice.getByRole('button', { name: 'Copia la chiave' })).toBeVisible();
  const key = await notice.getByLabel('Chiave API').inputValue();
  expect(key).toMatch(/^pk_[0-9a-f]{12}_[A-Za-z0-9_-]{20,}$/);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('api-key-created.png'), fullPage: true });

  // The key works for the entity's software, with the scopes chosen.
  const whoami = await page.request.get('/api/v1/integration/whoami', {
    headers: { Authorization: `Bearer ${key}` },
  });
  expect(whoami.status()).toBe(200);
  expect((await whoami.json()).scopes).toEqual(['debts:write', 'payments:read']);

  // Closed, and after a reload, the secret is nowhere on the page.
  await notice.getByRole('button', { name: 'Ho conservato la chiave, chiudi' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  const row = page.getByRole('row', { name: /Gestionale tributi \(e2e\)/ });
  await expect(row).toContainText('Attiva');
  await expect(row).toContainText(key.slice(0, 15));
  expect(await page.content()).not.toContain(key);

  // Revoke, after confirming.
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Revoca la chiave Gestionale tributi (e2e)' }).click();
  await expect(page.getByText('Chiave “Gestionale tributi (e2e)” revocata.')).toBeVisible();
  await expect(row).toContainText('Revocata il');
  await expect(row.getByRole('button')).toHaveCount(0);
  const refused = await page.request.get('/api/v1/integration/whoami', {
    headers: { Authorization: `Bearer ${key}` },
  });
  expect(refused.status()).toBe(401);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('api-keys.png'), fullPage: true });
});

test('an intermediary admin appoints an entity admin from the entity’s page', async ({ page }, testInfo) => {
  await loginAs(page, '/admin/', 'Giuseppe Marino');
  await page.goto('/admin/enti?q=Montesilvano');
  await page.getByRole('link', { name: 'Comune di Montesilvano' }).click();
  const section = page.getByRole('region', { name: 'Amministratori dell’ente' });
  await expect(section.getByRole('heading', { name: 'Nomina amministratore dell’ente' })).toBeVisible();
  await section.getByLabel('Codice fiscale della persona').fill('VRDLCU72C12G482Y');
  await section.getByRole('button', { name: 'Nomina amministratore' }).click();
  await expect(
    section.getByText('VRDLCU72C12G482Y è amministratore dell’ente', { exact: false }),
  ).toBeVisible();
  await expect(
    section
      .getByRole('table', { name: 'Amministratori dell’ente' })
      .getByRole('row', { name: /VRDLCU72C12G482Y/ }),
  ).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await section.screenshot({ path: testInfo.outputPath('entity-admins.png') });
});
