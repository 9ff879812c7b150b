import { type DebtPosition } from '@pagamenti/contracts';
import { officialSchemasMissingReason, validateMessageWithOfficialXsd } from '@pagamenti/pagopa/testing';
import { type PaymentOutcome } from '../node/payment-service';
import { type WireExchange } from '../node/wire-log';
import { ApiSession } from './api-session';
import { type RunningWorld, startWorld } from './processes';

/**
 * pagoPA's EC test plan ("casi di test EC" of the collaudo), run end to end: the built API's real station, the
 * simulator as node and PSP, everything over HTTP. Demo data: Comune di Pineto (station 99000000010_01, V2)
 * with its admin Anna Ferri; Regione Abruzzo as secondary beneficiary (its copy goes to the broadcast station
 * 99000000010_02, V1); Provincia di Teramo (outside the platform) as a third beneficiary.
 */
const PINETO = '99023040399';
const REGIONE = { fiscalCode: '99000000010', iban: 'IT29K0538715400000000100000' };
const TERAMO = { fiscalCode: '99049220017', iban: 'IT17X0538715300000000149220' };
const ANNA_FERRI = 'FRRNNA90E50A345B';

function firstOption(position: DebtPosition): DebtPosition['options'][number] {
  const option = position.options[0];
  if (!option) throw new Error(`la posizione ${position.iupd} non ha opzioni`);
  return option;
}

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('pagoPA EC test plan through the simulator', () => {
  let world: RunningWorld;
  let session: ApiSession;
  let entityId: string;
  const run = `${Date.now()}`.slice(-8);

  async function sim<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${world.simUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  const pay = async (body: Record<string, unknown>) =>
    (await sim<PaymentOutcome>('/psp/payments', body)).body;

  async function createSinglePayment(amountCents: number, transfers?: unknown[]): Promise<DebtPosition> {
    return session.createPosition(entityId, {
      iupd: `CONF-${run}-${Math.random().toString(36).slice(2, 8)}`,
      dueTypeCode: 'SANZIONI_CDS',
      debtor: { type: 'F', idValue: 'VRDLCU72C12G482Y', name: 'Luca Verdi' },
      description: 'Verbale di prova del piano di test',
      metadata: [{ key: 'RC_AC_1', value: '2026' }],
      options: [
        {
          amountCents,
          dueDate: inDays(30),
          ...(transfers ? { transfers: transfers as never } : {}),
        },
      ],
    });
  }

  beforeAll(async () => {
    world = await startWorld();
    session = await ApiSession.login(world.apiUrl, world.simUrl, ANNA_FERRI);
    entityId = await session.entityId(PINETO);
  }, 200_000);

  afterAll(async () => {
    await world?.stop();
  });

  it('EC-PSP-01: paVerifyPaymentNotice returns the current amount and data; unknown notices are refused', async () => {
    const position = await createSinglePayment(4_200);
    const option = firstOption(position);
    const verified = await sim<{
      ok: boolean;
      amountCents: number;
      companyName: string;
      description: string;
      dueDate: string;
    }>('/psp/verify', { noticeNumber: option.noticeNumber, fiscalCode: PINETO });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      ok: true,
      amountCents: 4_200,
      companyName: 'Comune di Pineto',
      dueDate: option.dueDate,
    });

    const unknown = await sim<{ ok: boolean; fault: { faultCode: string; originalFaultCode: string } }>(
      '/psp/verify',
      {
        noticeNumber: '307999999999999999',
        fiscalCode: PINETO,
      },
    );
    expect(unknown.body.fault).toMatchObject({
      faultCode: 'PPT_ERRORE_EMESSO_DA_PAA',
      originalFaultCode: 'PAA_PAGAMENTO_SCONOSCIUTO',
    });
    // pagoPA's Stand-In probe
    const probe = await sim<{ fault: { originalFaultCode: string } }>('/psp/verify', {
      noticeNumber: '000000000000000000',
      fiscalCode: PINETO,
    });
    expect(probe.body.fault.originalFaultCode).toBe('PAA_PAGAMENTO_SCONOSCIUTO');
  });

  it('EC-PSP-02: activation and receipt, one beneficiary; the position is paid; a repeated receipt is a duplicate', async () => {
    const position = await createSinglePayment(12_345);
    const option = firstOption(position);
    const outcome = await pay({
      noticeNumber: option.noticeNumber,
      fiscalCode: PINETO,
      psp: 'PDMOITR1XXX',
      payer: { fiscalCode: 'RSSMRA80A01H501U', fullName: 'Mario Rossi' },
      faults: { duplicateReceipts: 1 },
    });
    expect(outcome.outcome).toBe('OK');
    expect(outcome.steps.slice(0, 3).map((s) => [s.operation, s.outcome])).toEqual([
      ['paVerifyPaymentNotice', 'OK'],
      ['paGetPaymentV2', 'OK'],
      ['paSendRTV2', 'OK'],
    ]);
    expect(outcome.duplicates).toEqual([
      expect.objectContaining({ outcome: 'KO', faultCode: 'PAA_RECEIPT_DUPLICATA' }),
    ]);
    expect(outcome.receipt).toMatchObject({
      creditorReferenceId: option.iuv,
      paymentAmountCents: 12_345,
      transfers: [{ idTransfer: 1, fiscalCodePA: PINETO, amountCents: 12_345 }],
      deliveries: [{ stationCode: '99000000010_01', idPA: PINETO, status: 'delivered' }],
    });
    expect(outcome.stationLatency.overSla).toBe(0);
    const paid = await session.position(entityId, position.iupd);
    expect(paid.status).toBe('PAID');
    expect(paid.options[0]?.status).toBe('PAID');

    const again = await pay({ noticeNumber: option.noticeNumber, fiscalCode: PINETO });
    expect(again.fault).toMatchObject({ originalFaultCode: 'PAA_PAGAMENTO_DUPLICATO' });
  });

  it('EC-PSP-02M: several beneficiaries; every transfer echoed; the secondary entity gets its broadcast copy', async () => {
    const position = await createSinglePayment(20_000, [
      { amountCents: 15_000, remittanceInformation: 'Quota del Comune' },
      {
        beneficiaryFiscalCode: REGIONE.fiscalCode,
        iban: REGIONE.iban,
        category: '9/0301114SA/',
        remittanceInformation: 'Quota della Regione',
        amountCents: 3_000,
      },
      {
        beneficiaryFiscalCode: TERAMO.fiscalCode,
        iban: TERAMO.iban,
        category: '9/0201102IM/',
        remittanceInformation: 'Quota della Provincia',
        amountCents: 2_000,
      },
    ]);
    const option = firstOption(position);
    const outcome = await pay({ noticeNumber: option.noticeNumber, fiscalCode: PINETO, psp: 'PAYDITM1XXX' });
    expect(outcome.outcome).toBe('OK');
    expect(outcome.receipt?.transfers).toEqual([
      { idTransfer: 1, fiscalCodePA: PINETO, amountCents: 15_000 },
      { idTransfer: 2, fiscalCodePA: REGIONE.fiscalCode, amountCents: 3_000 },
      { idTransfer: 3, fiscalCodePA: TERAMO.fiscalCode, amountCents: 2_000 },
    ]);
    expect(outcome.receipt?.deliveries).toEqual([
      expect.objectContaining({ stationCode: '99000000010_01', idPA: PINETO, status: 'delivered' }),
      expect.objectContaining({
        stationCode: '99000000010_02',
        idPA: REGIONE.fiscalCode,
        status: 'delivered',
      }),
    ]);
    expect(outcome.steps.map((s) => s.operation)).toEqual([
      'paVerifyPaymentNotice',
      'paGetPaymentV2',
      'paSendRTV2',
      'paSendRT',
    ]);
    expect((await session.position(entityId, position.iupd)).status).toBe('PAID');
  });

  it('EC-PSP-03: a receipt where our entity is only a secondary creditor is accepted', async () => {
    const outcome = await pay({
      fiscalCode: PINETO,
      asSecondaryCreditor: true,
      amountCents: 5_000,
      psp: 'RDMOITM1XXX',
    });
    expect(outcome.outcome).toBe('OK');
    expect(outcome.steps.map((s) => [s.operation, s.stationCode, s.outcome])).toEqual([
      ['paSendRT', '99000000010_02', 'OK'],
    ]);
    expect(outcome.receipt?.deliveries).toEqual([
      expect.objectContaining({ stationCode: '99000000010_02', idPA: PINETO, status: 'delivered' }),
    ]);
    expect(outcome.receipt?.transfers.map((t) => t.fiscalCodePA)).toEqual(['98000000012', PINETO]);
  });

  const skipReason = officialSchemasMissingReason();
  (skipReason ? it.skip : it)(
    'every message on the wire is valid against the official XSD',
    async () => {
      const { exchanges } = (await (await fetch(`${world.simUrl}/node/exchanges?limit=2000`)).json()) as {
        exchanges: WireExchange[];
      };
      expect(exchanges.map((e) => e.operation)).toEqual(
        expect.arrayContaining(['paVerifyPaymentNotice', 'paGetPaymentV2', 'paSendRTV2', 'paSendRT']),
      );
      for (const exchange of exchanges) {
        expect(exchange.httpStatus).toBe(200);
        for (const xml of [exchange.requestXml, exchange.responseXml ?? '']) {
          const result = await validateMessageWithOfficialXsd(xml);
          if (!result.valid) throw new Error(`${exchange.operation}: ${result.errors.join('; ')}\n${xml}`);
        }
      }
    },
    60_000,
  );
  if (skipReason) process.stderr.write(`${skipReason}\n`);
});
