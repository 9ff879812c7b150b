import { expect, test } from '@playwright/test';
import { seriousA11yViolations } from './a11y';
import { loginAs } from './login-helper';

// A login, a cart, two axe runs and a payment through the station: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

const simUrl = `http://localhost:${process.env['E2E_SIM_PORT'] ?? 3400}`;
const PINETO = '99023040399';
const SUBSCRIPTION_KEY = 'demo-subscription-key-0001';

test('a cart paid on the simulated Checkout comes back to the return URL and the position is paid', async ({
  page,
  baseURL,
}, testInfo) => {
  // An entity operator creates the notice through the API (session from the real SPID login).
  await loginAs(page, '/backoffice/', 'Anna Ferri');
  const csrf = (await page.context().cookies()).find((c) => c.name === 'pp_csrf')?.value ?? '';
  const me = (await (await page.request.get('/api/v1/me')).json()) as {
    entities: { entityId: string; entityFiscalCode: string }[];
  };
  const entityId = me.entities.find((e) => e.entityFiscalCode === PINETO)?.entityId ?? '';
  const dueDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const created = await page.request.post(`/api/v1/entities/${entityId}/positions`, {
    headers: { 'x-csrf-token': csrf },
    data: {
      iupd: `E2E-CHECKOUT-${Date.now()}`,
      dueTypeCode: 'PERMESSO_SOSTA',
      debtor: { type: 'F', idValue: 'RSSMRA80A01H501U', name: 'Mario Rossi' },
      description: 'Permesso di sosta residenti',
      options: [{ amountCents: 3_000, dueDate }],
    },
  });
  expect(created.status()).toBe(201);
  const position = (await created.json()) as { iupd: string; options: { noticeNumber: string }[] };
  const noticeNumber = position.options[0]?.noticeNumber ?? '';

  // The entity's portal opens a Checkout cart (carts API of checkout_v1.json) and follows the redirect.
  const returnOkUrl = `${baseURL}/?pagamento=ok`;
  const cart = await page.request.post(`${simUrl}/checkout/ec/v1/carts`, {
    headers: { 'Ocp-Apim-Subscription-Key': SUBSCRIPTION_KEY },
    data: {
      paymentNotices: [
        {
          noticeNumber,
          fiscalCode: PINETO,
          amount: 3_000,
          companyName: 'Comune di Pineto',
          description: 'Permesso di sosta',
        },
      ],
      returnUrls: {
        returnOkUrl,
        returnCancelUrl: `${baseURL}/?pagamento=annullato`,
        returnErrorUrl: `${baseURL}/?pagamento=errore`,
      },
      idCart: `E2E-${noticeNumber}`,
      emailNotice: 'mario.rossi@example.it',
    },
    maxRedirects: 0,
  });
  expect(cart.status()).toBe(302);
  await page.goto(cart.headers()['location'] ?? '');

  await expect(page.getByRole('heading', { level: 1, name: 'Paga con pagoPA' })).toBeVisible();
  const row = page.getByRole('row', { name: /Permesso di sosta residenti/ });
  await expect(row).toContainText('Comune di Pineto');
  await expect(row).toContainText('€ 30,00');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('checkout.png'), fullPage: true });

  await page.getByRole('radio', { name: /Poste Demo/ }).check();
  await page.getByRole('button', { name: 'Conferma e paga' }).click();
  await page.waitForURL(returnOkUrl);

  // The receipt reached the station: the position is paid.
  const paid = (await (
    await page.request.get(`/api/v1/entities/${entityId}/positions/${position.iupd}`)
  ).json()) as {
    status: string;
    options: { status: string }[];
  };
  expect(paid.status).toBe('PAID');
  expect(paid.options[0]?.status).toBe('PAID');
});

test('cancelling on the simulated Checkout goes back to the cancel URL', async ({
  page,
  request,
  baseURL,
}) => {
  const cart = await request.post(`${simUrl}/checkout/ec/v1/carts`, {
    headers: { 'Ocp-Apim-Subscription-Key': SUBSCRIPTION_KEY },
    data: {
      paymentNotices: [
        {
          noticeNumber: '307000000000000913',
          fiscalCode: PINETO,
          amount: 100,
          companyName: 'Comune di Pineto',
          description: 'Prova',
        },
      ],
      returnUrls: {
        returnOkUrl: `${baseURL}/?pagamento=ok`,
        returnCancelUrl: `${baseURL}/?pagamento=annullato`,
        returnErrorUrl: `${baseURL}/?pagamento=errore`,
      },
    },
    maxRedirects: 0,
  });
  expect(cart.status()).toBe(302);
  await page.goto(cart.headers()['location'] ?? '');
  await page.getByRole('button', { name: /Annulla il pagamento|Torna al sito dell’ente/ }).click();
  await page.waitForURL(`${baseURL}/?pagamento=annullato`);
});

test('the simulator’s PSP page pays by hand and shows the station calls', async ({ page }) => {
  await page.goto(`${simUrl}/psp`);
  await expect(page.getByRole('heading', { level: 1, name: 'Paga un avviso presso un PSP' })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByLabel('Ente creditore').selectOption(PINETO);
  await page.getByLabel('Ricevuta per un avviso sconosciuto alla stazione').check();
  await page.getByLabel(/Importo in euro/).fill('12,50');
  await page.getByRole('button', { name: 'Esegui il pagamento' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pagamento eseguito' })).toBeVisible();
  await expect(
    page.getByRole('cell', { name: /99000000010_01 \(idPA 99023040399\): delivered/ }),
  ).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});
