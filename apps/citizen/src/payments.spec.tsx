import type {
  MyPosition,
  MyReceipt,
  Page,
  PaymentAttempt,
  PublicNotice,
  SpontaneousServiceDetail,
} from '@pagamenti/contracts';
import { sessionOf } from '@pagamenti/ui/testing';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonError, platformInfo, renderApp, stubApi } from './__tests__/render-app';
import { browser } from './browser';
import { readNoticeQr } from './features/pay-notice/notice-codes';
import { setLanguage } from './i18n/language';

vi.mock('./features/pay-notice/qr-image', () => ({
  decodeQrFile: vi.fn(async () => 'PAGOPA|002|307000000000012334|99023040399|3000'),
  decodeQrPixels: vi.fn(),
  barcodeDetector: () => null,
}));

const NOTICE = '307000000000012334';
const PINETO = '99023040399';

const payable: PublicNotice = {
  noticeNumber: NOTICE,
  entityFiscalCode: PINETO,
  entityName: 'Comune di Pineto',
  description: 'Permesso di sosta residenti',
  amountCents: 3000,
  dueDate: '2026-12-31',
  installment: null,
  payability: 'PAYABLE',
  payabilityLabel: 'da pagare',
  message: 'Puoi pagare questo avviso online con pagoPA.',
  paymentInProgress: false,
};

const base = { '/api/v1/platform': platformInfo, '/api/v1/auth/session': { user: null } };
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function attempt(status: PaymentAttempt['status'], receipts = false): PaymentAttempt {
  return {
    reference: 'r'.repeat(32),
    status,
    createdAt: '2026-11-26T10:00:00Z',
    totalAmountCents: 3000,
    notices: [
      {
        noticeNumber: NOTICE,
        entityFiscalCode: PINETO,
        entityName: 'Comune di Pineto',
        description: 'Permesso di sosta residenti',
        amountCents: 3000,
        receiptId: receipts ? '11111111-1111-4111-8111-111111111111' : null,
      },
    ],
    receipts: receipts
      ? [
          {
            id: '11111111-1111-4111-8111-111111111111',
            receiptId: 'abc',
            noticeNumber: NOTICE,
            entityFiscalCode: PINETO,
            companyName: 'Comune di Pineto',
            description: 'Permesso di sosta residenti',
            amountCents: 3000,
            feeCents: 100,
            paidAt: '2026-11-26T10:01:00Z',
            pspCompanyName: 'Banca di prova',
          },
        ]
      : [],
  };
}

