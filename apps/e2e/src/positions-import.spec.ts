import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { seriousA11yViolations } from './a11y';
import { loginAs } from './login-helper';

// A login, a verification, an import of 3,000 rows on the embedded database, axe runs: well over 30 s here.
test.describe.configure({ timeout: 180_000 });

/** `GG/MM/AAAA`, `days` from today: the date format Italian spreadsheets write. */
function italianDay(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${String(date.getDate()).padStart(2, '0')}/${String(date.getMonth() + 1).padStart(2, '0')}/${date.getFullYear()}`;
}

/** Paolo Colombo is an operator of Comune di Pineto. */
async function loginAsPinetoOperator(page: Page) {
  await loginAs(page, '/backoffice/', 'Paolo Colombo');
  const switcher = page.getByLabel('Ente', { exact: true });
  if ((await switcher.locator('option:checked').textContent()) !== 'Comune di Pineto') {
    await switcher.selectOption({ label: 'Comune di Pineto' });
  }
  await expect(switcher.locator('option:checked')).toHaveText('Comune di Pineto');
}

const HEADER =
  'azione;iupd;codice_tipo_dovuto;codice_fiscale_debitore;nome_debitore;causale;rata;importo;scadenza';

/** 3,000 good single payments, a good installment plan, and three bad rows in between. */
function uploadFile(): string {
  const run = Date.now().toString(36).toUpperCase();
  const lines = [HEADER];
  for (let i = 1; i <= 3000; i++) {
    lines.push(
      `CREA;E2E-${run}-${i};TARI;RSSMRA80A01H501U;Mario Rossi;TARI 2026 acconto;;${(10 + (i % 90)).toString()},50;${italianDay(40)}`,
    );
    if (i === 10)
      lines.push(`CREA;E2E-${run}-BAD1;TARI;RSSMRA80A01H501X;Mario Rossi;TARI 2026;;12,00;${italianDay(40)}`);
    if (i === 20)
      lines.push(
        `CREA;E2E-${run}-BAD2;NON_ESISTE;RSSMRA80A01H501U;Mario Rossi;TARI 2026;;12,00;${italianDay(40)}`,
      );
    if (i === 30)
      lines.push(
        `CREA;E2E-${run}-BAD3;TARI;RSSMRA80A01H501U;=HYPERLINK("x");TARI 2026;;dieci;${italianDay(40)}`,
      );
  }
  lines.push(
    `CREA;E2E-${run}-RATE;TARI;BNCGLI85M45A345P;Giulia Bianchi;TARI 2026 rate;1;60,00;${italianDay(40)}`,
  );
  lines.push(
    `CREA;E2E-${run}-RATE;TARI;BNCGLI85M45A345P;Giulia Bianchi;TARI 2026 rate;2;60,00;${italianDay(100)}`,
  );
  return `${lines.join('\r\n')}\r\n`;
}

test('an operator verifies and uploads a file of positions, watches the progress, reads the error report and finds the new positions', async ({
  page,
}, testInfo) => {
  await loginAsPinetoOperator(page);
  await page
    .getByRole('navigation', { name: 'Menu principale' })
    .getByRole('link', { name: 'Carica posizioni' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Carica posizioni' })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The template of TARI: the header and example rows with Pineto's due type.
  await page.getByLabel('Tipo dovuto').selectOption('TARI');
  const templateDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: /Scarica il modello CSV/ }).click();
  const template = readFileSync((await (await templateDownload).path()) as string, 'utf8');
  expect(template.split('\r\n')[0]).toContain('azione;iupd;codice_tipo_dovuto');
  expect(template.split('\r\n')[1]).toContain(';TARI;');

  const csv = uploadFile();
  const run = /E2E-([0-9A-Z]+)-1;/.exec(csv)?.[1] ?? '';
  await page.getByLabel('File delle posizioni (CSV o JSON)').setInputFiles({
    name: 'tari-2026.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });

  // Dry run: every error shows before anything is written.
  await page.getByRole('button', { name: 'Verifica senza importare' }).click();
  await expect(page.getByRole('heading', { name: 'Verifica di tari-2026.csv' })).toBeVisible();
  await expect(page.getByText('3 righe con errori.')).toBeVisible({ timeout: 60_000 });
  const errors = page.getByRole('table', { name: /Righe con errori/ });
  await expect(errors.getByRole('row')).toHaveCount(4);
  await expect(errors.getByRole('row').nth(1)).toContainText('codice_fiscale_debitore');
  await expect(errors.getByRole('row').nth(2)).toContainText('il tipo dovuto NON_ESISTE non è nel catalogo');
  await expect(errors.getByRole('row').nth(3)).toContainText(
    'importo: "dieci" non è un importo in euro valido',
  );
  await expect(page.getByTestId('import-counts')).toContainText('3001');
  expect(await seriousA11yViolations(page)).toEqual([]);
  const listed = await page.request.get(`/api/v1/entities/${await pinetoId(page)}/positions/E2E-${run}-1`);
  expect(listed.status()).toBe(404);

  // The real import: the progress bar moves to 100 %.
  await page.getByRole('button', { name: 'Importa comunque le righe valide' }).click();
  await expect(page.getByRole('heading', { name: 'Importazione di tari-2026.csv' })).toBeVisible();
  const bar = page.getByRole('progressbar');
  await expect(bar).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('import-progress.png'), fullPage: true });
  await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 90_000 });
  await expect(page.getByText('3 righe con errori: le altre sono state importate.')).toBeVisible();
  await expect(page.getByTestId('import-counts')).toContainText('Posizioni create3001');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('import-done.png'), fullPage: true });

  // The error report mirrors the input and says what is wrong, with formulas neutralised.
  const reportDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Scarica il rapporto errori (CSV)' }).click();
  const report = readFileSync((await (await reportDownload).path()) as string, 'utf8').replace(/^\ufeff/, '');
  const lines = report.trimEnd().split('\r\n');
  expect(lines[0]).toBe(`${HEADER};riga;errore`);
  expect(lines).toHaveLength(4);
  expect(lines[1]).toMatch(
    new RegExp(`^CREA;E2E-${run}-BAD1;TARI;RSSMRA80A01H501X;.*;12;codice_fiscale_debitore: `),
  );
  expect(lines[2]).toContain(
    ';23;codice_tipo_dovuto: il tipo dovuto NON_ESISTE non è nel catalogo dell’ente',
  );
  expect(lines[3]).toContain(`;"'=HYPERLINK(""x"")";`);
  expect(lines[3]).toContain(';34;"importo: ""dieci"" non è un importo in euro valido');

  // The new positions are in the list: the installment plan by its IUPD.
  await page.getByRole('link', { name: 'Vai alle posizioni' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Posizioni debitorie' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Cerca', exact: true }).fill(`E2E-${run}-RATE`);
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('cerca') === `E2E-${run}-RATE`);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  const row = rows.nth(1);
  await expect(row).toContainText('Giulia Bianchi');
  await expect(row).toContainText('120,00');
  const api = await page.request.get(`/api/v1/entities/${await pinetoId(page)}/positions/E2E-${run}-3000`);
  expect(api.status()).toBe(200);
  expect(await api.json()).toMatchObject({ status: 'VALID', debtor: { name: 'Mario Rossi' } });

  // The upload is in the history of the page.
  await page.goto('/backoffice/carica-posizioni');
  const history = page.getByRole('table', { name: /Caricamenti di posizioni/ });
  await expect(history.getByRole('row').nth(1)).toContainText('tari-2026.csv');
  await expect(history.getByRole('row').nth(1)).toContainText('Importazione');
});

async function pinetoId(page: Page): Promise<string> {
  const me = (await (await page.request.get('/api/v1/me')).json()) as {
    entities: { entityId: string; entityName: string }[];
  };
  return me.entities.find((entity) => entity.entityName === 'Comune di Pineto')?.entityId ?? '';
}
