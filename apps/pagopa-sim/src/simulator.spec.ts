import { mkdtempSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildNoticeNumberAux3 } from '@pagamenti/pagopa';
import {
  buildNodeForPaRequest,
  parseFlussoRiversamento,
  parseNodeForPaResponse,
  type PaymentPAV2,
} from '@pagamenti/pagopa/soap';
import { officialSchemasMissingReason, validateMessageWithOfficialXsd } from '@pagamenti/pagopa/testing';
import { loadSimConfig } from './config';
import { type PaymentOutcome } from './node/payment-service';
import { type WireExchange } from './node/wire-log';
import { createSimulator, type Simulator } from './server';
import { DEBTOR } from './testing/fixtures';
import { ScriptedStation } from './testing/scripted-station';

const REGIONE = { fiscalCode: '99000000010', iban: 'IT29K0538715400000000100000' }; // station _01, V2
const ASL = { fiscalCode: '99001047309', iban: 'IT36L0538715400000000101013' }; // station _01
const ADSU = { fiscalCode: '99004189173', iban: 'IT25G0538715400000000104052' }; // station _02, V1, broadcast
const KEY = 'demo-subscription-key-0001';

function payment(
  fiscalCode: string,
  iban: string,
  cents: number,
  extra: PaymentPAV2['transferList']['transfer'] = [],
): PaymentPAV2 {
  const extraTotal = extra.reduce((s, t) => s + t.transferAmount, 0);
  return {
    creditorReferenceId: 'x',
    paymentAmount: cents + extraTotal,
    dueDate: '2030-12-31',
    description: 'Avviso di prova',
    companyName: 'Ente di prova',
    debtor: DEBTOR,
    transferList: {
      transfer: [
        {
          idTransfer: 1,
          transferAmount: cents,
          fiscalCodePA: fiscalCode,
          IBAN: iban,
          remittanceInformation: 'Quota ente',
          transferCategory: '9/0101101IM/',
        },
        ...extra,
      ],
    },
  };
}

let sequence = 0;
function notice(fiscalCode: string, segregationCode: string, p: PaymentPAV2) {
  const noticeNumber = buildNoticeNumberAux3(segregationCode, String(++sequence).padStart(13, '0'));
  return { fiscalCode, noticeNumber, payment: { ...p, creditorReferenceId: noticeNumber.slice(1) } };
}

const single = notice(REGIONE.fiscalCode, '07', payment(REGIONE.fiscalCode, REGIONE.iban, 15_000));
const multi = notice(
  REGIONE.fiscalCode,
  '07',
  payment(REGIONE.fiscalCode, REGIONE.iban, 9_000, [
    {
      idTransfer: 2,
      transferAmount: 1_000,
      fiscalCodePA: ASL.fiscalCode,
      IBAN: ASL.iban,
      remittanceInformation: 'Quota ASL',
      transferCategory: '9/0501102TS/',
    },
  ]),
);
const v1 = notice(ADSU.fiscalCode, '07', payment(ADSU.fiscalCode, ADSU.iban, 2_500));
const forCart = [1, 2].map(() => notice(ASL.fiscalCode, '12', payment(ASL.fiscalCode, ASL.iban, 3_300)));
const extras = Array.from({ length: 6 }, () =>
  notice(REGIONE.fiscalCode, '07', payment(REGIONE.fiscalCode, REGIONE.iban, 700)),
);

