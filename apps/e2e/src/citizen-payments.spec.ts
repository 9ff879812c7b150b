import { type Browser, expect, type Page, test } from '@playwright/test';
import { seriousA11yViolations } from './a11y';
import { loginAs } from './login-helper';

// Logins, Checkout on the simulator, the station's receipt and axe on every page: well over the default 30 s.
test.describe.configure({ timeout: 120_000 });

const PINETO = '99023040399';
const MONTESILVANO = '99027229550';

/** A demo position's first notice number, read through the back office API as an operator of its entity. */
async function demoNotice(browser: Browser, entityFiscalCode: string, iupd: string, operator: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, '/backoffice/', operator);
  const me = (await (await page.request.get('/api/v1/me')).json()) as {
    entities: { entityId: string; entityFiscalCode: string }[];
  };
  const entityId = me.entities.find((entity) => entity.entityFiscalCode === entityFiscalCode)?.entityId ?? '';
  const position = (await (
    await page.request.get(`/api/v1/entities/${entityId}/positions/${iupd}`)
  ).json()) as {
    options: { noticeNumber: string; installment: number | null }[];
  };
  await context.close();
  const single = position.options.find((option) => option.installment === null) ?? position.options[0];
  return single?.noticeNumber ?? '';
}

async function expectAccessible(page: Page) {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** On the simulated Checkout: the cart, then "Conferma e paga" with the PSP proposed first. */
async function payOnCheckout(page: Page, expectedRow: RegExp) {
  await expect(page.getByRole('heading', { level: 1, name: 'Paga con pagoPA' })).toBeVisible();
  await expect(page.getByRole('row', { name: expectedRow })).toBeVisible();
  await page.getByRole('button', { name: 'Conferma e paga' }).click();
  await page.waitForURL(/\/pagamento\/esito\/[A-Za-z0-9_-]{32}\?esito=ok$/);
}

/** The outcome page turns "Pagamento riuscito" when the receipt reaches the station; its PDF downloads. */
async function expectPaidWithReceipt(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Pagamento riuscito' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page).toHaveTitle(/Pagamento riuscito/);
  await expectAccessible(page);
  const link = page.getByRole('link', { name: /Scarica la ricevuta dell’avviso/ }).first();
  const pdf = await page.request.get((await link.getAttribute('href')) ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
}

test('an anonymous citizen pays a notice by its code and downloads the receipt', async ({
  page,
  browser,
}) => {
  const noticeNumber = await demoNotice(browser, PINETO, 'DEMO-PINETO-CDS-0412-2026', 'Anna Ferri');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Paga i tuoi avvisi pagoPA' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Continua' }).click();
  await expect(page.getByText('Inserisci 18 cifre.')).toBeVisible();
  await page.getByLabel(/^Codice avviso/).fill(noticeNumber.replace(/(\d{4})(?=\d)/g, '$1 '));
  await page.getByLabel(/^Codice fiscale ente creditore/).fill(PINETO);
  await page.getByRole('button', { name: 'Continua' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Dati del pagamento' })).toBeVisible();
  await expect(page.getByText('Comune di Pineto')).toBeVisible();
  await expect(page.getByText('42,00 €')).toBeVisible();
  await expect(page.getByText('Da pagare')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Paga con pagoPA' }).click();

  await payOnCheckout(page, /Comune di Pineto/);
  await expectPaidWithReceipt(page);

  // The notice now reads "già pagato" to anyone who looks it up.
  await page.goto(`/avviso/${PINETO}/${noticeNumber}`);
  await expect(page.getByText('Questo avviso è già stato pagato: non devi pagarlo di nuovo.')).toBeVisible();
});

test('a demo citizen logs in, pays one of their notices and finds the receipt', async ({ page, browser }) => {
  const noticeNumber = await demoNotice(
    browser,
    MONTESILVANO,
    'DEMO-MONTESILVANO-MENSA-T1-RSSMRA',
    'Sara De Luca',
  );
  await loginAs(page, '/', 'Mario Rossi');
  await page.getByRole('link', { name: 'I miei avvisi' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'I miei avvisi' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /TARI/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mensa scolastica' })).toBeVisible();
  await expectAccessible(page);

  const mensa = page.getByRole('region', { name: 'Mensa scolastica' });
  const box = mensa.getByRole('checkbox').first();
  const label = (await box.getAttribute('aria-label')) ?? '';
  expect(label).toContain(noticeNumber.replace(/(\d{4})(?=\d)/g, '$1 '));
  await box.check();
  await expect(page.getByText(/Avvisi selezionati: 1 di 5 — totale 128,00/)).toBeVisible();
  await page.getByRole('button', { name: 'Paga con pagoPA (1)' }).click();

  await payOnCheckout(page, /Comune di Montesilvano/);
  await expectPaidWithReceipt(page);

  await page.getByRole('link', { name: 'Le mie ricevute' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Le mie ricevute' })).toBeVisible();
  const printed = label.match(/\d{4}( \d{4}){3} \d{2}/)?.[0] ?? '';
  await expect(page.getByRole('row', { name: new RegExp(printed) })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Ente/).fill('Montesilvano');
  await page.getByRole('button', { name: 'Filtra' }).click();
  await expect(page).toHaveURL(/ente=Montesilvano/);
  await expect(page.getByRole('row', { name: new RegExp(printed) })).toBeVisible();
  const pdf = page.getByRole('link', { name: new RegExp(`Scarica la ricevuta dell’avviso ${printed}`) });
  const download = await page.request.get((await pdf.getAttribute('href')) ?? '');
  expect(download.status()).toBe(200);

  // "I miei avvisi" no longer offers the paid notice.
  await page.getByRole('link', { name: 'I miei avvisi' }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: /TARI/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mensa scolastica' })).toHaveCount(0);
});

test('a spontaneous payment from a due type’s form', async ({ page }) => {
  await page.goto('/pagamenti-spontanei');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagamenti spontanei' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Cerca per ente o servizio').fill('sosta pineto');
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  await expect(page).toHaveURL(/q=sosta/);
  await page.getByRole('link', { name: 'Compila e paga: Permesso di sosta, Comune di Pineto' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Permesso di sosta' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Paga con pagoPA' }).click();
  await expect(page.getByLabel(/Targa del veicolo/)).toBeFocused();
  await page.getByLabel(/Targa del veicolo/).fill('ab-1');
  await page.getByLabel(/Zona di sosta/).fill('Centro storico');
  await page.getByLabel(/^Codice fiscale/).fill('VRDLCU72C12G482Y');
  await page.getByLabel(/^Nome e cognome/).fill('Luca Verdi');
  await page.getByRole('button', { name: 'Paga con pagoPA' }).click();
  await expect(page.getByText('Il formato non è valido.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/Targa del veicolo/).fill('AB123CD');
  await page.getByRole('button', { name: 'Paga con pagoPA' }).click();

  await payOnCheckout(page, /Permesso di sosta/);
  await expectPaidWithReceipt(page);
});

test('cancelling on Checkout says so, and nothing was charged', async ({ page, browser }) => {
  const noticeNumber = await demoNotice(browser, PINETO, 'DEMO-PINETO-TARI-2026-RSSMRA', 'Anna Ferri');
  await page.goto(`/avviso/${PINETO}/${noticeNumber}`);
  await page.getByRole('button', { name: 'Paga con pagoPA' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Paga con pagoPA' })).toBeVisible();
  await page.getByRole('button', { name: 'Annulla il pagamento' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pagamento annullato' })).toBeVisible();
  await expect(page.getByText(/Non è stato addebitato alcun importo/)).toBeVisible();
  await expectAccessible(page);
});

test('one citizen cannot reach another’s notice or receipt', async ({ page, browser }) => {
  // Mario's own data, as Mario sees it.
  const mario = await browser.newContext();
  const marioPage = await mario.newPage();
  await loginAs(marioPage, '/', 'Mario Rossi');
  const positions = (await (await marioPage.request.get('/api/v1/me/positions')).json()) as { id: string }[];
  const receipts = (await (await marioPage.request.get('/api/v1/me/receipts')).json()) as {
    items: { id: string }[];
  };
  const positionId = positions[0]?.id ?? '';
  const receiptId = receipts.items[0]?.id ?? '';
  expect(positionId).not.toBe('');
  expect(receiptId).not.toBe('');
  expect((await marioPage.request.get(`/api/v1/me/positions/${positionId}`)).status()).toBe(200);
  await mario.close();

  await loginAs(page, '/', 'Giulia Bianchi');
  for (const url of [
    `/api/v1/me/positions/${positionId}`,
    `/api/v1/me/positions/${positionId}/notice.pdf`,
    `/api/v1/me/receipts/${receiptId}/receipt.pdf`,
  ]) {
    expect({ url, status: (await page.request.get(url)).status() }).toEqual({ url, status: 404 });
  }
  const giulias = (await (await page.request.get('/api/v1/me/positions')).json()) as { id: string }[];
  expect(giulias.map((position) => position.id)).not.toContain(positionId);
  await page.goto('/le-mie-ricevute');
  await expect(page.getByRole('heading', { level: 1, name: 'Le mie ricevute' })).toBeVisible();
  await expectAccessible(page);
  // Logged out, the same pages ask to log in.
  const anonymous = await browser.newContext();
  const anonymousPage = await anonymous.newPage();
  expect((await anonymousPage.request.get(`/api/v1/me/positions/${positionId}`)).status()).toBe(401);
  await anonymousPage.goto('/i-miei-avvisi');
  await expect(anonymousPage.getByRole('heading', { level: 1, name: 'Accedi' })).toBeVisible();
  await anonymous.close();
});

test('the citizen area switches to English', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pay your pagoPA notices' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Pay your pagoPA notices' })).toBeVisible();
  await page.getByRole('button', { name: 'Passa all’italiano' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('the citizen pages fit the screen and stay accessible', async ({ page }) => {
    for (const path of ['/', '/pagamenti-spontanei', `/avviso/${PINETO}/307000000000000000`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.getByRole('main')).not.toContainText('Caricamento');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
      await expectAccessible(page);
    }
  });
});
