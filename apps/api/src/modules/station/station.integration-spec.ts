import { readFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { todayInRome } from '@pagamenti/pagopa';
import {
  buildPaForNodeRequest,
  type PaForNodeOperation,
  PA_FOR_NODE_NS,
  type PaSendRTV2Request,
  parsePaForNodeResponse,
} from '@pagamenti/pagopa/soap';
import { officialSchemasMissingReason, validateMessagesWithOfficialXsd } from '@pagamenti/pagopa/testing';
import { asPerson } from '../../../test/auth';
import {
  BROKER,
  callStation,
  header,
  MARIO_ROSSI,
  MONTESILVANO,
  optionByIupd,
  PINETO,
  receiptFor,
  receiptV2For,
  sendRTXml,
  STATION,
  STATION_V1_BROADCAST,
} from '../../../test/station';
import { engine, resetDatabase, startTestApp } from '../../../test/test-app';
import { DemoSeedService } from '../../seed/demo-seed.service';
import { PositionsService } from '../positions/positions.service';
import { StationDirectory } from './station-directory.service';
import { StationJournalPurgeHandler } from './station-journal-purge.handler';
import { StationJournalService } from './station-journal.service';

const BANK_IBAN = 'IT60X0542811101000000123456';

function daysFromToday(days: number): string {
  const date = new Date(`${todayInRome()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe(`pagoPA station on ${engine}`, () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let baseUrl = '';
  let pinetoId = '';
  /** Every message exchanged, validated against the official XSD at the end. */
  const wire: { name: string; xml: string }[] = [];
  let sequence = 0;

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number(((await db.query(sql, params)) as { n: string }[])[0]?.n ?? 0);

  /** Calls the station; `brokenRequest` marks deliberately invalid requests, kept off the XSD check. */
  async function call<O extends PaForNodeOperation>(operation: O, requestXml: string, brokenRequest = false) {
    const exchange = await callStation(baseUrl, operation, requestXml);
    if (!brokenRequest) wire.push({ name: `${operation} request`, xml: requestXml });
    wire.push({ name: `${operation} response`, xml: exchange.xml });
    expect(exchange.status).toBe(200);
    return exchange.response;
  }

  const verify = (noticeNumber: string, fiscalCode = PINETO, head = header(fiscalCode)) =>
    call(
      'paVerifyPaymentNotice',
      buildPaForNodeRequest('paVerifyPaymentNotice', { ...head, qrCode: { fiscalCode, noticeNumber } }),
    );

  const activate = (noticeNumber: string, fiscalCode = PINETO, amount?: number) =>
    call(
      'paGetPayment',
      buildPaForNodeRequest('paGetPayment', {
        ...header(fiscalCode),
        qrCode: { fiscalCode, noticeNumber },
        amount,
      }),
    );

  const sendRT = (receipt: ReturnType<typeof receiptFor>, idPA = receipt.fiscalCode, idStation = STATION) =>
    call('paSendRT', sendRTXml(receipt, idPA, idStation));

  /** A fresh VALID position of Pineto (TARI) with a TEFA share to Montesilvano and three installments. */
  async function createPosition(extra: object = {}) {
    sequence++;
    const { position } = await app.get(PositionsService).create(
      pinetoId,
      {
        iupd: `STATION-${sequence}-${Date.now()}`,
        dueTypeCode: 'TARI',
        debtor: { type: 'F', idValue: MARIO_ROSSI, name: 'Mario Rossi', email: 'mario.rossi@example.it' },
        description: 'TARI 2026 - utenza domestica',
        metadata: [{ key: 'RC_AC_1', value: '2026' }],
        options: [
          {
            amountCents: 31200,
            dueDate: daysFromToday(30),
            description: 'TARI 2026 - unica soluzione',
            transfers: [
              { amountCents: 29640, metadata: [{ key: 'RC_TIP_1', value: 'INCASSO_TIPICO' }] },
              {
                beneficiaryFiscalCode: MONTESILVANO,
                iban: BANK_IBAN,
                category: '9/0201102IM/',
                remittanceInformation: 'TEFA 2026',
                amountCents: 1560,
              },
            ],
          },
          { installment: 1, amountCents: 10400, dueDate: daysFromToday(30) },
          { installment: 2, amountCents: 10400, dueDate: daysFromToday(120) },
          { installment: 3, amountCents: 10400, dueDate: daysFromToday(210) },
        ],
        ...extra,
      },
      'test',
    );
    return position;
  }

  beforeAll(async () => {
    app = await startTestApp();
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    db = app.get(DataSource);
    await resetDatabase(app);
    await app.get(DemoSeedService).seed();
    app.get(StationDirectory).invalidate();
    pinetoId = (
      (await db.query('SELECT id FROM creditor_entity WHERE fiscal_code = $1', [PINETO])) as { id: string }[]
    )[0]!.id;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  describe('demo data', () => {
    it('has a paid notice of Mario Rossi with its receipt, and reseeding changes nothing', async () => {
      const paid = await optionByIupd(db, 'DEMO-PINETO-SOSTA-2026-RSSMRA');
      expect((await verify(paid.noticeNumber)).fault?.faultCode).toBe('PAA_PAGAMENTO_DUPLICATO');
      const receipts: { receipt_id: string; payer_id_value: string; anomaly: string | null }[] =
        await db.query('SELECT receipt_id, payer_id_value, anomaly FROM receipt WHERE position_id = $1', [
          paid.positionId,
        ]);
      expect(receipts).toEqual([
        { receipt_id: 'd3m0c0ffee0000000000000000000001', payer_id_value: MARIO_ROSSI, anomaly: null },
      ]);
      await app.get(DemoSeedService).seed();
      expect(await count('SELECT count(*) AS n FROM receipt WHERE position_id = $1', [paid.positionId])).toBe(
        1,
      );
    });

    it('answers the README’s demo notices (tools/demo/receipts.json) as documented', async () => {
      const demo = JSON.parse(
        readFileSync(join(__dirname, '../../../../../tools/demo/receipts.json'), 'utf8'),
      ) as {
        stationDemo: { notices: { state: string; iupd: string; noticeNumber: string }[] };
      };
      const expected: Record<string, string | undefined> = {
        payable: undefined,
        paid: 'PAA_PAGAMENTO_DUPLICATO',
        expired: 'PAA_PAGAMENTO_SCADUTO',
        cancelled: 'PAA_PAGAMENTO_ANNULLATO',
      };
      for (const notice of demo.stationDemo.notices) {
        expect({
          iupd: notice.iupd,
          noticeNumber: (await optionByIupd(db, notice.iupd)).noticeNumber,
        }).toEqual({
          iupd: notice.iupd,
          noticeNumber: notice.noticeNumber,
        });
        expect({ state: notice.state, fault: (await verify(notice.noticeNumber)).fault?.faultCode }).toEqual({
          state: notice.state,
          fault: expected[notice.state],
        });
      }
    });
  });

  describe('WSDL and transport', () => {
    it('serves our WSDL with our endpoint address', async () => {
      const response = await fetch(`${baseUrl}/pagopa/paForNode?wsdl`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/xml');
      const wsdl = await response.text();
      expect(wsdl).toContain('<soap:address location="http://localhost:3000/pagopa/paForNode"/>');
      expect(wsdl).toContain('soapAction="paVerifyPaymentNotice"');
      expect(wsdl).toContain(`targetNamespace="${PA_FOR_NODE_NS}"`);
    });

    it('dispatches on the Body element, whatever the SOAPAction says', async () => {
      const position = await createPosition();
      const option = position.options[0]!;
      const response = await fetch(`${baseUrl}/pagopa/paForNode`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml', soapaction: 'paVerifyPaymentNoticeReq' },
        body: buildPaForNodeRequest('paVerifyPaymentNotice', {
          ...header(),
          qrCode: { fiscalCode: PINETO, noticeNumber: option.noticeNumber },
        }),
      });
      const parsed = parsePaForNodeResponse('paVerifyPaymentNotice', await response.text());
      expect(parsed).toMatchObject({ ok: true, value: { outcome: 'OK' } });
    });
  });

  describe('paVerifyPaymentNotice', () => {
    it('answers the current amount, due date and entity of a payable notice', async () => {
      const position = await createPosition();
      const option = position.options[0]!;
      expect(await verify(option.noticeNumber)).toEqual({
        outcome: 'OK',
        paymentList: {
          paymentOptionDescription: {
            amount: 31200,
            options: 'EQ',
            dueDate: option.dueDate,
            detailDescription: 'TARI 2026 - unica soluzione',
            allCCP: false,
          },
        },
        paymentDescription: 'TARI 2026 - utenza domestica',
        fiscalCodePA: PINETO,
        companyName: 'Comune di Pineto',
      });
    });

    it('answers the Stand-In probe notice 000000000000000000 with PAA_PAGAMENTO_SCONOSCIUTO, before any check', async () => {
      const response = await verify(
        '000000000000000000',
        PINETO,
        header(PINETO, { idBrokerPA: '12345678901' }),
      );
      expect(response).toMatchObject({ outcome: 'KO', fault: { faultCode: 'PAA_PAGAMENTO_SCONOSCIUTO' } });
    });

    it('checks broker, station and entity', async () => {
      const notice = (await createPosition()).options[0]!.noticeNumber;
      const fault = async (head: ReturnType<typeof header>, fiscalCode = PINETO) =>
        (await verify(notice, fiscalCode, head)).fault?.faultCode;
      expect(await fault(header(PINETO, { idBrokerPA: '12345678901' }))).toBe('PAA_ID_INTERMEDIARIO_ERRATO');
      expect(await fault(header(PINETO, { idStation: '99000000010_77' }))).toBe('PAA_STAZIONE_INT_ERRATA');
      expect(await fault(header(PINETO, { idStation: STATION_V1_BROADCAST }))).toBe(
        'PAA_STAZIONE_INT_ERRATA',
      );
      expect(await fault(header('12345678903'), '12345678903')).toBe('PAA_ID_DOMINIO_ERRATO');
      // Comune di Castelguidone has only asked to join: not served.
      expect(await fault(header('99031418710'), '99031418710')).toBe('PAA_ID_DOMINIO_ERRATO');
      expect(await fault(header())).toBeUndefined();
    });

    it('maps unknown, draft, expired, cancelled and paid notices to their faults', async () => {
      const faultOf = async (noticeNumber: string) => (await verify(noticeNumber)).fault?.faultCode;
      expect(await faultOf('301999999999999999')).toBe('PAA_PAGAMENTO_SCONOSCIUTO');
      const demo = async (iupd: string) => (await optionByIupd(db, iupd)).noticeNumber;
      expect(await faultOf(await demo('DEMO-PINETO-MENSA-2026-04'))).toBe('PAA_PAGAMENTO_SCONOSCIUTO');
      expect(await faultOf(await demo('DEMO-PINETO-TARI-2025-BNCGLI'))).toBe('PAA_PAGAMENTO_SCADUTO');
      expect(await faultOf(await demo('DEMO-PINETO-SOSTA-2026-0031'))).toBe('PAA_PAGAMENTO_ANNULLATO');
      const paid = await createPosition();
      const option = await optionByIupd(db, paid.iupd);
      await sendRT(receiptFor(option));
      expect(await faultOf(option.noticeNumber)).toBe('PAA_PAGAMENTO_DUPLICATO');
    });
  });

  describe('paGetPayment and paGetPaymentV2', () => {
    it('returns the current data with transfers, IBANs, taxonomy and metadata, and records the activation', async () => {
      const position = await createPosition();
      const option = position.options[0]!;
      // The payer's amount differs from the current one: not an error, we answer with current data.
      const response = await activate(option.noticeNumber, PINETO, 99900);
      expect(response).toMatchObject({
        outcome: 'OK',
        data: {
          creditorReferenceId: option.iuv,
          paymentAmount: 31200,
          dueDate: option.dueDate,
          description: 'TARI 2026 - unica soluzione',
          companyName: 'Comune di Pineto',
          debtor: {
            uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: MARIO_ROSSI },
            fullName: 'Mario Rossi',
            email: 'mario.rossi@example.it',
          },
          transferList: {
            transfer: [
              {
                idTransfer: 1,
                transferAmount: 29640,
                fiscalCodePA: PINETO,
                transferCategory: '9/0101101IM/',
                metadata: { mapEntry: [{ key: 'RC_TIP_1', value: 'INCASSO_TIPICO' }] },
              },
              {
                idTransfer: 2,
                transferAmount: 1560,
                fiscalCodePA: MONTESILVANO,
                IBAN: BANK_IBAN,
                transferCategory: '9/0201102IM/',
              },
            ],
          },
          metadata: { mapEntry: [{ key: 'RC_AC_1', value: '2026' }] },
        },
      });
      expect(response.data?.transferList.transfer[0]?.IBAN).toMatch(/^IT\d{2}/);
      const activations: { requested_amount_cents: string; amount_cents: string }[] = await db.query(
        'SELECT requested_amount_cents, amount_cents FROM payment_activation WHERE notice_number = $1',
        [option.noticeNumber],
      );
      expect(activations).toEqual([{ requested_amount_cents: '99900', amount_cents: '31200' }]);
      // An activation changes nothing about payability.
      expect((await verify(option.noticeNumber)).outcome).toBe('OK');
      expect((await activate(option.noticeNumber)).outcome).toBe('OK');
    });

    it('carries a digital stamp only in V2, with beneficiary names', async () => {
      const position = await createPosition({
        options: [
          {
            amountCents: 1600,
            dueDate: daysFromToday(30),
            transfers: [
              {
                amountCents: 1600,
                iban: null,
                stamp: {
                  type: '01',
                  hashDocument: 'wHpFSLCGZjIvNSXxqtGbxg7275t446DRTk5ZrsdUQ6E=',
                  province: 'TE',
                },
              },
            ],
          },
        ],
      });
      const notice = position.options[0]!.noticeNumber;
      expect((await activate(notice)).fault?.faultCode).toBe('PAA_SEMANTICA');
      const v2 = await call(
        'paGetPaymentV2',
        buildPaForNodeRequest('paGetPaymentV2', {
          ...header(),
          qrCode: { fiscalCode: PINETO, noticeNumber: notice },
        }),
      );
      expect(v2).toMatchObject({
        outcome: 'OK',
        data: {
          companyName: 'Comune di Pineto',
          transferList: {
            transfer: [
              {
                companyName: 'Comune di Pineto',
                richiestaMarcaDaBollo: { tipoBollo: '01', provinciaResidenza: 'TE' },
              },
            ],
          },
        },
      });
    });
  });

  describe('paSendRT and paSendRTV2', () => {
    it('stores the receipt with the payment in one transaction: option, position, history, outbox, activation', async () => {
      const position = await createPosition();
      const option = await optionByIupd(db, position.iupd);
      await activate(option.noticeNumber);
      const receipt = receiptFor(option);
      expect(await sendRT(receipt)).toEqual({ outcome: 'OK' });

      const stored: Record<string, unknown>[] = await db.query(
        'SELECT * FROM receipt WHERE receipt_id = $1',
        [receipt.receiptId],
      );
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        role: 'PRIMARY',
        amount_cents: '31200',
        fee_cents: '100',
        psp_id: 'BCITITMM',
        psp_company_name: 'Banca di prova',
        channel_id: 'BCITITMM_01',
        payment_method: 'creditCard',
        debtor_id_value: MARIO_ROSSI,
        payer_id_value: MARIO_ROSSI,
        anomaly: null,
        position_id: option.positionId,
      });
      expect(stored[0]!['raw_xml']).toContain(receipt.receiptId);
      const after: { status: string; paid_cents: string }[] = await db.query(
        'SELECT status, paid_cents FROM debt_position WHERE id = $1',
        [option.positionId],
      );
      expect(after[0]).toEqual({ status: 'PAID', paid_cents: '31200' });
      expect(
        await count(`SELECT count(*) AS n FROM payment_option WHERE position_id = $1 AND status = 'PAID'`, [
          option.positionId,
        ]),
      ).toBe(1);
      expect(
        await count(
          `SELECT count(*) AS n FROM position_history WHERE position_id = $1 AND to_status = 'PAID'`,
          [option.positionId],
        ),
      ).toBe(1);
      expect(
        await count(
          `SELECT count(*) AS n FROM domain_event WHERE type = 'receipt.stored' AND payload->>'receiptId' = $1`,
          [receipt.receiptId],
        ),
      ).toBe(1);
      expect(
        await count('SELECT count(*) AS n FROM payment_activation WHERE payment_token = $1 AND psp_id = $2', [
          receipt.receiptId,
          'BCITITMM',
        ]),
      ).toBe(1);
      // A paid option is never payable again.
      expect((await verify(option.noticeNumber)).fault?.faultCode).toBe('PAA_PAGAMENTO_DUPLICATO');
      expect((await activate(option.noticeNumber)).fault?.faultCode).toBe('PAA_PAGAMENTO_DUPLICATO');
    });

    it('answers PAA_RECEIPT_DUPLICATA to the same receipt, changing nothing', async () => {
      const option = await optionByIupd(db, (await createPosition()).iupd);
      const receipt = receiptFor(option);
      expect((await sendRT(receipt)).outcome).toBe('OK');
      const snapshot = async () =>
        [
          await count('SELECT count(*) AS n FROM receipt'),
          await count('SELECT count(*) AS n FROM position_history'),
          await count('SELECT count(*) AS n FROM domain_event'),
        ].join('/');
      const before = await snapshot();
      expect((await sendRT(receipt)).fault?.faultCode).toBe('PAA_RECEIPT_DUPLICATA');
      expect(await snapshot()).toBe(before);
    });

    it('settles installments one by one: PARTIALLY_PAID, the single payment closed, then PAID', async () => {
      const position = await createPosition();
      const single = await optionByIupd(db, position.iupd, null);
      const first = await optionByIupd(db, position.iupd, 1);
      expect((await sendRT(receiptFor(first))).outcome).toBe('OK');
      const status = async () =>
        (
          (await db.query('SELECT status, paid_cents FROM debt_position WHERE id = $1', [
            first.positionId,
          ])) as {
            status: string;
            paid_cents: string;
          }[]
        )[0];
      expect(await status()).toEqual({ status: 'PARTIALLY_PAID', paid_cents: '10400' });
      expect((await verify(single.noticeNumber)).fault?.faultCode).toBe('PAA_PAGAMENTO_DUPLICATO');
      expect((await verify(first.noticeNumber)).fault?.faultCode).toBe('PAA_PAGAMENTO_DUPLICATO');
      for (const installment of [2, 3]) {
        const option = await optionByIupd(db, position.iupd, installment);
        expect((await verify(option.noticeNumber)).outcome).toBe('OK');
        expect((await sendRT(receiptFor(option))).outcome).toBe('OK');
      }
      expect(await status()).toEqual({ status: 'PAID', paid_cents: '31200' });
    });

    it('accepts and flags receipts for unknown, expired, cancelled and already-paid notices, and stand-in ones', async () => {
      const anomalyOf = async (receiptId: string) =>
        (
          (await db.query('SELECT anomaly, anomaly_reason FROM receipt WHERE receipt_id = $1', [
            receiptId,
          ])) as {
            anomaly: string | null;
            anomaly_reason: string | null;
          }[]
        )[0];

      const unknown = receiptFor({
        entityFiscalCode: PINETO,
        noticeNumber: '301999999999999999',
        iuv: '01999999999999999',
        amountCents: 5000,
        transfers: [
          {
            index: 1,
            amountCents: 5000,
            beneficiaryFiscalCode: PINETO,
            iban: BANK_IBAN,
            category: '9/0101101IM/',
          },
        ],
      });
      expect((await sendRT(unknown)).outcome).toBe('OK');
      expect(await anomalyOf(unknown.receiptId)).toMatchObject({ anomaly: 'UNKNOWN_POSITION' });

      const expired = await optionByIupd(db, 'DEMO-PINETO-TARI-2025-BNCGLI');
      const lateReceipt = receiptFor(expired);
      expect((await sendRT(lateReceipt)).outcome).toBe('OK');
      expect(await anomalyOf(lateReceipt.receiptId)).toMatchObject({ anomaly: 'EXPIRED_POSITION' });
      expect(
        (
          (await db.query('SELECT status FROM debt_position WHERE id = $1', [expired.positionId])) as {
            status: string;
          }[]
        )[0]?.status,
      ).toBe('PAID');

      const cancelled = await optionByIupd(db, 'DEMO-PINETO-SOSTA-2026-0031');
      const cancelledReceipt = receiptFor(cancelled, { standIn: true });
      expect((await sendRT(cancelledReceipt)).outcome).toBe('OK');
      const flagged = await anomalyOf(cancelledReceipt.receiptId);
      expect(flagged?.anomaly).toBe('CANCELLED_POSITION');
      expect(flagged?.anomaly_reason).toContain('Stand-In');
      expect(
        (
          (await db.query('SELECT status FROM debt_position WHERE id = $1', [cancelled.positionId])) as {
            status: string;
          }[]
        )[0]?.status,
      ).toBe('CANCELLED');

      const twice = await optionByIupd(db, (await createPosition()).iupd);
      await sendRT(receiptFor(twice));
      const second = receiptFor(twice);
      expect((await sendRT(second)).outcome).toBe('OK');
      expect(await anomalyOf(second.receiptId)).toMatchObject({ anomaly: 'ALREADY_PAID' });

      const standIn = await optionByIupd(db, (await createPosition()).iupd);
      const standInReceipt = receiptFor(standIn, { standIn: true });
      expect((await sendRT(standInReceipt)).outcome).toBe('OK');
      expect(await anomalyOf(standInReceipt.receiptId)).toMatchObject({ anomaly: 'STAND_IN' });
    });

    it('stores a receipt where we are secondary creditor (EC-PSP-03) without touching the position', async () => {
      const option = await optionByIupd(db, (await createPosition()).iupd);
      const receipt = receiptFor(option);
      // Montesilvano receives the TEFA share of Pineto's notice.
      expect((await sendRT(receipt, MONTESILVANO)).outcome).toBe('OK');
      const rows: { role: string; recipient_fiscal_code: string }[] = await db.query(
        'SELECT role, recipient_fiscal_code FROM receipt WHERE receipt_id = $1',
        [receipt.receiptId],
      );
      expect(rows).toEqual([{ role: 'SECONDARY', recipient_fiscal_code: MONTESILVANO }]);
      expect((await verify(option.noticeNumber)).outcome).toBe('OK');
      // The primary delivery of the same receipt is a different delivery, and settles the position.
      expect((await sendRT(receipt)).outcome).toBe('OK');
      expect((await verify(option.noticeNumber)).fault?.faultCode).toBe('PAA_PAGAMENTO_DUPLICATO');
      // An entity that is neither the owner nor a beneficiary gets PAA_SEMANTICA.
      const regione = receiptFor(option);
      expect((await sendRT(regione, BROKER)).fault?.faultCode).toBe('PAA_SEMANTICA');
    });

    it('stores V2 receipts with stamp attachments and the V2 fields', async () => {
      const option = await optionByIupd(db, (await createPosition()).iupd);
      const receipt = receiptV2For(option, { idBundle: 'bundle-1' });
      const stamped = {
        ...receipt,
        transferList: {
          transfer: receipt.transferList.transfer.map((transfer, index) =>
            index === 1
              ? { ...transfer, IBAN: undefined, MBDAttachment: 'PG1hcmNhRGFCb2xsbz48L21hcmNhRGFCb2xsbz4=' }
              : transfer,
          ),
        },
      };
      const request: PaSendRTV2Request = { ...header(), receipt: stamped };
      expect(await call('paSendRTV2', buildPaForNodeRequest('paSendRTV2', request))).toEqual({
        outcome: 'OK',
      });
      const rows: {
        primitive_version: number;
        payment_note: string;
        id_bundle: string;
        transfers: { stampAttachment?: string }[];
      }[] = await db.query(
        'SELECT primitive_version, payment_note, id_bundle, transfers FROM receipt WHERE receipt_id = $1',
        [receipt.receiptId],
      );
      expect(rows[0]).toMatchObject({
        primitive_version: 2,
        payment_note: 'carrello-1',
        id_bundle: 'bundle-1',
      });
      expect(rows[0]?.transfers[1]?.stampAttachment).toBeDefined();
    });
  });

  describe('concurrency', () => {
    it('50 concurrent activations of one notice, then one receipt: one payment', async () => {
      const option = await optionByIupd(db, (await createPosition()).iupd);
      const activations = await Promise.all(Array.from({ length: 50 }, () => activate(option.noticeNumber)));
      expect(activations.every((response) => response.outcome === 'OK')).toBe(true);
      expect(
        await count('SELECT count(*) AS n FROM payment_activation WHERE notice_number = $1', [
          option.noticeNumber,
        ]),
      ).toBe(50);
      expect((await sendRT(receiptFor(option))).outcome).toBe('OK');
      expect(
        await count(`SELECT count(*) AS n FROM receipt WHERE notice_number = $1`, [option.noticeNumber]),
      ).toBe(1);
      expect(
        await count(
          `SELECT count(*) AS n FROM position_history WHERE position_id = $1 AND to_status = 'PAID'`,
          [option.positionId],
        ),
      ).toBe(1);
    });

    it('the same receipt delivered 10 times at once: stored once, one OK and nine PAA_RECEIPT_DUPLICATA', async () => {
      const option = await optionByIupd(db, (await createPosition()).iupd);
      const receipt = receiptFor(option);
      const answers = await Promise.all(Array.from({ length: 10 }, () => sendRT(receipt)));
      expect(answers.filter((answer) => answer.outcome === 'OK')).toHaveLength(1);
      expect(answers.filter((answer) => answer.fault?.faultCode === 'PAA_RECEIPT_DUPLICATA')).toHaveLength(9);
      expect(
        await count('SELECT count(*) AS n FROM receipt WHERE receipt_id = $1', [receipt.receiptId]),
      ).toBe(1);
      expect(
        await count(`SELECT count(*) AS n FROM domain_event WHERE payload->>'receiptId' = $1`, [
          receipt.receiptId,
        ]),
      ).toBe(1);
      const position: { paid_cents: string }[] = await db.query(
        'SELECT paid_cents FROM debt_position WHERE id = $1',
        [option.positionId],
      );
      expect(position[0]?.paid_cents).toBe('31200');
    });
  });

  describe('concurrent receipts of one position', () => {
    it('three installments paid at the same moment: all stored, position PAID with the sum (optimistic retries)', async () => {
      const position = await createPosition();
      const installments = await Promise.all([1, 2, 3].map((n) => optionByIupd(db, position.iupd, n)));
      const answers = await Promise.all(installments.map((option) => sendRT(receiptFor(option))));
      expect(answers.map((answer) => answer.outcome)).toEqual(['OK', 'OK', 'OK']);
      const state: { status: string; paid_cents: string }[] = await db.query(
        'SELECT status, paid_cents FROM debt_position WHERE id = $1',
        [installments[0]!.positionId],
      );
      expect(state[0]).toEqual({ status: 'PAID', paid_cents: '31200' });
      expect(
        await count('SELECT count(*) AS n FROM receipt WHERE position_id = $1 AND anomaly IS NULL', [
          installments[0]!.positionId,
        ]),
      ).toBe(3);
      expect(
        await count('SELECT count(*) AS n FROM position_history WHERE position_id = $1 AND actor LIKE $2', [
          installments[0]!.positionId,
          'Nodo pagoPA%',
        ]),
      ).toBe(3);
    });
  });

  describe('paDemandPaymentNotice', () => {
    it('creates a position for a spontaneous service and answers with the new notice', async () => {
      await db.query(
        `INSERT INTO due_type (entity_id, code, name, taxonomy_code, account_id, amount_mode, spontaneous, debtor_required)
         SELECT $1, 'PS001', 'Permesso di sosta giornaliero', '9/0101100IM/', a.id, 'FREE', true, false
         FROM entity_account a WHERE a.entity_id = $1 AND a.kind = 'BANK' LIMIT 1`,
        [pinetoId],
      );
      const data = Buffer.from(
        '<permesso><codiceFiscale>RSSMRA80A01H501U</codiceFiscale><denominazione>Mario Rossi</denominazione><importo>7.50</importo></permesso>',
      ).toString('base64');
      const response = await call(
        'paDemandPaymentNotice',
        buildPaForNodeRequest('paDemandPaymentNotice', {
          ...header(),
          idServizio: 'PS001',
          idSoggettoServizio: '00001',
          datiSpecificiServizioRequest: data,
        }),
      );
      expect(response).toMatchObject({
        outcome: 'OK',
        qrCode: { fiscalCode: PINETO },
        paymentList: { paymentOptionDescription: { amount: 750, options: 'EQ' } },
        fiscalCodePA: PINETO,
        companyName: 'Comune di Pineto',
      });
      const notice = response.qrCode!.noticeNumber;
      expect((await verify(notice)).outcome).toBe('OK');
      const debtor: { debtor_id_value: string }[] = await db.query(
        'SELECT p.debtor_id_value FROM debt_position p JOIN payment_option o ON o.position_id = p.id WHERE o.notice_number = $1',
        [notice],
      );
      expect(debtor[0]?.debtor_id_value).toBe(MARIO_ROSSI);
      const unknown = await call(
        'paDemandPaymentNotice',
        buildPaForNodeRequest('paDemandPaymentNotice', {
          ...header(),
          idServizio: 'XX999',
          idSoggettoServizio: '00001',
          datiSpecificiServizioRequest: data,
        }),
      );
      expect(unknown.fault?.faultCode).toBe('PAA_SEMANTICA');
    });
  });

  describe('hostile and broken input', () => {
    const post = (body: string | Uint8Array<ArrayBuffer>, contentType = 'text/xml') =>
      fetch(`${baseUrl}/pagopa/paForNode`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });

    it('answers schema violations with PAA_SINTASSI_XSD and a description', async () => {
      const xml = buildPaForNodeRequest('paVerifyPaymentNotice', {
        ...header(),
        qrCode: { fiscalCode: PINETO, noticeNumber: '301999999999999999' },
      }).replace('301999999999999999', '30199999999999999X');
      const response = await call('paVerifyPaymentNotice', xml, true);
      expect(response).toMatchObject({ outcome: 'KO', fault: { faultCode: 'PAA_SINTASSI_XSD', id: BROKER } });
      expect(response.fault?.description).toContain('noticeNumber');
    });

    it('refuses DTDs and external entities (XXE) without expanding them', async () => {
      const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:pafn="${PA_FOR_NODE_NS}">
        <soapenv:Body><pafn:paVerifyPaymentNoticeReq><idPA>&x;</idPA></pafn:paVerifyPaymentNoticeReq></soapenv:Body></soapenv:Envelope>`;
      const response = await call('paVerifyPaymentNotice', xxe, true);
      expect(response).toMatchObject({ outcome: 'KO', fault: { faultCode: 'PAA_SINTASSI_EXTRAXSD' } });
      expect(JSON.stringify(response)).not.toContain('root:');
      const billionLaughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`;
      const raw = await post(billionLaughs);
      expect(raw.status).toBe(400);
      expect(await raw.text()).toContain('PAA_SINTASSI_EXTRAXSD');
    });

    it('answers malformed XML and non-SOAP bodies with a SOAP fault, never a 500', async () => {
      const truncated = buildPaForNodeRequest('paVerifyPaymentNotice', {
        ...header(),
        qrCode: { fiscalCode: PINETO, noticeNumber: '301999999999999999' },
      }).slice(0, -40);
      expect((await call('paVerifyPaymentNotice', truncated, true)).fault?.faultCode).toBe(
        'PAA_SINTASSI_EXTRAXSD',
      );
      for (const [body, type] of [
        ['not xml at all', 'text/xml'],
        ['{"a":1}', 'application/json'],
        ['', 'text/xml'],
        [
          `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><x:other xmlns:x="urn:x"/></soapenv:Body></soapenv:Envelope>`,
          'text/xml',
        ],
      ] as const) {
        const response = await post(body, type);
        expect(response.status).toBe(400);
        expect(await response.text()).toContain('<faultstring>PAA_SINTASSI');
      }
    });

    it('answers a 10 MB body with 413 and a SOAP fault, and the next request is served', async () => {
      const huge = new Uint8Array(10 * 1024 * 1024).fill(97);
      const response = await post(huge);
      expect(response.status).toBe(413);
      expect(await response.text()).toContain('soapenv:Fault');
      const option = (await createPosition()).options[0]!;
      expect((await verify(option.noticeNumber)).outcome).toBe('OK');
    });
  });

  describe('journal', () => {
    it('journals every call with outcome, fault and latency, readable by intermediary staff', async () => {
      await verify('301888888888888888');
      const journal = app.get(StationJournalService);
      await journal.flush();
      const admin = await asPerson(app, { intermediaryRole: 'readonly' });
      const page = await admin
        .get('/api/v1/admin/station-journal')
        .query({ noticeNumber: '301888888888888888' })
        .expect(200);
      expect(page.body.items[0]).toMatchObject({
        operation: 'paVerifyPaymentNotice',
        idPa: PINETO,
        idBrokerPa: BROKER,
        idStation: STATION,
        outcome: 'KO',
        faultCode: 'PAA_PAGAMENTO_SCONOSCIUTO',
        httpStatus: 200,
      });
      expect(page.body.items[0].latencyMs).toBeGreaterThan(0);
      const stats = await admin.get('/api/v1/admin/station-journal/stats').expect(200);
      const verifyStats = stats.body.operations.find(
        (row: { operation: string }) => row.operation === 'paVerifyPaymentNotice',
      );
      expect(verifyStats.calls).toBeGreaterThan(5);
      expect(verifyStats.p99Ms).toBeGreaterThanOrEqual(verifyStats.p50Ms);
      expect(verifyStats.within2sRatio).toBeGreaterThan(0.9);
      const citizen = await asPerson(app, { fiscalCode: MARIO_ROSSI });
      await citizen.get('/api/v1/admin/station-journal').expect(403);
    });

    it('purges journal lines older than 24 months', async () => {
      await db.query(
        `INSERT INTO station_journal (occurred_at, operation, outcome, http_status, latency_ms)
         VALUES (now() - interval '25 months', 'paVerifyPaymentNotice', 'OK', 200, 1),
                (now() - interval '23 months', 'paVerifyPaymentNotice', 'OK', 200, 1)`,
      );
      const result = await app.get(StationJournalPurgeHandler).run();
      expect(result).toEqual({ deleted: 1 });
      expect(
        await count(
          `SELECT count(*) AS n FROM station_journal WHERE occurred_at < now() - interval '22 months'`,
        ),
      ).toBe(1);
    });
  });

  const skipReason = officialSchemasMissingReason();
  (skipReason ? it.skip : it)(
    `every message on the wire validates against the official XSD${skipReason ? ` (${skipReason})` : ''}`,
    async () => {
      const results = await validateMessagesWithOfficialXsd(wire.map(({ xml }) => xml));
      const failures = results.flatMap((result, index) =>
        result.valid ? [] : [`${wire[index]?.name}: ${result.errors.join('; ')}`],
      );
      expect(failures).toEqual([]);
      expect(wire.filter(({ name }) => name.endsWith('request')).length).toBeGreaterThan(20);
    },
    120_000,
  );
});
