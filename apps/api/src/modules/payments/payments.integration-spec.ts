import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type PaymentAttempt, type PublicNotice } from '@pagamenti/contracts';
import { todayInRome } from '@pagamenti/pagopa';
import { buildPaForNodeRequest } from '@pagamenti/pagopa/soap';
import { asPerson } from '../../../test/auth';
import {
  callStation,
  header,
  MARIO_ROSSI,
  MONTESILVANO,
  optionByIupd,
  PINETO,
  receiptFor,
  receiptV2For,
  sendRTXml,
} from '../../../test/station';
import { engine, resetDatabase, startTestApp } from '../../../test/test-app';
import { DemoSeedService } from '../../seed/demo-seed.service';
import { ApiKeysService } from '../identity/api-keys/api-keys.service';
import { PositionsService } from '../positions/positions.service';
import { StationDirectory } from '../station/station-directory.service';
import { PublicRateLimiter } from './public-rate-limiter';

const GIULIA_BIANCHI = 'BNCGLI85M45A345P';

interface Cart {
  paymentNotices: { noticeNumber: string; fiscalCode: string; amount: number; companyName: string }[];
  returnUrls: { returnOkUrl: string; returnCancelUrl: string; returnErrorUrl: string };
  idCart?: string;
  emailNotice?: string;
}

/** pagoPA Checkout's carts API as the simulator answers it (302 to the cart's page), or down when asked. */
class FakeCheckout {
  readonly carts: Cart[] = [];
  down = false;
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.down) {
      res.writeHead(503).end('busy');
      return;
    }
    this.carts.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Cart);
    res.writeHead(302, { location: `/checkout/carts/cart-${this.carts.length}` }).end();
  }

  last(): Cart {
    const cart = this.carts[this.carts.length - 1];
    if (!cart) throw new Error('no cart yet');
    return cart;
  }
}

