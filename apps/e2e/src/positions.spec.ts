import { expect, type Page, test } from '@playwright/test';
import { seriousA11yViolations } from './a11y';
import { loginAs } from './login-helper';

// A login, two positions created through the form and several axe runs: well over the default 30 s here.
test.describe.configure({ timeout: 180_000 });

/** `yyyy-MM-dd`, `days` from today. */
function dayFromToday(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** A text or date input by its accessible name (the required fields' asterisk is hidden from it). */
function field(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

async function expectNoSeriousA11yViolations(page: Page) {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** Paolo Colombo is admin of ASL 01 and operator of Comune di Pineto: he works on Pineto as an operator. */
async function loginAsPinetoOperator(page: Page) {
  await loginAs(page, '/backoffice/', 'Paolo Colombo');
  const switcher = page.getByLabel('Ente', { exact: true });
  if ((await switcher.locator('option:checked').textContent()) !== 'Comune di Pineto') {
    await switcher.selectOption({ label: 'Comune di Pineto' });
  }
  await expect(switcher.locator('option:checked')).toHaveText('Comune di Pineto');
}

test('an operator creates a position in two installments, finds it by notice number and cancels another', async ({
  page,
}, testInfo) => {
  await loginAsPinetoOperator(page);

  // The list, from the main menu: the demo positions of Pineto.
  await page
    .getByRole('navigation', { name: 'Menu principale' })
    .getByRole('link', { name: 'Posizioni debitorie' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Posizioni debitorie' })).toBeVisible();
  await expect(page.getByTestId('active-entity')).toContainText('Comune di Pineto');
  await expect(page.getByTestId('active-entity')).toContainText('Operatore');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath('positions-list.png'), fullPage: true });

  // A new TARI position in two installments, published at once.
  await page.getByRole('link', { name: 'Nuova posizione' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nuova posizione debitoria' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Tipo dovuto' }).selectOption('TARI');
  // A wrong fiscal code is refused next to its field before anything is sent.
  await field(page, 'Codice fiscale').fill('VRDLCU72C12G482X');
  await page.getByRole('button', { name: 'Crea e pubblica' }).click();
  await expect(page.getByText('Il codice fiscale non è corretto: controlla i caratteri')).toBeVisible();
  await expect(field(page, 'Codice fiscale')).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  await field(page, 'Codice fiscale').fill('vrdlcu72c12g482y');
  await field(page, 'Nome e cognome').fill('Luca Verdi');
  await page.getByLabel('E-mail').fill('luca.verdi@example.it');
  await page.getByLabel('Via o piazza').fill('Via Gabriele D’Annunzio');
  await page.getByLabel('Civico').fill('12');
  await page.getByLabel('CAP').fill('64025');
  await page.getByLabel('Comune').fill('Pineto');
  await page.getByLabel('Provincia (sigla)').fill('te');
  await field(page, 'Descrizione').fill('TARI 2026 - utenza domestica (e2e)');
  // Bootstrap Italia draws checkboxes and radios on their labels, which are what take the click.
  await page.locator('label', { hasText: /^Soluzione unica$/ }).click();
  await expect(page.getByLabel('Soluzione unica', { exact: true })).not.toBeChecked();
  await page.locator('label', { hasText: /^Pagamento a rate$/ }).click();
  await page.getByLabel('Importo della rata 1 (€)').fill('120,50');
  await field(page, 'Scadenza della rata 1').fill(dayFromToday(30));
  await page.getByLabel('Importo della rata 2 (€)').fill('120,50');
  await field(page, 'Scadenza della rata 2').fill(dayFromToday(90));
  await expect(page.getByText(/Totale delle rate: 241,00\s€/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('position-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Crea e pubblica' }).click();

  // The detail of the new position: two installments, each with its notice number.
  await expect(page.getByText('La posizione debitoria è stata creata.')).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'TARI 2026 - utenza domestica (e2e)' }),
  ).toBeVisible();
  await expect(page.getByText('Pagabile su tutti i canali pagoPA con il codice avviso.')).toBeVisible();
  const firstInstallment = page.getByRole('article', { name: 'Rata 1 di 2' });
  await expect(page.getByRole('article', { name: 'Rata 2 di 2' })).toBeVisible();
  // The first row of each option is its "Codice avviso", grouped by 4 as on the printed notice.
  const noticeText = await firstInstallment.locator('dd').first().locator('.font-monospace').textContent();
  const formattedNotice = (noticeText ?? '').trim();
  expect(formattedNotice).toMatch(/^3\d{3} \d{4} \d{4} \d{4} \d{2}$/);
  await expect(
    page.getByRole('list', { name: 'Eventi della posizione, dal più recente' }).getByRole('listitem').first(),
  ).toContainText('CLMPLA68T10A515P');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath('position-detail.png'), fullPage: true });

  // Found again from the list by its notice number, typed as printed on the notice.
  await page.getByRole('link', { name: 'Torna alle posizioni debitorie' }).click();
  await field(page, 'Cerca').fill(formattedNotice);
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('cerca') === formattedNotice);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Luca Verdi');
  await expect(rows.nth(1)).toContainText('Da pagare');
  await expect(rows.nth(1)).toContainText('241,00');
  await rows.nth(1).getByRole('link', { name: formattedNotice }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'TARI 2026 - utenza domestica (e2e)' }),
  ).toBeVisible();

  // Edited: the form comes filled in, and the save goes with the version read.
  await page.getByRole('link', { name: 'Modifica' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modifica posizione debitoria' })).toBeVisible();
  await expect(field(page, 'Codice fiscale')).toHaveValue('VRDLCU72C12G482Y');
  await expect(page.getByLabel('Importo della rata 2 (€)')).toHaveValue('120,50');
  await page.getByLabel('E-mail').fill('l.verdi@example.it');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath('position-edit.png'), fullPage: true });
  await page.getByRole('button', { name: 'Salva le modifiche' }).click();
  await expect(page.getByText('Modifiche salvate.')).toBeVisible();
  await expect(page.getByText('l.verdi@example.it')).toBeVisible();

  // Another position, saved as a draft, then cancelled with a reason.
  await page.goto('/backoffice/posizioni/nuova');
  await page.getByRole('combobox', { name: 'Tipo dovuto' }).selectOption('SANZIONI_CDS');
  await field(page, 'Codice fiscale').fill('BNCGLI85M45A345P');
  await field(page, 'Nome e cognome').fill('Giulia Bianchi');
  await field(page, 'Descrizione').fill('Verbale n. 77/2026 (e2e)');
  await page.getByLabel('Importo della soluzione unica (€)').fill('42');
  await field(page, 'Scadenza della soluzione unica').fill(dayFromToday(60));
  await page.locator('label', { hasText: /^Più tardi: salvo una bozza/ }).click();
  await page.getByRole('button', { name: 'Salva la bozza' }).click();
  await expect(page.getByText('È una bozza: pubblicala quando è pronta.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pubblica' })).toBeVisible();

  await page.getByRole('button', { name: 'Annulla la posizione' }).click();
  const dialog = page.getByRole('dialog', { name: 'Annullare la posizione?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Annulla la posizione' }).click();
  await expect(dialog.getByText(/Scrivi il motivo dell’annullamento/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath('position-cancel-dialog.png'), fullPage: true });
  await dialog.getByLabel('Motivo dell’annullamento').fill('Verbale emesso per errore (e2e)');
  await dialog.getByRole('button', { name: 'Annulla la posizione' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Posizione annullata: i suoi avvisi non sono più pagabili.')).toBeVisible();
  await expect(page.getByText('Annullata dall’ente: non è più pagabile.')).toBeVisible();
  const lastEvent = page
    .getByRole('list', { name: 'Eventi della posizione, dal più recente' })
    .getByRole('listitem')
    .first();
  await expect(lastEvent).toContainText('Bozza → Annullata');
  await expect(lastEvent).toContainText('Verbale emesso per errore (e2e)');
  await expect(page.getByRole('button', { name: 'Annulla la posizione' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Modifica' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath('position-cancelled.png'), fullPage: true });

  // The list filtered by state, on a phone-sized screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/backoffice/posizioni?stato=CANCELLED');
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'Giulia Bianchi' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath('positions-list-mobile.png'), fullPage: true });
});