describe('the simulated pagoPA world against a station', () => {
  const station = new ScriptedStation([single, multi, v1, ...forCart, ...extras]);
  const dataDir = mkdtempSync(join(tmpdir(), 'sim-world-'));
  let sim: Simulator;
  let simUrl: string;

  async function boot(): Promise<void> {
    sim = createSimulator(
      loadSimConfig({
        SIM_STATION_URL: station.url,
        SIM_DATA_DIR: dataDir,
        SIM_REGISTRY_DIR: join(__dirname, '..', '..', '..', 'tools', 'demo'),
        SIM_PUBLIC_URL: 'http://simulatore.test',
        SIM_RECEIPT_RETRY_BASE_MS: '50',
        API_BASE_URL: 'http://127.0.0.1:1',
      }),
    );
    await new Promise<void>((resolve) => sim.server.listen(0, '127.0.0.1', resolve));
    simUrl = `http://127.0.0.1:${(sim.server.address() as AddressInfo).port}`;
  }

  /** Exchanges of simulators already shut down (each run keeps its own wire log in memory). */
  const earlierExchanges: WireExchange[] = [];

  async function shutdown(): Promise<void> {
    earlierExchanges.push(...sim.wire.since(0, Number.MAX_SAFE_INTEGER));
    sim.close();
    sim.server.closeAllConnections();
    await new Promise((resolve) => sim.server.close(resolve));
  }

  async function pay(body: Record<string, unknown>): Promise<PaymentOutcome> {
    const response = await fetch(`${simUrl}/psp/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as PaymentOutcome;
  }

  function soap(body: string, key: string | null = KEY): Promise<Response> {
    return fetch(`${simUrl}/nodo-auth/node-for-pa/v1`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', ...(key ? { 'ocp-apim-subscription-key': key } : {}) },
      body,
    });
  }

  const waitFor = async (condition: () => boolean, timeoutMs = 5000) => {
    const end = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > end) throw new Error('condizione non raggiunta');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    await station.start();
    await boot();
  });
  afterAll(async () => {
    await shutdown();
    await station.stop();
  });

  it('pays a notice at a PSP: verify, paGetPaymentV2, paSendRTV2 with the station primitive version', async () => {
    const outcome = await pay({
      noticeNumber: single.noticeNumber,
      fiscalCode: REGIONE.fiscalCode,
      psp: 'PDMOITR1XXX',
    });
    expect(outcome.outcome).toBe('OK');
    expect(outcome.steps.map((s) => [s.operation, s.outcome])).toEqual([
      ['paVerifyPaymentNotice', 'OK'],
      ['paGetPaymentV2', 'OK'],
      ['paSendRTV2', 'OK'],
    ]);
    expect(outcome.receipt).toMatchObject({
      paymentAmountCents: 15_000,
      feeCents: 150,
      totalCents: 15_150,
      standIn: false,
    });
    expect(outcome.receipt?.receiptId).toMatch(/^[0-9a-f]{32}$/);
    const received = station.received.at(-1);
    expect(received).toMatchObject({
      operation: 'paSendRTV2',
      idPA: REGIONE.fiscalCode,
      idStation: '99000000010_01',
    });
    expect(received?.receipt).toMatchObject({
      idPSP: 'PDMOITR1XXX',
      creditorReferenceId: single.payment.creditorReferenceId,
      fee: 150,
    });
    expect(outcome.stationLatency.calls).toBe(3);
  });

  it('tells the PSP what the station said when the notice cannot be paid', async () => {
    const outcome = await pay({ noticeNumber: single.noticeNumber, fiscalCode: REGIONE.fiscalCode });
    expect(outcome.outcome).toBe('KO');
    expect(outcome.fault).toMatchObject({
      faultCode: 'PPT_ERRORE_EMESSO_DA_PAA',
      originalFaultCode: 'PAA_PAGAMENTO_DUPLICATO',
    });
  });

  it('guesses the entity from the notice when several share its segregation code', async () => {
    const outcome = await pay({ noticeNumber: extras[0]!.noticeNumber });
    expect(outcome).toMatchObject({ outcome: 'OK', fiscalCode: REGIONE.fiscalCode });
  });

  it('uses paGetPayment and paSendRT for a V1 station', async () => {
    const outcome = await pay({ noticeNumber: v1.noticeNumber, fiscalCode: ADSU.fiscalCode });
    expect(outcome.steps.map((s) => s.operation)).toEqual([
      'paVerifyPaymentNotice',
      'paGetPayment',
      'paSendRT',
    ]);
    expect(station.received.at(-1)).toMatchObject({ operation: 'paSendRT', idStation: '99000000010_02' });
  });

  it('sends a multi-beneficiary receipt to the primary station and to the broadcast station of the secondary entity', async () => {
    const outcome = await pay({ noticeNumber: multi.noticeNumber, fiscalCode: REGIONE.fiscalCode });
    expect(outcome.receipt?.deliveries.map((d) => [d.stationCode, d.idPA, d.status])).toEqual([
      ['99000000010_01', REGIONE.fiscalCode, 'delivered'],
      ['99000000010_02', ASL.fiscalCode, 'delivered'],
    ]);
    const copies = station.received.filter((r) => r.receipt.receiptId === outcome.receipt?.receiptId);
    expect(copies.map((c) => [c.operation, c.idPA])).toEqual(
      expect.arrayContaining([
        ['paSendRTV2', REGIONE.fiscalCode],
        ['paSendRT', ASL.fiscalCode],
      ]),
    );
  });

  it('delivers only the broadcast copy when our entity is secondary creditor of an external notice', async () => {
    const outcome = await pay({ fiscalCode: ADSU.fiscalCode, asSecondaryCreditor: true, amountCents: 4_000 });
    expect(outcome.outcome).toBe('OK');
    expect(outcome.steps.map((s) => s.operation)).toEqual(['paSendRT']);
    expect(outcome.receipt?.deliveries).toEqual([
      expect.objectContaining({ stationCode: '99000000010_02', idPA: ADSU.fiscalCode, status: 'delivered' }),
    ]);
    expect(station.received.at(-1)?.receipt).toMatchObject({ fiscalCode: '98000000012' });
    expect(outcome.receipt?.transfers.map((t) => t.fiscalCodePA)).toEqual(['98000000012', ADSU.fiscalCode]);
  });

  it('sends the same receipt again on demand and reports the duplicate answers', async () => {
    const outcome = await pay({
      noticeNumber: extras[1]!.noticeNumber,
      fiscalCode: REGIONE.fiscalCode,
      faults: { duplicateReceipts: 2 },
    });
    expect(outcome.duplicates).toEqual([
      expect.objectContaining({ outcome: 'KO', faultCode: 'PAA_RECEIPT_DUPLICATA' }),
      expect.objectContaining({ outcome: 'KO', faultCode: 'PAA_RECEIPT_DUPLICATA' }),
    ]);
    expect(station.received.filter((r) => r.receipt.receiptId === outcome.receipt?.receiptId)).toHaveLength(
      1,
    );
  });

  it('fires concurrent activations and pays once', async () => {
    const before = station.calls.length;
    const outcome = await pay({
      noticeNumber: extras[2]!.noticeNumber,
      fiscalCode: REGIONE.fiscalCode,
      faults: { concurrentActivations: 20 },
    });
    expect(outcome.concurrentActivations).toMatchObject({ requested: 20, ok: 20, faults: {} });
    const calls = station.calls.slice(before).map((c) => c.operation);
    expect(calls.filter((op) => op === 'paGetPaymentV2')).toHaveLength(20);
    expect(calls.filter((op) => op === 'paSendRTV2')).toHaveLength(1);
  });

  it('gives up on a slow station with the node timeout and measures it', async () => {
    station.delayMs = { paVerifyPaymentNotice: 300 };
    try {
      const outcome = await pay({
        noticeNumber: extras[3]!.noticeNumber,
        fiscalCode: REGIONE.fiscalCode,
        faults: { slowStationMs: 100 },
      });
      expect(outcome.fault).toMatchObject({ faultCode: 'PPT_STAZIONE_INT_PA_TIMEOUT' });
      expect(outcome.steps[0]?.latencyMs).toBeGreaterThanOrEqual(100);
    } finally {
      station.delayMs = {};
    }
  });

  it('sends Stand-In receipts and receipts for notices the station never issued', async () => {
    const before = station.calls.length;
    const standIn = await pay({
      noticeNumber: extras[4]!.noticeNumber,
      fiscalCode: REGIONE.fiscalCode,
      amountCents: 700,
      faults: { standIn: true },
    });
    expect(standIn.receipt?.standIn).toBe(true);
    expect(station.calls.slice(before).map((c) => c.operation)).toEqual(['paSendRTV2']);
    expect(station.received.at(-1)?.receipt).toMatchObject({ standIn: true, paymentAmount: 700 });
    const unknown = await pay({
      fiscalCode: REGIONE.fiscalCode,
      faults: { unknownNotice: true },
      amountCents: 1234,
    });
    expect(unknown.outcome).toBe('OK');
    expect(unknown.noticeNumber).toMatch(/^307/);
    expect(station.received.at(-1)?.receipt.noticeNumber).toBe(unknown.noticeNumber);
  });

  it('delivers a late receipt from the queue, after the delay', async () => {
    sim.start();
    const outcome = await pay({
      noticeNumber: extras[5]!.noticeNumber,
      fiscalCode: REGIONE.fiscalCode,
      faults: { lateReceiptSeconds: 1 },
    });
    expect(outcome.receipt?.deliveries[0]?.status).toBe('pending');
    const id = outcome.receipt?.receiptId;
    expect(station.received.some((r) => r.receipt.receiptId === id)).toBe(false);
    await waitFor(() => station.received.some((r) => r.receipt.receiptId === id), 4000);
    sim.stop();
  });

  it('retries a refused receipt with backoff and resumes the queue after a restart', async () => {
    station.failReceipts = 100;
    const outcome = await pay({
      fiscalCode: ASL.fiscalCode,
      faults: { unknownNotice: true },
      amountCents: 900,
    });
    const id = outcome.receipt?.receiptId ?? '';
    expect(outcome.receipt?.deliveries[0]).toMatchObject({
      status: 'pending',
      lastFaultCode: 'PAA_SYSTEM_ERROR',
    });
    await shutdown();
    station.failReceipts = 2;
    await boot();
    sim.start();
    await waitFor(() => station.received.some((r) => r.receipt.receiptId === id), 4000);
    const stored = sim.receipts.get(id);
    expect(stored?.deliveries[0]?.status).toBe('delivered');
    expect(stored?.deliveries[0]?.attemptCount).toBeGreaterThanOrEqual(3);
    sim.stop();
  });

  it('runs a Checkout cart: 302 to the page, PSP choice, receipts, back to the return URL', async () => {
    const returnUrls = {
      returnOkUrl: 'http://ente.test/esito/ok',
      returnCancelUrl: 'http://ente.test/esito/annullato',
      returnErrorUrl: 'http://ente.test/esito/errore',
    };
    const cart = {
      paymentNotices: forCart.map((n) => ({
        noticeNumber: n.noticeNumber,
        fiscalCode: n.fiscalCode,
        amount: 3_300,
        companyName: 'ASL 01',
        description: 'Ticket',
      })),
      returnUrls,
      idCart: 'CART-0001',
      emailNotice: 'mario.rossi@example.it',
    };
    const post = (body: unknown, key: string | null = KEY) =>
      fetch(`${simUrl}/checkout/ec/v1/carts`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/json', ...(key ? { 'ocp-apim-subscription-key': key } : {}) },
        body: JSON.stringify(body),
      });
    expect((await post(cart, null)).status).toBe(401);
    const invalid = await post({ ...cart, paymentNotices: [] });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ status: 400, detail: 'paymentNotices: da 1 a 5 avvisi' });
    const created = await post(cart);
    expect(created.status).toBe(302);
    const location = created.headers.get('location') ?? '';
    expect(location).toMatch(/^http:\/\/simulatore\.test\/checkout\/carts\/[0-9a-f-]{36}$/);
    const path = new URL(location).pathname;
    const pageHtml = await (await fetch(`${simUrl}${path}`)).text();
    expect(pageHtml).toContain('Paga con pagoPA');
    expect(pageHtml).toContain('€ 66,00');
    expect(pageHtml).toContain('name="psp" value="BDMOITM1XXX" checked');
    const paid = await fetch(`${simUrl}${path}/pay`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'psp=PAYDITM1XXX&email=mario.rossi%40example.it',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(returnUrls.returnOkUrl);
    const receipts = station.received.filter((r) =>
      forCart.some((n) => n.noticeNumber === r.receipt.noticeNumber),
    );
    expect(receipts).toHaveLength(2);
    expect(receipts[0]?.receipt).toMatchObject({
      idPSP: 'PAYDITM1XXX',
      paymentNote: 'CART-0001',
      payer: { email: 'mario.rossi@example.it' },
    });
    const again = await fetch(`${simUrl}${path}/cancel`, { method: 'POST', redirect: 'manual', body: '' });
    expect(again.headers.get('location')).toBe(returnUrls.returnOkUrl);

    const second = await post(cart);
    const secondPath = new URL(second.headers.get('location') ?? '').pathname;
    expect(await (await fetch(`${simUrl}${secondPath}`)).text()).toContain('L’avviso risulta già pagato.');
    const cancelled = await fetch(`${simUrl}${secondPath}/cancel`, {
      method: 'POST',
      redirect: 'manual',
      body: '',
    });
    expect(cancelled.headers.get('location')).toBe(returnUrls.returnCancelUrl);
  });

  it('settles into reporting flows served by nodeForPa, with matching bank credits', async () => {
    const settled = (await (
      await fetch(`${simUrl}/reporting/settle?date=2030-01-07`, { method: 'POST' })
    ).json()) as {
      flows: { flowId: string; receiverFiscalCode: string; totalCents: number; pspId: string }[];
    };
    expect(settled.flows.length).toBeGreaterThan(0);
    expect(settled.flows.every((f) => f.flowId.startsWith(`2030-01-07${f.pspId}-`))).toBe(true);
    const header = {
      identificativoIntermediarioPA: '99000000010',
      identificativoStazioneIntermediarioPA: '99000000010_01',
      password: 'DemoStaz01!',
    };

    expect(
      (await soap(buildNodeForPaRequest('nodoChiediElencoFlussiRendicontazione', header), null)).status,
    ).toBe(401);
    const wrong = await soap(
      buildNodeForPaRequest('nodoChiediElencoFlussiRendicontazione', { ...header, password: 'Sbagliata1!' }),
    );
    const wrongAnswer = parseNodeForPaResponse('nodoChiediElencoFlussiRendicontazione', await wrong.text());
    expect(wrongAnswer.ok && wrongAnswer.value.fault?.faultCode).toBe('PPT_AUTENTICAZIONE');

    const list = await soap(
      buildNodeForPaRequest('nodoChiediElencoFlussiRendicontazione', {
        ...header,
        identificativoDominio: ASL.fiscalCode,
      }),
    );
    const listed = parseNodeForPaResponse('nodoChiediElencoFlussiRendicontazione', await list.text());
    if (!listed.ok) throw new Error(listed.error.message);
    const ids =
      listed.value.elencoFlussiRendicontazione?.idRendicontazione?.map((r) => r.identificativoFlusso) ?? [];
    const aslFlows = settled.flows.filter((f) => f.receiverFiscalCode === ASL.fiscalCode);
    expect(ids.sort()).toEqual(aslFlows.map((f) => f.flowId).sort());

    const fetched = await soap(
      buildNodeForPaRequest('nodoChiediFlussoRendicontazione', {
        ...header,
        identificativoDominio: ASL.fiscalCode,
        identificativoFlusso: ids[0]!,
      }),
    );
    const answer = parseNodeForPaResponse('nodoChiediFlussoRendicontazione', await fetched.text());
    if (!answer.ok || !answer.value.xmlRendicontazione) throw new Error('flusso mancante');
    const flow = parseFlussoRiversamento(Buffer.from(answer.value.xmlRendicontazione, 'base64'));
    expect(
      flow.ok && flow.value.istitutoRicevente.identificativoUnivocoRicevente.codiceIdentificativoUnivoco,
    ).toBe(ASL.fiscalCode);

    const unknown = await soap(
      buildNodeForPaRequest('nodoChiediFlussoRendicontazione', {
        ...header,
        identificativoFlusso: 'nessuno',
      }),
    );
    const unknownAnswer = parseNodeForPaResponse('nodoChiediFlussoRendicontazione', await unknown.text());
    expect(unknownAnswer.ok && unknownAnswer.value.fault?.faultCode).toBe('PPT_ID_FLUSSO_SCONOSCIUTO');

    const statements = (await (await fetch(`${simUrl}/bank/statements`)).json()) as {
      date: string;
      csv: string;
    }[];
    expect(statements[0]?.date).toBe('2030-01-07');
    const csv = await (
      await fetch(`${simUrl}${statements[0]?.csv ?? ''}?fiscalCode=${ASL.fiscalCode}`)
    ).text();
    for (const f of aslFlows) expect(csv).toContain(`/PUR/LGPE-RIVERSAMENTO/URI/${f.flowId}`);
    const again = (await (
      await fetch(`${simUrl}/reporting/settle?date=2030-01-07`, { method: 'POST' })
    ).json()) as { flows: unknown[] };
    expect(again.flows).toEqual([]);
  });

  const skipReason = officialSchemasMissingReason();
  (skipReason ? it.skip : it)(
    'exchanged only messages valid against the official XSD',
    async () => {
      const current = (await (await fetch(`${simUrl}/node/exchanges?limit=2000`)).json()) as {
        exchanges: WireExchange[];
      };
      const exchanges = [...earlierExchanges, ...current.exchanges];
      const documents = new Set(
        exchanges.flatMap((e) => [
          e.requestXml,
          ...(e.httpStatus === 200 && e.responseXml ? [e.responseXml] : []),
        ]),
      );
      // The reporting flows travel base64-encoded inside nodoChiediFlussoRendicontazioneRisposta: check them too.
      for (const xml of [...documents]) {
        const flow = /<xmlRendicontazione>([^<]+)<\/xmlRendicontazione>/.exec(xml)?.[1];
        if (flow) documents.add(Buffer.from(flow, 'base64').toString('utf8'));
      }
      expect(exchanges.map((e) => e.operation)).toEqual(
        expect.arrayContaining([
          'paVerifyPaymentNotice',
          'paGetPayment',
          'paGetPaymentV2',
          'paSendRT',
          'paSendRTV2',
          'nodoChiediElencoFlussiRendicontazione',
          'nodoChiediFlussoRendicontazione',
        ]),
      );
      for (const xml of documents) {
        const result = await validateMessageWithOfficialXsd(xml);
        if (!result.valid) throw new Error(`${result.errors.join('\n')}\n${xml}`);
      }
    },
    120_000,
  );
});