function daysFromToday(days: number): string {
  const date = new Date(`${todayInRome()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A payment time as the node writes it (no offset: Europe/Rome), a few minutes ago. */
function now(): string {
  return new Date(Date.now() - 5 * 60_000)
    .toLocaleString('sv-SE', { timeZone: 'Europe/Rome' })
    .replace(' ', 'T');
}

describe(`citizen area and payments on ${engine}`, () => {
  const checkout = new FakeCheckout();
  let app: NestExpressApplication;
  let db: DataSource;
  let baseUrl = '';
  let checkoutBase = '';
  let pinetoId = '';
  let sequence = 0;
  const http = () => request(app.getHttpServer());

  /** A fresh payable position of Pineto (PERMESSO_SOSTA, fixed 30 €) for `debtor`. */
  async function newNotice(
    debtor = MARIO_ROSSI,
  ): Promise<{ noticeNumber: string; iupd: string; id: string }> {
    sequence++;
    const { position } = await app.get(PositionsService).create(
      pinetoId,
      {
        iupd: `PAY-${sequence}-${Date.now()}`,
        dueTypeCode: 'PERMESSO_SOSTA',
        debtor: {
          type: 'F',
          idValue: debtor,
          name: debtor === MARIO_ROSSI ? 'Mario Rossi' : 'Giulia Bianchi',
        },
        description: 'Permesso di sosta residenti',
        options: [{ amountCents: 3000, dueDate: daysFromToday(20) }],
      },
      'test',
    );
    return { noticeNumber: position.options[0]?.noticeNumber ?? '', iupd: position.iupd, id: position.id };
  }

  const noticeOf = async (iupd: string) => (await optionByIupd(db, iupd)).noticeNumber;
  const lookup = (noticeNumber: string, entity = PINETO) =>
    http().get(`/api/v1/public/notices/${entity}/${noticeNumber}`);
  const attemptIdOf = async (reference: string) =>
    (
      (await db.query('SELECT id FROM payment_attempt WHERE reference = $1', [reference])) as { id: string }[]
    )[0]?.id ?? '';

  beforeAll(async () => {
    checkoutBase = await checkout.start();
    app = await startTestApp({
      PAGOPA_CHECKOUT_BASE_URL: `${checkoutBase}/checkout/ec/v1`,
      PAGOPA_NODE_RETRIES: '0',
      PAGOPA_NODE_TIMEOUT_MS: '2000',
      PUBLIC_BASE_URL: 'https://pagamenti.example.it',
    });
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

  beforeEach(() => app.get(PublicRateLimiter).reset());

  afterAll(async () => {
    await app?.close();
    await checkout.stop();
  });

  describe('a notice by its code (public)', () => {
    it('answers amount, due date, entity and payability, and nothing about the debtor', async () => {
      const noticeNumber = await noticeOf('DEMO-PINETO-TARI-2026-RSSMRA');
      const response = await lookup(noticeNumber).expect(200);
      const notice = response.body as PublicNotice;
      expect(notice).toMatchObject({
        noticeNumber,
        entityFiscalCode: PINETO,
        entityName: 'Comune di Pineto',
        amountCents: 31200,
        dueDate: daysFromToday(45),
        installment: null,
        payability: 'PAYABLE',
        payabilityLabel: 'da pagare',
        paymentInProgress: false,
      });
      expect(JSON.stringify(notice)).not.toMatch(/RSSMRA|Rossi|Mario/);
      // Spaces as printed on the notice are accepted.
      const spaced = noticeNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
      expect((await lookup(encodeURIComponent(spaced)).expect(200)).body.noticeNumber).toBe(noticeNumber);
    });

    it('says in words when a notice is paid, expired, cancelled or unknown (a draft is unknown)', async () => {
      const states: [string, string, string][] = [
        ['DEMO-PINETO-SOSTA-2026-RSSMRA', 'PAID', 'già pagato'],
        ['DEMO-PINETO-TARI-2025-BNCGLI', 'EXPIRED', 'scaduto'],
        ['DEMO-PINETO-SOSTA-2026-0031', 'CANCELLED', 'annullato'],
        ['DEMO-PINETO-MENSA-2026-04', 'UNKNOWN', 'sconosciuto'],
      ];
      for (const [iupd, payability, label] of states) {
        const notice = (await lookup(await noticeOf(iupd)).expect(200)).body as PublicNotice;
        expect({ iupd, payability: notice.payability, label: notice.payabilityLabel }).toEqual({
          iupd,
          payability,
          label,
        });
      }
      const draft = (await lookup(await noticeOf('DEMO-PINETO-MENSA-2026-04'))).body as PublicNotice;
      expect(draft).toMatchObject({ amountCents: null, description: null, dueDate: null });
      const unknown = (await lookup('307000000000000000').expect(200)).body as PublicNotice;
      expect(unknown).toMatchObject({ payability: 'UNKNOWN', entityName: 'Comune di Pineto' });
      expect((await lookup('307000000000000000', '99999999999').expect(200)).body.entityName).toBeNull();
    });

    it('refuses malformed codes with field errors and limits the lookups per IP', async () => {
      const bad = await lookup('12345', '123').expect(400);
      expect(bad.body.fieldErrors.map((error: { field: string }) => error.field).sort()).toEqual([
        'entityFiscalCode',
        'noticeNumber',
      ]);
      for (let i = 0; i < 30; i++) await lookup('307000000000000000').expect(200);
      const limited = await lookup('307000000000000000').expect(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
    });
  });

  describe('Checkout from the public page', () => {
    it('opens a cart with our outcome page as return URLs, then turns PAGATO when the receipt arrives', async () => {
      const notice = await newNotice();
      const started = await http()
        .post('/api/v1/public/payments/checkout')
        .send({ notices: [{ entityFiscalCode: PINETO, noticeNumber: notice.noticeNumber }], email: 'a@b.it' })
        .expect(201);
      const { reference, checkoutUrl } = started.body as { reference: string; checkoutUrl: string };
      expect(reference).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(checkoutUrl).toBe(`${checkoutBase}/checkout/carts/cart-${checkout.carts.length}`);
      const cart = checkout.last();
      const attemptId = await attemptIdOf(reference);
      expect(cart).toEqual({
        paymentNotices: [
          {
            noticeNumber: notice.noticeNumber,
            fiscalCode: PINETO,
            amount: 3000,
            companyName: 'Comune di Pineto',
            description: 'Permesso di sosta residenti',
          },
        ],
        returnUrls: {
          returnOkUrl: `https://pagamenti.example.it/pagamento/esito/${reference}?esito=ok`,
          returnCancelUrl: `https://pagamenti.example.it/pagamento/esito/${reference}?esito=annullato`,
          returnErrorUrl: `https://pagamenti.example.it/pagamento/esito/${reference}?esito=errore`,
        },
        idCart: attemptId,
        emailNotice: 'a@b.it',
      });

      const pending = (await http().get(`/api/v1/public/payments/${reference}`).expect(200))
        .body as PaymentAttempt;
      expect(pending).toMatchObject({ status: 'IN_CORSO', totalAmountCents: 3000, receipts: [] });
      expect((await lookup(notice.noticeNumber)).body.paymentInProgress).toBe(true);

      // Checkout pays: the node's receipt (V2) carries the cart id as paymentNote.
      const option = await optionByIupd(db, notice.iupd);
      await callStation(
        baseUrl,
        'paSendRTV2',
        buildPaForNodeRequest('paSendRTV2', {
          ...header(),
          receipt: receiptV2For(option, {
            paymentNote: attemptId,
            companyName: 'Comune di Pineto',
            paymentDateTime: now(),
          }),
        }),
      );
      const paid = (await http().get(`/api/v1/public/payments/${reference}`).expect(200))
        .body as PaymentAttempt;
      expect(paid.status).toBe('PAGATO');
      expect(paid.receipts).toHaveLength(1);
      const receipt = paid.receipts[0]!;
      expect(paid.notices[0]?.receiptId).toBe(receipt.id);
      expect(receipt).toMatchObject({ noticeNumber: notice.noticeNumber, amountCents: 3000, feeCents: 100 });
      expect((await lookup(notice.noticeNumber)).body.payability).toBe('PAID');

      const pdf = await http()
        .get(`/api/v1/public/payments/${reference}/receipts/${receipt.id}/receipt.pdf`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect((pdf.body as Buffer).subarray(0, 4).toString()).toBe('%PDF');

      // Only through its own reference.
      const other = await http()
        .post('/api/v1/public/payments/checkout')
        .send({ notices: [{ entityFiscalCode: PINETO, noticeNumber: (await newNotice()).noticeNumber }] })
        .expect(201);
      await http()
        .get(`/api/v1/public/payments/${other.body.reference}/receipts/${receipt.id}/receipt.pdf`)
        .expect(404);
      await http()
        .get(`/api/v1/public/payments/${'x'.repeat(32)}`)
        .expect(404);
    }, 60_000);

    it('links a V1 receipt through the activation that carried the cart id', async () => {
      const notice = await newNotice();
      const started = await http()
        .post('/api/v1/public/payments/checkout')
        .send({ notices: [{ entityFiscalCode: PINETO, noticeNumber: notice.noticeNumber }] })
        .expect(201);
      const attemptId = await attemptIdOf(started.body.reference);
      await callStation(
        baseUrl,
        'paGetPayment',
        buildPaForNodeRequest('paGetPayment', {
          ...header(),
          qrCode: { fiscalCode: PINETO, noticeNumber: notice.noticeNumber },
          paymentNote: attemptId,
        }),
      );
      // The browser came back through the cancel URL first: the receipt still wins.
      const cancelled = await http()
        .post(`/api/v1/public/payments/${started.body.reference}/outcome`)
        .send({ outcome: 'CANCELLED' })
        .expect(200);
      expect(cancelled.body.status).toBe('ANNULLATO');
      await callStation(
        baseUrl,
        'paSendRT',
        sendRTXml(
          receiptFor(await optionByIupd(db, notice.iupd), {
            companyName: 'Comune di Pineto',
            paymentDateTime: now(),
          }),
        ),
      );
      const paid = await http().get(`/api/v1/public/payments/${started.body.reference}`).expect(200);
      expect(paid.body.status).toBe('PAGATO');
    });

    it('says ANNULLATO or ERRORE from the return URL the citizen came back through', async () => {
      for (const [outcome, status] of [
        ['CANCELLED', 'ANNULLATO'],
        ['ERROR', 'ERRORE'],
      ] as const) {
        const started = await http()
          .post('/api/v1/public/payments/checkout')
          .send({ notices: [{ entityFiscalCode: PINETO, noticeNumber: (await newNotice()).noticeNumber }] })
          .expect(201);
        const answer = await http()
          .post(`/api/v1/public/payments/${started.body.reference}/outcome`)
          .send({ outcome })
          .expect(200);
        expect(answer.body.status).toBe(status);
      }
    });

    it('refuses the whole cart naming each notice that cannot be paid', async () => {
      const paid = await noticeOf('DEMO-PINETO-SOSTA-2026-RSSMRA');
      const payable = (await newNotice()).noticeNumber;
      const before = checkout.carts.length;
      const conflict = await http()
        .post('/api/v1/public/payments/checkout')
        .send({
          notices: [
            { entityFiscalCode: PINETO, noticeNumber: payable },
            { entityFiscalCode: PINETO, noticeNumber: paid },
          ],
        })
        .expect(409);
      expect(conflict.body.fieldErrors).toEqual([
        { field: 'notices[1]', message: expect.stringContaining('già stato pagato'), rule: 'PAID' },
      ]);
      const unknown = await http()
        .post('/api/v1/public/payments/checkout')
        .send({ notices: [{ entityFiscalCode: PINETO, noticeNumber: '307000000000000000' }] })
        .expect(404);
      expect(unknown.body.fieldErrors[0].field).toBe('notices[0]');
      const tooMany = await http()
        .post('/api/v1/public/payments/checkout')
        .send({
          notices: Array.from({ length: 6 }, () => ({ entityFiscalCode: PINETO, noticeNumber: payable })),
        })
        .expect(400);
      expect(tooMany.body.fieldErrors[0]).toMatchObject({ field: 'notices' });
      expect(checkout.carts.length).toBe(before);
    });

    it('answers 503 when Checkout is down, and the attempt reads ERRORE', async () => {
      checkout.down = true;
      try {
        const noticeNumber = (await newNotice()).noticeNumber;
        const refused = await http()
          .post('/api/v1/public/payments/checkout')
          .send({ notices: [{ entityFiscalCode: PINETO, noticeNumber }] })
          .expect(503);
        expect(refused.body.message).toMatch(/Non è stato addebitato alcun importo/);
        const rows: { reference: string; checkout_failure: string }[] = await db.query(
          'SELECT reference, checkout_failure FROM payment_attempt ORDER BY created_at DESC LIMIT 1',
        );
        expect(rows[0]?.checkout_failure).toMatch(/HTTP 503/);
        const attempt = await http().get(`/api/v1/public/payments/${rows[0]?.reference}`).expect(200);
        expect(attempt.body.status).toBe('ERRORE');
      } finally {
        checkout.down = false;
      }
    });
  });

  describe('the logged-in citizen', () => {
    it('sees every open position where they are the debtor, across entities, and nobody else’s', async () => {
      const mario = await asPerson(app, { fiscalCode: MARIO_ROSSI });
      const positions = (await mario.get('/api/v1/me/positions').expect(200)).body as {
        id: string;
        entityName: string;
        dueTypeName: string;
        options: { installment: number | null; payability: string }[];
      }[];
      const entities = new Set(positions.map((position) => position.entityName));
      expect(entities).toEqual(new Set(['Comune di Pineto', 'Comune di Montesilvano']));
      const tari = positions.find((position) => position.dueTypeName.startsWith('TARI'));
      expect(tari?.options.map((option) => option.installment)).toEqual([null, 1, 2, 3]);
      expect(tari?.options.every((option) => option.payability === 'PAYABLE')).toBe(true);
      // The cancelled permit and the paid one are not open.
      expect(positions.every((position) => !position.id.startsWith('x'))).toBe(true);
      const statuses = (await db.query(`SELECT status FROM debt_position WHERE id = ANY($1::uuid[])`, [
        positions.map((position) => position.id),
      ])) as { status: string }[];
      expect(statuses.every((row) => ['VALID', 'PARTIALLY_PAID', 'EXPIRED'].includes(row.status))).toBe(true);

      await mario.get(`/api/v1/me/positions/${tari?.id}`).expect(200);
      const giulias = (await newNotice(GIULIA_BIANCHI)).id;
      const refused = await mario.get(`/api/v1/me/positions/${giulias}`).expect(404);
      expect(refused.body.code).toBe('POSITION_NOT_FOUND');
      await mario.get('/api/v1/me/positions/not-a-uuid').expect(400);
      await http().get('/api/v1/me/positions').expect(401);
    });

    it('pays several of their own notices together, never another citizen’s', async () => {
      const mario = await asPerson(app, { fiscalCode: MARIO_ROSSI });
      const own = [await newNotice(), await newNotice()];
      const started = await mario
        .post('/api/v1/me/payments/checkout')
        .send({ notices: own.map((n) => ({ entityFiscalCode: PINETO, noticeNumber: n.noticeNumber })) })
        .expect(201);
      expect(checkout.last().paymentNotices).toHaveLength(2);
      const positions = (await mario.get('/api/v1/me/positions').expect(200)).body as {
        id: string;
        options: { paymentInProgress: boolean }[];
      }[];
      expect(positions.find((p) => p.id === own[0]?.id)?.options[0]?.paymentInProgress).toBe(true);
      const rows: { origin: string; person_fiscal_code: string }[] = await db.query(
        'SELECT origin, person_fiscal_code FROM payment_attempt WHERE reference = $1',
        [started.body.reference],
      );
      expect(rows[0]).toEqual({ origin: 'CITIZEN', person_fiscal_code: MARIO_ROSSI });

      const giulias = await newNotice(GIULIA_BIANCHI);
      const refused = await mario
        .post('/api/v1/me/payments/checkout')
        .send({ notices: [{ entityFiscalCode: PINETO, noticeNumber: giulias.noticeNumber }] })
        .expect(404);
      expect(refused.body.fieldErrors[0].field).toBe('notices[0]');
    });

    it('finds their receipts as debtor or payer, filters them, downloads only their own', async () => {
      const mario = await asPerson(app, { fiscalCode: MARIO_ROSSI });
      const giulia = await asPerson(app, { fiscalCode: GIULIA_BIANCHI });
      // Giulia pays a notice of her own; Mario pays one of Giulia's (payer, not debtor).
      const hers = await newNotice(GIULIA_BIANCHI);
      const giuliaAsPayer = {
        uniqueIdentifier: {
          entityUniqueIdentifierType: 'F' as const,
          entityUniqueIdentifierValue: GIULIA_BIANCHI,
        },
        fullName: 'Giulia Bianchi',
      };
      await callStation(
        baseUrl,
        'paSendRT',
        sendRTXml(
          receiptFor(await optionByIupd(db, hers.iupd), {
            debtor: giuliaAsPayer,
            payer: giuliaAsPayer,
            companyName: 'Comune di Pineto',
            paymentDateTime: now(),
          }),
        ),
      );
      const paidForGiulia = await newNotice(GIULIA_BIANCHI);
      await callStation(
        baseUrl,
        'paSendRT',
        sendRTXml(
          receiptFor(await optionByIupd(db, paidForGiulia.iupd), {
            debtor: giuliaAsPayer,
            companyName: 'Comune di Pineto',
            paymentDateTime: now(),
          }),
        ),
      );

      const list = (await mario.get('/api/v1/me/receipts').expect(200)).body as {
        items: { id: string; noticeNumber: string; role: string; amountCents: number }[];
        nextCursor: string | null;
      };
      const numbers = list.items.map((item) => item.noticeNumber);
      expect(numbers).toContain(paidForGiulia.noticeNumber);
      expect(numbers).not.toContain(hers.noticeNumber);
      expect(list.items.find((item) => item.noticeNumber === paidForGiulia.noticeNumber)?.role).toBe('PAYER');
      // The demo receipt (tools/demo/receipts.json) is Mario's as debtor and payer.
      expect(list.items.some((item) => item.role === 'BOTH')).toBe(true);

      const filtered = async (query: string) =>
        ((await mario.get(`/api/v1/me/receipts?${query}`).expect(200)).body as typeof list).items.length;
      expect(await filtered('entity=Pineto')).toBe(list.items.length);
      expect(await filtered(`entity=${MONTESILVANO}`)).toBe(0);
      expect(await filtered('minAmountCents=100000')).toBe(0);
      expect(await filtered('from=2000-01-01&to=2000-12-31')).toBe(0);
      expect(await filtered(`from=${daysFromToday(-30)}&to=${daysFromToday(1)}`)).toBe(list.items.length);
      const first = (await mario.get('/api/v1/me/receipts?limit=1').expect(200)).body as typeof list;
      expect(first.items).toHaveLength(1);
      const second = await mario.get(`/api/v1/me/receipts?limit=1&cursor=${first.nextCursor}`).expect(200);
      expect(second.body.items[0].id).not.toBe(first.items[0]?.id);
      await mario.get('/api/v1/me/receipts?cursor=garbage').expect(400);

      const mine = list.items[0]!;
      const pdf = await mario.get(`/api/v1/me/receipts/${mine.id}/receipt.pdf`).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const giuliasOwn = (await giulia.get('/api/v1/me/receipts').expect(200)).body as typeof list;
      const onlyHers = giuliasOwn.items.find((item) => item.noticeNumber === hers.noticeNumber);
      expect(onlyHers).toBeDefined();
      await mario.get(`/api/v1/me/receipts/${onlyHers?.id}/receipt.pdf`).expect(404);
    }, 60_000);
  });

  describe('spontaneous payments', () => {
    it('lists the services of entities in production with the service active, searchable', async () => {
      const all = (await http().get('/api/v1/public/spontaneous-services').expect(200)).body as {
        entityName: string;
        name: string;
        code: string;
      }[];
      expect(all.length).toBeGreaterThan(5);
      // Suspended entity (demo): its services are not offered.
      expect(all.some((service) => service.entityName.startsWith('Collegio delle Guide Alpine'))).toBe(false);
      const sosta = (await http().get('/api/v1/public/spontaneous-services?q=sosta pineto').expect(200))
        .body as typeof all;
      expect(sosta.map((service) => `${service.entityName} ${service.code}`)).toEqual([
        'Comune di Pineto PERMESSO_SOSTA',
      ]);
      const byEntity = (await http().get(`/api/v1/public/spontaneous-services?entity=${PINETO}`).expect(200))
        .body as typeof all;
      expect(new Set(byEntity.map((service) => service.entityName))).toEqual(new Set(['Comune di Pineto']));
    });

    async function service(code: string, entity = PINETO) {
      const list = (await http().get(`/api/v1/public/spontaneous-services?entity=${entity}`).expect(200))
        .body as { dueTypeId: string; code: string }[];
      const found = list.find((item) => item.code === code);
      if (!found) throw new Error(`${code} not offered`);
      return (await http().get(`/api/v1/public/spontaneous-services/${found.dueTypeId}`).expect(200))
        .body as {
        dueTypeId: string;
        formSchema: { properties: Record<string, unknown> };
      };
    }

    const debtor = { type: 'F', idValue: 'VRDLCU72C12G482Y', name: 'Luca Verdi' };

    it('checks the form against the JSON Schema and the amount rules on the server', async () => {
      const permit = await service('PERMESSO_SOSTA');
      expect(Object.keys(permit.formSchema.properties)).toEqual(['targa', 'zona', 'validoDal']);
      const invalid = await http()
        .post('/api/v1/public/spontaneous-payments')
        .send({
          dueTypeId: permit.dueTypeId,
          debtor,
          formValues: { targa: 'ab-12', validoDal: '2026-02-30', colore: 'rosso' },
          amountCents: 2000,
        })
        .expect(400);
      const errors = Object.fromEntries(
        (invalid.body.fieldErrors as { field: string; rule: string }[]).map((error) => [
          error.field,
          error.rule,
        ]),
      );
      expect(errors).toEqual({
        'formValues.targa': 'pattern',
        'formValues.zona': 'required',
        'formValues.validoDal': 'format',
        'formValues.colore': 'additionalProperties',
        amountCents: 'fixedAmount',
      });

      const tari = await service('TARI');
      const below = await http()
        .post('/api/v1/public/spontaneous-payments')
        .send({
          dueTypeId: tari.dueTypeId,
          debtor,
          formValues: { codiceUtenza: 'U1', anno: 2026 },
          amountCents: 50,
        })
        .expect(400);
      expect(below.body.fieldErrors).toEqual([
        { field: 'amountCents', message: 'L’importo minimo è 1,00 €.', rule: 'minAmount' },
      ]);
      const missing = await http()
        .post('/api/v1/public/spontaneous-payments')
        .send({ dueTypeId: tari.dueTypeId, formValues: { codiceUtenza: 'U1', anno: 'duemila' } })
        .expect(400);
      expect(missing.body.fieldErrors.map((error: { field: string }) => error.field).sort()).toEqual([
        'amountCents',
        'debtor',
        'formValues.anno',
      ]);
      const badCode = await http()
        .post('/api/v1/public/spontaneous-payments')
        .send({
          dueTypeId: tari.dueTypeId,
          debtor: { ...debtor, idValue: 'VRDLCU72C12G482X' },
          formValues: { codiceUtenza: 'U1', anno: 2026 },
          amountCents: 12000,
        })
        .expect(400);
      expect(badCode.body.fieldErrors[0].field).toBe('debtor.idValue');
    });

    it('creates the position (published) and the cart in one step', async () => {
      const tari = await service('TARI');
      const before = checkout.carts.length;
      const started = await http()
        .post('/api/v1/public/spontaneous-payments')
        .send({
          dueTypeId: tari.dueTypeId,
          debtor,
          formValues: { codiceUtenza: 'UT-991', anno: 2026, rata: 'Saldo' },
          amountCents: 12050,
        })
        .expect(201);
      expect(started.body).toMatchObject({ entityFiscalCode: PINETO, amountCents: 12050 });
      expect(checkout.carts.length).toBe(before + 1);
      expect(checkout.last().paymentNotices[0]).toMatchObject({
        noticeNumber: started.body.noticeNumber,
        amount: 12050,
      });
      const rows: { status: string; debtor_id_value: string; metadata: unknown; description: string }[] =
        await db.query(
          `SELECT p.status, p.debtor_id_value, p.metadata, p.description FROM debt_position p
             JOIN payment_option o ON o.position_id = p.id WHERE o.notice_number = $1`,
          [started.body.noticeNumber],
        );
      expect(rows[0]).toEqual({
        status: 'VALID',
        debtor_id_value: 'VRDLCU72C12G482Y',
        description: 'TARI - Tassa sui rifiuti',
        metadata: [
          { key: 'codiceUtenza', value: 'UT-991' },
          { key: 'anno', value: '2026' },
          { key: 'rata', value: 'Saldo' },
        ],
      });
      const attempt = (await http().get(`/api/v1/public/payments/${started.body.reference}`).expect(200))
        .body as PaymentAttempt;
      expect(attempt.status).toBe('IN_CORSO');
    });

    it('makes the logged-in person the debtor when the form names nobody', async () => {
      const permit = await service('PERMESSO_SOSTA');
      const mario = await asPerson(app, { fiscalCode: MARIO_ROSSI });
      const started = await mario
        .post('/api/v1/public/spontaneous-payments')
        .send({ dueTypeId: permit.dueTypeId, formValues: { targa: 'AB123CD', zona: 'Centro' } })
        .expect(201);
      expect(started.body.amountCents).toBe(3000);
      const positions = (await mario.get('/api/v1/me/positions').expect(200)).body as {
        options: { noticeNumber: string }[];
      }[];
      expect(positions.some((p) => p.options.some((o) => o.noticeNumber === started.body.noticeNumber))).toBe(
        true,
      );
      await http()
        .get('/api/v1/public/spontaneous-services/00000000-0000-4000-8000-000000000000')
        .expect(404);
    });
  });

  describe('payments from an entity’s portal (API key)', () => {
    it('opens a cart for the key’s entity’s notices with the portal’s return URLs', async () => {
      const keys = app.get(ApiKeysService);
      const portal = await keys.create(
        { entityId: pinetoId },
        { name: 'Portale servizi', scopes: ['payments:write'] },
        'CLMPLA68T10A515P',
      );
      const readOnly = await keys.create(
        { entityId: pinetoId },
        { name: 'Sola lettura', scopes: ['debts:read'] },
        'CLMPLA68T10A515P',
      );
      const returnUrls = {
        returnOkUrl: 'https://servizi.example.it/esito?ok',
        returnCancelUrl: 'https://servizi.example.it/esito?annullato',
        returnErrorUrl: 'https://servizi.example.it/esito?errore',
      };
      const notice = await newNotice();
      const started = await http()
        .post('/api/v1/payments/checkout')
        .set('authorization', `Bearer ${portal.key}`)
        .send({ notices: [{ noticeNumber: notice.noticeNumber }], returnUrls })
        .expect(201);
      expect(started.body.checkoutUrl).toContain('/checkout/carts/');
      expect(checkout.last().returnUrls).toEqual(returnUrls);

      // Montesilvano's key cannot pay Pineto's notice: it looks notices up in its own entity only.
      const montesilvanoId = (
        (await db.query('SELECT id FROM creditor_entity WHERE fiscal_code = $1', [MONTESILVANO])) as {
          id: string;
        }[]
      )[0]!.id;
      const sameNumberThere: { n: string }[] = await db.query(
        'SELECT count(*) AS n FROM payment_option WHERE entity_id = $1 AND notice_number = $2',
        [montesilvanoId, notice.noticeNumber],
      );
      expect(Number(sameNumberThere[0]?.n)).toBe(0);
      const otherEntity = await keys.create(
        { entityId: montesilvanoId },
        { name: 'Portale Montesilvano', scopes: ['payments:write'] },
        'CLMPLA68T10A515P',
      );
      await http()
        .post('/api/v1/payments/checkout')
        .set('authorization', `Bearer ${otherEntity.key}`)
        .send({ notices: [{ noticeNumber: notice.noticeNumber }], returnUrls })
        .expect(404);
      await http()
        .post('/api/v1/payments/checkout')
        .set('authorization', `Bearer ${portal.key}`)
        .send({
          notices: [{ noticeNumber: notice.noticeNumber }],
          returnUrls: { ...returnUrls, returnOkUrl: 'ftp://x' },
        })
        .expect(400);
      await http()
        .post('/api/v1/payments/checkout')
        .set('authorization', `Bearer ${readOnly.key}`)
        .send({ notices: [{ noticeNumber: notice.noticeNumber }], returnUrls })
        .expect(403);
      await http().post('/api/v1/payments/checkout').send({}).expect(401);
    });
  });
});