describe('paying a notice by its code', () => {
  beforeEach(() => setLanguage('it'));
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('checks the codes, shows the notice and sends the citizen to Checkout', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
    const fetchMock = stubApi({
      ...base,
      '/api/v1/public/entities': { items: [], nextCursor: null },
      [`/api/v1/public/notices/${PINETO}/${NOTICE}`]: payable,
      '/api/v1/public/payments/checkout': (_url: URL, init?: RequestInit) =>
        json(
          { checkoutUrl: 'https://checkout.example/c/1', reference: 'r'.repeat(32), body: init?.body },
          201,
        ),
    });
    renderApp('/');

    fireEvent.change(screen.getByLabelText(/^Codice avviso/), { target: { value: '3070 0000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continua' }));
    expect(await screen.findByText('Inserisci 18 cifre.')).toBeTruthy();
    expect(screen.getByText('Inserisci 11 cifre.')).toBeTruthy();
    expect(document.activeElement?.id).toBe('codice-avviso');

    fireEvent.change(screen.getByLabelText(/^Codice avviso/), {
      target: { value: '3070 0000 0000 0123 34' },
    });
    fireEvent.change(screen.getByLabelText(/^Codice fiscale ente creditore/), { target: { value: PINETO } });
    fireEvent.click(screen.getByRole('button', { name: 'Continua' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Dati del pagamento' })).toBeTruthy();
    expect(await screen.findByText('30,00 €', { exact: false })).toBeTruthy();
    expect(screen.getByText('3070 0000 0000 0123 34')).toBeTruthy();
    expect(screen.getByText('Comune di Pineto')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Paga con pagoPA' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://checkout.example/c/1'));
    expect(screen.getByText(/Reindirizzamento a pagoPA/)).toBeTruthy();
    const call = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/public/payments/checkout'));
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({
      notices: [{ entityFiscalCode: PINETO, noticeNumber: NOTICE }],
    });
  });

  it('says in words why a notice cannot be paid, without a pay button', async () => {
    stubApi({
      ...base,
      [`/api/v1/public/notices/${PINETO}/${NOTICE}`]: {
        ...payable,
        payability: 'PAID',
        payabilityLabel: 'già pagato',
      },
    });
    renderApp(`/avviso/${PINETO}/${NOTICE}`);
    expect(
      await screen.findByText('Questo avviso è già stato pagato: non devi pagarlo di nuovo.'),
    ).toBeTruthy();
    expect(screen.getByText('Già pagato')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Paga con pagoPA' })).toBeNull();
  });

  it('shows Checkout being unreachable in human words', async () => {
    stubApi({
      ...base,
      [`/api/v1/public/notices/${PINETO}/${NOTICE}`]: payable,
      '/api/v1/public/payments/checkout': () => jsonError(503, 'SERVICE_UNAVAILABLE'),
    });
    renderApp(`/avviso/${PINETO}/${NOTICE}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Paga con pagoPA' }));
    expect(await screen.findByText(/Non è stato addebitato alcun importo/)).toBeTruthy();
  });

  it('reads the notice from a photo of its QR code', async () => {
    stubApi({
      ...base,
      '/api/v1/public/entities': { items: [], nextCursor: null },
      [`/api/v1/public/notices/${PINETO}/${NOTICE}`]: payable,
    });
    renderApp('/');
    const file = new File(['x'], 'qr.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('Carica una foto del codice QR'), { target: { files: [file] } });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Dati del pagamento' }, { timeout: 5000 }),
    ).toBeTruthy();
    expect(readNoticeQr('https://example.org')).toEqual({ ok: false, reason: 'notPagoPa' });
  });
});

describe('the outcome page', () => {
  beforeEach(() => setLanguage('it'));
  afterEach(cleanup);

  it('reports the cancel return to the API and says the payment was cancelled', async () => {
    const reference = 'r'.repeat(32);
    const fetchMock = stubApi({
      ...base,
      [`/api/v1/public/payments/${reference}/outcome`]: attempt('ANNULLATO'),
      [`/api/v1/public/payments/${reference}`]: attempt('ANNULLATO'),
    });
    renderApp(`/pagamento/esito/${reference}?esito=annullato`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Pagamento annullato' })).toBeTruthy();
    expect(screen.getByText(/Non è stato addebitato alcun importo/)).toBeTruthy();
    const declared = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/outcome'));
    expect(JSON.parse(String(declared?.[1]?.body))).toEqual({ outcome: 'CANCELLED' });
    expect(screen.getByRole('link', { name: 'Riprova il pagamento' }).getAttribute('href')).toBe(
      `/avviso/${PINETO}/${NOTICE}`,
    );
  });

  it('polls while the payment is in progress, then offers the receipt', async () => {
    const reference = 'r'.repeat(32);
    let calls = 0;
    stubApi({
      ...base,
      [`/api/v1/public/payments/${reference}`]: () =>
        json(++calls === 1 ? attempt('IN_CORSO') : attempt('PAGATO', true)),
    });
    renderApp(`/pagamento/esito/${reference}?esito=ok`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Pagamento in corso' })).toBeTruthy();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Pagamento riuscito' }, { timeout: 5000 }),
    ).toBeTruthy();
    const link = screen.getByRole('link', { name: /Scarica la ricevuta dell’avviso 3070 0000 0000 0123 34/ });
    expect(link.getAttribute('href')).toBe(
      `/api/v1/public/payments/${reference}/receipts/11111111-1111-4111-8111-111111111111/receipt.pdf`,
    );
    await waitFor(() => expect(document.title).toBe('Pagamento riuscito | PagaFacile Abruzzo'));
  });
});

const permit: SpontaneousServiceDetail = {
  dueTypeId: '22222222-2222-4222-8222-222222222222',
  code: 'TARI',
  name: 'TARI - Tassa sui rifiuti',
  description: null,
  entityId: 'e1',
  entityFiscalCode: PINETO,
  entityName: 'Comune di Pineto',
  amountMode: 'FREE',
  fixedAmountCents: null,
  minAmountCents: 100,
  maxAmountCents: 1_000_000,
  debtorRequired: true,
  formSchema: {
    type: 'object',
    properties: {
      codiceUtenza: { type: 'string', title: 'Codice utenza', minLength: 1, maxLength: 20 },
      anno: { type: 'integer', title: 'Anno di riferimento', minimum: 2000, maximum: 2100 },
      rata: { type: 'string', title: 'Rata', enum: ['Acconto', 'Saldo'] },
    },
    required: ['codiceUtenza', 'anno'],
    additionalProperties: false,
  },
};

describe('spontaneous payments', () => {
  beforeEach(() => setLanguage('it'));
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('lists the catalogue and keeps the search in the URL', async () => {
    const fetchMock = stubApi({ ...base, '/api/v1/public/spontaneous-services': [permit] });
    renderApp('/pagamenti-spontanei');
    expect(await screen.findByRole('heading', { level: 3, name: 'TARI - Tassa sui rifiuti' })).toBeTruthy();
    expect(screen.getByText('Importo da 1,00 € a 10.000,00 €')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Cerca per ente o servizio'), { target: { value: 'tari' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cerca' }));
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(
        '/api/v1/public/spontaneous-services?q=tari',
      ),
    );
  });

  it('builds the form from the JSON Schema, checks it, shows the server’s errors, then pays', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
    let attempts = 0;
    const fetchMock = stubApi({
      ...base,
      [`/api/v1/public/spontaneous-services/${permit.dueTypeId}`]: permit,
      '/api/v1/public/spontaneous-payments': () =>
        ++attempts === 1
          ? json(
              {
                code: 'VALIDATION_FAILED',
                message: 'I dati inviati non sono validi.',
                correlationId: 'c',
                fieldErrors: [{ field: 'formValues.codiceUtenza', message: 'Codice utenza sconosciuto.' }],
              },
              400,
            )
          : json(
              {
                checkoutUrl: 'https://checkout.example/c/2',
                reference: 'r'.repeat(32),
                noticeNumber: NOTICE,
                entityFiscalCode: PINETO,
                amountCents: 12050,
              },
              201,
            ),
    });
    renderApp(`/pagamenti-spontanei/${permit.dueTypeId}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'TARI - Tassa sui rifiuti' })).toBeTruthy();
    const rata = screen.getByLabelText('Rata');
    expect(
      within(rata)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Scegli…', 'Acconto', 'Saldo']);

    fireEvent.change(screen.getByLabelText(/Anno di riferimento/), { target: { value: '1999' } });
    fireEvent.change(screen.getByLabelText(/Importo \(€\)/), { target: { value: '0,50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Paga con pagoPA' }));
    expect(await screen.findByText('Il valore minimo è 2000.')).toBeTruthy();
    expect(screen.getAllByText('Campo obbligatorio.').length).toBeGreaterThan(0);
    expect(screen.getByText('L’importo minimo è 1,00 €.')).toBeTruthy();
    expect(screen.getByText('Il codice fiscale non è corretto.')).toBeTruthy();
    expect(document.activeElement?.id).toBe('campo-codiceUtenza');

    fireEvent.change(screen.getByLabelText(/Codice utenza/), { target: { value: 'UT-1' } });
    fireEvent.change(screen.getByLabelText(/Anno di riferimento/), { target: { value: '2026' } });
    fireEvent.change(screen.getByLabelText(/Importo \(€\)/), { target: { value: '120,50' } });
    fireEvent.change(screen.getByLabelText(/^Codice fiscale/), { target: { value: 'VRDLCU72C12G482Y' } });
    fireEvent.change(screen.getByLabelText(/^Nome e cognome/), { target: { value: 'Luca Verdi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Paga con pagoPA' }));
    expect(await screen.findByText('Codice utenza sconosciuto.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Paga con pagoPA' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://checkout.example/c/2'));
    const sent = fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/spontaneous-payments'));
    expect(JSON.parse(String(sent[1]?.[1]?.body))).toEqual({
      dueTypeId: permit.dueTypeId,
      formValues: { codiceUtenza: 'UT-1', anno: 2026 },
      amountCents: 12050,
      debtor: { type: 'F', idValue: 'VRDLCU72C12G482Y', name: 'Luca Verdi' },
    });
    // The same key for both tries: the API creates one position.
    const keys = sent.map(([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys[0]).toBeTruthy();
    expect(keys[0]).toBe(keys[1]);
  });
});

function position(id: string, options: MyPosition['options']): MyPosition {
  return {
    id,
    entityId: 'e1',
    entityFiscalCode: PINETO,
    entityName: 'Comune di Pineto',
    dueTypeName: 'TARI - Tassa sui rifiuti',
    description: 'TARI 2026',
    status: 'VALID',
    amountCents: 31200,
    paidCents: 0,
    updatedAt: '2026-11-26T10:00:00Z',
    options,
  };
}

function option(
  noticeNumber: string,
  installment: number | null,
  extra: Partial<MyPosition['options'][0]> = {},
) {
  return {
    noticeNumber,
    installment,
    amountCents: installment === null ? 31200 : 10400,
    dueDate: '2026-12-31',
    description: 'TARI 2026',
    payability: 'PAYABLE' as const,
    payabilityLabel: 'da pagare',
    paymentInProgress: false,
    paidAt: null,
    ...extra,
  };
}

describe('the logged-in citizen', () => {
  beforeEach(() => setLanguage('it'));
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('sends an anonymous visitor to the login page', async () => {
    stubApi(base);
    renderApp('/i-miei-avvisi');
    expect(await screen.findByRole('heading', { level: 1, name: 'Accedi' })).toBeTruthy();
  });

  it('selects up to 5 notices, never a single payment with its installments, and pays them', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
    const positions = [
      position('p1', [
        option('300000000000000001', null),
        option('300000000000000002', 1),
        option('300000000000000003', 2),
      ]),
      position('p2', [
        option('300000000000000011', null),
        option('300000000000000012', null, { payability: 'EXPIRED', payabilityLabel: 'scaduto' }),
      ]),
      position('p3', [
        option('300000000000000021', null),
        option('300000000000000022', null, { paymentInProgress: true }),
      ]),
      position('p4', [option('300000000000000031', null)]),
    ];
    const fetchMock = stubApi({
      ...base,
      '/api/v1/auth/session': sessionOf({
        fiscalCode: 'RSSMRA80A01H501U',
        name: 'Mario',
        familyName: 'Rossi',
      }),
      '/api/v1/me/positions': positions,
      '/api/v1/me/payments/checkout': () =>
        json({ checkoutUrl: 'https://checkout.example/c/3', reference: 'x' }, 201),
    });
    renderApp('/i-miei-avvisi');
    expect(await screen.findByRole('heading', { level: 1, name: 'I miei avvisi' })).toBeTruthy();
    expect(await screen.findByText('Scaduto')).toBeTruthy();
    expect(screen.getByText('Pagamento in corso')).toBeTruthy();
    const box = (notice: string) =>
      screen.getByRole('checkbox', {
        name: new RegExp(notice.replace(/(\d{4})(?=\d)/g, '$1 ')),
      }) as HTMLInputElement;
    expect(screen.queryByRole('checkbox', { name: /3000 0000 0000 0000 12/ })).toBeNull();

    fireEvent.click(box('300000000000000001'));
    fireEvent.click(box('300000000000000002'));
    expect(box('300000000000000001').checked).toBe(false);
    expect(box('300000000000000002').checked).toBe(true);
    for (const notice of [
      '300000000000000003',
      '300000000000000011',
      '300000000000000021',
      '300000000000000022',
    ])
      fireEvent.click(box(notice));
    expect(screen.getByText(/Avvisi selezionati: 5 di 5/)).toBeTruthy();
    expect(screen.getByText('Puoi pagare fino a 5 avvisi insieme.')).toBeTruthy();
    expect(box('300000000000000031').disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Paga con pagoPA (5)' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://checkout.example/c/3'));
    const call = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/me/payments/checkout'));
    expect((JSON.parse(String(call?.[1]?.body)) as { notices: unknown[] }).notices).toHaveLength(5);
    expect(
      screen.getAllByRole('link', { name: 'Scarica l’avviso pagoPA (PDF)' })[0]?.getAttribute('href'),
    ).toBe('/api/v1/me/positions/p1/notice.pdf');
  });

  it('filters the receipts with the filters in the URL, and links each PDF', async () => {
    const receipts: Page<MyReceipt> = {
      items: [
        {
          id: '33333333-3333-4333-8333-333333333333',
          receiptId: 'abc',
          noticeNumber: NOTICE,
          entityFiscalCode: PINETO,
          companyName: 'Comune di Pineto',
          description: 'Permesso di sosta',
          amountCents: 3000,
          feeCents: 100,
          paidAt: '2026-11-20T10:00:00Z',
          pspCompanyName: 'Banca di prova',
          debtorName: 'Giulia Bianchi',
          role: 'PAYER',
        },
      ],
      nextCursor: null,
    };
    const fetchMock = stubApi({
      ...base,
      '/api/v1/auth/session': sessionOf({ fiscalCode: 'RSSMRA80A01H501U' }),
      '/api/v1/me/receipts': receipts,
    });
    renderApp('/le-mie-ricevute');
    const table = await screen.findByRole('table');
    expect(within(table).getByText('pagato da te per Giulia Bianchi')).toBeTruthy();
    expect(
      within(table)
        .getByRole('link', { name: /Scarica la ricevuta dell’avviso 3070/ })
        .getAttribute('href'),
    ).toBe('/api/v1/me/receipts/33333333-3333-4333-8333-333333333333/receipt.pdf');

    fireEvent.change(screen.getByLabelText(/^Ente/), { target: { value: 'Pineto' } });
    fireEvent.change(screen.getByLabelText('Pagate dal'), { target: { value: '2026-01-01' } });
    fireEvent.change(screen.getByLabelText('Importo minimo (€)'), { target: { value: '10,50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filtra' }));
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(
        '/api/v1/me/receipts?entity=Pineto&from=2026-01-01&minAmountCents=1050',
      ),
    );
    fireEvent.change(screen.getByLabelText('Importo massimo (€)'), { target: { value: 'dieci' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filtra' }));
    expect(await screen.findByText('Importo non valido.')).toBeTruthy();
  });
});

describe('language', () => {
  afterEach(() => {
    cleanup();
    setLanguage('it');
  });

  it('switches to English, keeps the choice and updates <html lang>', async () => {
    stubApi({ ...base, '/api/v1/public/entities': { items: [], nextCursor: null } });
    renderApp('/');
    expect(screen.getByRole('heading', { level: 1, name: 'Paga i tuoi avvisi pagoPA' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pay your pagoPA notices' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('citizen.language')).toBe('en');
    expect(screen.getAllByText('Spontaneous payments').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Passa all’italiano' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Paga i tuoi avvisi pagoPA' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('it');
  });
});
