import { type NestExpressApplication } from '@nestjs/platform-express';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type DebtPosition, type DebtPositionSummary, type Page } from '@pagamenti/contracts';
import { parseNoticeNumber, todayInRome } from '@pagamenti/pagopa';
import { asPerson } from '../../../test/auth';
import { engine, resetDatabase, startTestApp } from '../../../test/test-app';
import { DemoSeedService } from '../../seed/demo-seed.service';
import { ApiKeysService } from '../identity/api-keys/api-keys.service';
import { NoticeNumberAllocator } from './notice-number-allocator';
import { POSITIONS_EXPIRE, PositionExpiryHandler } from './position-expiry.handler';
import { PositionsService } from './positions.service';

const PINETO = '99023040399';
const MONTESILVANO = '99027229550';
const CASTEL_DI_SANGRO = '99019898529'; // no segregation code yet
const OPERATOR = 'OPRPNT80A01H501X';
const BANK_IBAN = 'IT60X0542811101000000123456';

function daysFromToday(days: number): string {
  const date = new Date(`${todayInRome()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function tari(iupd: string, debtorId = 'RSSMRA80A01H501U', name = 'Mario Rossi') {
  return {
    iupd,
    dueTypeCode: 'TARI',
    debtor: { type: 'F', idValue: debtorId, name },
    description: 'TARI 2026 - utenza domestica',
    options: [
      {
        amountCents: 31200,
        dueDate: daysFromToday(30),
        transfers: [
          { amountCents: 29640 },
          {
            beneficiaryFiscalCode: '99049220017',
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
  };
}

describe(`debt positions on ${engine}`, () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let http: Awaited<ReturnType<typeof asPerson>>;
  let pineto = '';
  let montesilvano = '';
  const base = () => `/api/v1/entities/${pineto}/positions`;

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number(((await db.query(sql, params)) as { n: string }[])[0]?.n ?? 0);

  const create = async (body: object, expected = 201) =>
    (await http.post(base()).send(body).expect(expected)).body as DebtPosition;

  beforeAll(async () => {
    app = await startTestApp();
    db = app.get(DataSource);
    await resetDatabase(app);
    await app.get(DemoSeedService).seed();
    const ids: { id: string; fiscal_code: string }[] = await db.query(
      'SELECT id, fiscal_code FROM creditor_entity WHERE fiscal_code = ANY($1)',
      [[PINETO, MONTESILVANO]],
    );
    pineto = ids.find((row) => row.fiscal_code === PINETO)?.id ?? '';
    montesilvano = ids.find((row) => row.fiscal_code === MONTESILVANO)?.id ?? '';
    http = await asPerson(app, {
      fiscalCode: OPERATOR,
      entityRoles: [{ entityId: pineto, role: 'operator' }],
    });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  describe('demo data', () => {
    it('gives the demo citizens positions in several entities, expired, cancelled and draft ones included', async () => {
      const rows: { fiscal_code: string; iupd: string; status: string }[] = await db.query(
        `SELECT e.fiscal_code, p.iupd, p.status FROM debt_position p JOIN creditor_entity e ON e.id = p.entity_id
          WHERE p.debtor_id_value = 'RSSMRA80A01H501U' OR p.iupd LIKE 'DEMO-PINETO-%'`,
      );
      const byIupd = Object.fromEntries(rows.map((row) => [row.iupd, row.status]));
      expect(byIupd).toMatchObject({
        'DEMO-PINETO-TARI-2026-RSSMRA': 'VALID',
        'DEMO-PINETO-TARI-2025-BNCGLI': 'EXPIRED',
        'DEMO-PINETO-SOSTA-2026-0031': 'CANCELLED',
        'DEMO-PINETO-MENSA-2026-04': 'DRAFT',
        'DEMO-MONTESILVANO-MENSA-T1-RSSMRA': 'VALID',
      });
      expect(
        await count(`SELECT count(*) AS n FROM debt_position WHERE iupd LIKE 'DEMO-GEN-%'`),
      ).toBeGreaterThan(150);
      const before = await count('SELECT count(*) AS n FROM debt_position');
      await app.get(DemoSeedService).seed();
      expect(await count('SELECT count(*) AS n FROM debt_position')).toBe(before);
    });
  });

  describe('create and read', () => {
    it('creates a TARI position with installments and a TEFA share, found by IUPD, notice number and IUV', async () => {
      const position = await create(tari('T-CREATE-1'));
      expect(position).toMatchObject({
        iupd: 'T-CREATE-1',
        entityFiscalCode: PINETO,
        dueTypeCode: 'TARI',
        status: 'VALID',
        amountCents: 31200,
        paidCents: 0,
        version: 1,
      });
      expect(position.publishedAt).not.toBeNull();
      expect(position.options.map((option) => option.installment)).toEqual([null, 1, 2, 3]);
      for (const option of position.options) {
        expect(parseNoticeNumber(option.noticeNumber)).toMatchObject({
          auxDigit: 3,
          segregationCode: '07',
          checkDigitValid: true,
          iuv: option.iuv,
        });
      }
      expect(new Set(position.options.map((option) => option.noticeNumber)).size).toBe(4);
      expect(position.options[0]?.transfers).toEqual([
        expect.objectContaining({
          index: 1,
          beneficiaryFiscalCode: PINETO,
          category: '9/0101101IM/',
          amountCents: 29640,
        }),
        expect.objectContaining({
          index: 2,
          beneficiaryFiscalCode: '99049220017',
          iban: BANK_IBAN,
          amountCents: 1560,
        }),
      ]);
      expect(position.options[1]?.transfers).toEqual([
        expect.objectContaining({ beneficiaryFiscalCode: PINETO, amountCents: 10400, postalIban: false }),
      ]);

      const single = position.options[0]!;
      expect((await http.get(`${base()}/T-CREATE-1`).expect(200)).body).toEqual(position);
      expect((await http.get(`${base()}/by-notice/${single.noticeNumber}`).expect(200)).body).toEqual(
        position,
      );
      expect((await http.get(`${base()}/by-iuv/${position.options[2]!.iuv}`).expect(200)).body).toEqual(
        position,
      );
      expect((await http.get(`${base()}/NOPE`).expect(404)).body.code).toBe('POSITION_NOT_FOUND');
      expect((await http.get(`${base()}/by-notice/307000000000000000`).expect(404)).body.code).toBe(
        'POSITION_NOT_FOUND',
      );
      // Another entity's position is not found through that entity's path, even by its staff.
      expect(
        (
          await request(app.getHttpServer())
            .get(`/api/v1/entities/${montesilvano}/positions/T-CREATE-1`)
            .set('Cookie', (await adminOf(montesilvano)).cookie)
            .expect(404)
        ).body.code,
      ).toBe('POSITION_NOT_FOUND');

      const history = (await http.get(`${base()}/T-CREATE-1/history`).expect(200)).body;
      expect(history).toEqual([
        expect.objectContaining({ actor: OPERATOR, fromStatus: null, toStatus: 'VALID' }),
      ]);
      expect(
        await count(
          `SELECT count(*) AS n FROM audit_event WHERE action = 'position.created' AND object_id = 'T-CREATE-1' AND entity_id = $1 AND actor_fiscal_code = $2`,
          [pineto, OPERATOR],
        ),
      ).toBe(1);
    });

    it('generates the IUPD when absent and refuses one already used', async () => {
      const body = tari('ignored');
      delete (body as { iupd?: string }).iupd;
      const generated = await create(body);
      expect(generated.iupd).toBe(`IUPD-${generated.options[0]?.iuv}`);
      await create(tari('T-DUP'));
      const conflict = (await http.post(base()).send(tari('T-DUP')).expect(409)).body;
      expect(conflict.fieldErrors).toEqual([expect.objectContaining({ field: 'iupd', rule: 'unique' })]);
    });

    it('names every bad field and writes nothing when the third option is invalid', async () => {
      const tables = async () => ({
        positions: await count('SELECT count(*) AS n FROM debt_position'),
        options: await count('SELECT count(*) AS n FROM payment_option'),
        history: await count('SELECT count(*) AS n FROM position_history'),
        counter: await count(`SELECT next_base AS n FROM notice_number_counter WHERE entity_id = $1`, [
          pineto,
        ]),
      });
      const before = await tables();
      const body = tari('T-BAD');
      body.debtor = { type: 'F', idValue: 'RSSMRA80A01H501X', name: '' };
      (body.options[2] as { transfers?: object[] }).transfers = [
        { iban: 'IT00X0000000000000000000000', amountCents: 10400 },
      ];
      (body.options[3] as { dueDate: string }).dueDate = '2026-02-30';
      const response = (await http.post(base()).send(body).expect(400)).body;
      expect(response.code).toBe('VALIDATION_FAILED');
      expect(response.fieldErrors.map((error: { field: string }) => error.field).sort()).toEqual([
        'debtor.idValue',
        'debtor.name',
        'options[2].transfers[0].iban',
        'options[3].dueDate',
      ]);

      const typo = tari('T-TYPO') as Record<string, unknown>;
      (typo['options'] as Record<string, unknown>[])[1]!['dueDtae'] = '2026-01-01';
      typo['colour'] = 'red';
      expect((await http.post(base()).send(typo).expect(400)).body.fieldErrors).toEqual([
        expect.objectContaining({ field: 'options[1].dueDtae', rule: 'whitelist' }),
        expect.objectContaining({ field: 'colour', rule: 'whitelist' }),
      ]);
      expect(
        (
          await http
            .post(base())
            .send({ ...tari('T-DT'), dueTypeCode: 'NOPE' })
            .expect(400)
        ).body.fieldErrors,
      ).toEqual([expect.objectContaining({ field: 'dueTypeCode' })]);
      expect(await tables()).toEqual(before);
    });
  });

  describe('idempotency', () => {
    it('replays the same request, refuses the key with another body, and makes one position under a race', async () => {
      const body = tari('T-IDEM-1');
      const first = await http.post(base()).set('Idempotency-Key', 'key-1').send(body).expect(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const again = await http.post(base()).set('Idempotency-Key', 'key-1').send(body).expect(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.id).toBe(first.body.id);
      const reused = await http
        .post(base())
        .set('Idempotency-Key', 'key-1')
        .send({ ...body, description: 'Altro' })
        .expect(409);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

      const raced = tari('T-IDEM-RACE');
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => http.post(base()).set('Idempotency-Key', 'race-key').send(raced)),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([
        200, 200, 200, 200, 200, 200, 200, 201,
      ]);
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM debt_position WHERE iupd = 'T-IDEM-RACE'`)).toBe(1);

      const badKey = await http
        .post(base())
        .set('Idempotency-Key', 'with space')
        .send(tari('T-IDEM-2'))
        .expect(400);
      expect(badKey.body.fieldErrors[0].field).toBe('Idempotency-Key');
    });
  });

  describe('updates and lifecycle', () => {
    it('keeps matched notice numbers, numbers added options afresh, never reuses removed ones', async () => {
      const created = await create({
        ...tari('T-EDIT-1'),
        options: [
          { amountCents: 20000, dueDate: daysFromToday(30) },
          { installment: 1, amountCents: 10000, dueDate: daysFromToday(30) },
          { installment: 2, amountCents: 10000, dueDate: daysFromToday(90) },
        ],
      });
      const [single, first, second] = created.options;
      const edited = (
        await http
          .put(`${base()}/T-EDIT-1`)
          .send({
            version: 1,
            debtor: created.debtor,
            description: 'TARI 2026 - ricalcolata',
            options: [
              { amountCents: 21000, dueDate: daysFromToday(30) },
              { installment: 1, amountCents: 7000, dueDate: daysFromToday(30) },
              { installment: 2, amountCents: 7000, dueDate: daysFromToday(90) },
              { installment: 3, amountCents: 7000, dueDate: daysFromToday(150) },
            ],
          })
          .expect(200)
      ).body as DebtPosition;
      expect(edited.version).toBe(2);
      expect(edited.amountCents).toBe(21000);
      expect(edited.options.map((option) => option.noticeNumber).slice(0, 3)).toEqual(
        [single, first, second].map((option) => option?.noticeNumber),
      );
      const added = edited.options[3]!;
      expect(added.installment).toBe(3);
      expect(BigInt(added.noticeNumber.slice(3, 16))).toBeGreaterThan(
        BigInt(second!.noticeNumber.slice(3, 16)),
      );

      const trimmed = (
        await http
          .put(`${base()}/T-EDIT-1`)
          .send({
            debtor: created.debtor,
            description: 'TARI 2026 - ricalcolata',
            options: [{ amountCents: 21000, dueDate: daysFromToday(30) }],
          })
          .expect(200)
      ).body as DebtPosition;
      expect(trimmed.options.map((option) => option.noticeNumber)).toEqual([single?.noticeNumber]);
      const next = await create(tari('T-EDIT-AFTER'));
      const burned = [first, second, added].map((option) => BigInt(option!.noticeNumber.slice(3, 16)));
      for (const option of next.options) {
        const base13 = BigInt(option.noticeNumber.slice(3, 16));
        for (const old of burned) expect(base13).toBeGreaterThan(old);
      }
      expect((await http.get(`${base()}/by-notice/${first!.noticeNumber}`).expect(404)).body.code).toBe(
        'POSITION_NOT_FOUND',
      );

      const stale = await http
        .put(`${base()}/T-EDIT-1`)
        .send({
          version: 1,
          debtor: created.debtor,
          description: 'x',
          options: [{ amountCents: 1000, dueDate: daysFromToday(3) }],
        })
        .expect(409);
      expect(stale.body).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 3, sentVersion: 1 } });

      const history = (await http.get(`${base()}/T-EDIT-1/history`).expect(200)).body as { note: string }[];
      expect(history).toHaveLength(3);
      expect(history[1]?.note).toContain('aggiunte rata 3');
      expect(history[2]?.note).toContain('rimosse rata 1');
    });

    it('refuses edits and cancellation once something is paid, with the reason in Italian', async () => {
      const created = await create(tari('T-PAID-1'));
      await db.query(`UPDATE payment_option SET status = 'PAID', paid_at = now() WHERE notice_number = $1`, [
        created.options[1]?.noticeNumber,
      ]);
      await db.query(`UPDATE debt_position SET status = 'PARTIALLY_PAID', paid_cents = 10400 WHERE id = $1`, [
        created.id,
      ]);
      const edit = await http
        .put(`${base()}/T-PAID-1`)
        .send({
          debtor: created.debtor,
          description: 'x',
          options: [{ amountCents: 1000, dueDate: daysFromToday(3) }],
        })
        .expect(409);
      expect(edit.body).toMatchObject({
        code: 'POSITION_NOT_EDITABLE',
        message: 'La posizione ha già delle rate pagate: non si può più modificare.',
      });
      const cancel = await http
        .post(`${base()}/T-PAID-1/cancel`)
        .send({ reason: 'Errore di emissione' })
        .expect(409);
      expect(cancel.body.code).toBe('POSITION_NOT_EDITABLE');
    });

    it('publishes a draft and cancels with a reason, both final steps recorded', async () => {
      const draft = await create({ ...tari('T-DRAFT-1'), publish: false });
      expect(draft).toMatchObject({ status: 'DRAFT', publishedAt: null });
      const published = (await http.post(`${base()}/T-DRAFT-1/publish`).expect(200)).body as DebtPosition;
      expect(published).toMatchObject({ status: 'VALID', version: 2 });
      expect((await http.post(`${base()}/T-DRAFT-1/publish`).expect(409)).body).toMatchObject({
        code: 'POSITION_NOT_EDITABLE',
        details: { status: 'VALID' },
      });
      expect((await http.post(`${base()}/T-DRAFT-1/cancel`).send({}).expect(400)).body.fieldErrors).toEqual([
        expect.objectContaining({ field: 'reason' }),
      ]);
      const cancelled = (
        await http.post(`${base()}/T-DRAFT-1/cancel`).send({ reason: 'Utenza cessata nel 2025' }).expect(200)
      ).body as DebtPosition;
      expect(cancelled.status).toBe('CANCELLED');
      expect(cancelled.cancelledAt).not.toBeNull();
      expect(
        (await http.post(`${base()}/T-DRAFT-1/cancel`).send({ reason: 'ancora' }).expect(409)).body.message,
      ).toBe('La posizione è già annullata.');
      await http
        .put(`${base()}/T-DRAFT-1`)
        .send({
          debtor: draft.debtor,
          description: 'x',
          options: [{ amountCents: 1000, dueDate: daysFromToday(3) }],
        })
        .expect(409);
      const history = (await http.get(`${base()}/T-DRAFT-1/history`).expect(200)).body;
      expect(
        history.map((entry: { fromStatus: string | null; toStatus: string }) => [
          entry.fromStatus,
          entry.toStatus,
        ]),
      ).toEqual([
        [null, 'DRAFT'],
        ['DRAFT', 'VALID'],
        ['VALID', 'CANCELLED'],
      ]);
      expect(history[2]).toMatchObject({ actor: OPERATOR, note: 'Annullata: Utenza cessata nel 2025' });
    });

    it('expires positions past validity with history (daily job), and an edit with new dates revives them', async () => {
      const service = app.get(PositionsService);
      const past = {
        ...tari('T-EXP-1'),
        options: [{ amountCents: 5000, dueDate: daysFromToday(-10) }],
      };
      await service.create(pineto, past, 'test', { today: daysFromToday(-20) });
      await service.create(
        pineto,
        {
          ...tari('T-EXP-KEEP'),
          options: [{ amountCents: 5000, dueDate: daysFromToday(-10), validityDate: daysFromToday(10) }],
        },
        'test',
        { today: daysFromToday(-20) },
      );
      const handler = app.get(PositionExpiryHandler);
      const result = await handler.run();
      expect(result['expired']).toBeGreaterThanOrEqual(1);
      expect((await http.get(`${base()}/T-EXP-1`).expect(200)).body.status).toBe('EXPIRED');
      expect((await http.get(`${base()}/T-EXP-KEEP`).expect(200)).body.status).toBe('VALID');
      expect(
        await count(`SELECT count(*) AS n FROM job WHERE type = $1 AND dedupe_key = $2`, [
          POSITIONS_EXPIRE,
          `${POSITIONS_EXPIRE}:${daysFromToday(1)}`,
        ]),
      ).toBe(1);
      expect((await handler.run())['expired']).toBe(0);

      const history = (await http.get(`${base()}/T-EXP-1/history`).expect(200)).body;
      expect(history[1]).toMatchObject({ actor: 'sistema', fromStatus: 'VALID', toStatus: 'EXPIRED' });
      const revived = (
        await http
          .put(`${base()}/T-EXP-1`)
          .send({
            debtor: { type: 'F', idValue: 'RSSMRA80A01H501U', name: 'Mario Rossi' },
            description: 'TARI 2026 - utenza domestica',
            options: [{ amountCents: 5000, dueDate: daysFromToday(20) }],
          })
          .expect(200)
      ).body as DebtPosition;
      expect(revived.status).toBe('VALID');
    });
  });

  describe('list and export', () => {
    let listed: DebtPosition[] = [];

    beforeAll(async () => {
      const bodies = [
        { iupd: 'T-LIST-1', amount: 1500, due: 10, name: 'Zeta Lista srl' },
        { iupd: 'T-LIST-2', amount: 2500, due: 20, name: 'Zeta Lista srl' },
        { iupd: 'T-LIST-3', amount: 3500, due: 30, name: 'Zeta Lista srl' },
        { iupd: 'T-LIST-4', amount: 4500, due: 40, name: 'Zeta Lista srl' },
        { iupd: 'T-LIST-5', amount: 5500, due: 50, name: '=HYPERLINK("http://x";"clic")' },
      ];
      listed = [];
      for (const body of bodies) {
        listed.push(
          await create({
            iupd: body.iupd,
            dueTypeCode: 'SANZIONI_CDS',
            debtor: { type: 'G', idValue: '12345678903', name: body.name },
            description: body.iupd === 'T-LIST-5' ? '+39 sanzione; "urgente"' : 'Sanzione amministrativa',
            options: [{ amountCents: body.amount, dueDate: daysFromToday(body.due) }],
          }),
        );
      }
      await http
        .post(`${base()}/T-LIST-2/cancel`)
        .send({ reason: 'Verbale annullato in autotutela' })
        .expect(200);
    });

    const list = async (query: string) =>
      (await http.get(`${base()}?${query}`).expect(200)).body as Page<DebtPositionSummary>;

    it('pages newest first with a cursor, without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<DebtPositionSummary> = await list(
          `debtor=12345678903&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.iupd));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['T-LIST-5', 'T-LIST-4', 'T-LIST-3', 'T-LIST-2', 'T-LIST-1']);
      const first = (await list('debtor=12345678903&limit=1')).items[0];
      expect(first).toMatchObject({
        iupd: 'T-LIST-5',
        dueTypeCode: 'SANZIONI_CDS',
        debtorIdValue: '12345678903',
        amountCents: 5500,
        installments: 0,
        noticeNumber: listed[4]?.options[0]?.noticeNumber,
        dueDate: daysFromToday(50),
      });
      expect((await http.get(`${base()}?cursor=bm9wZQ`).expect(400)).body.fieldErrors[0].field).toBe(
        'cursor',
      );
    });

    it('filters by status, due type, debtor name prefix, q, due dates, creation dates and amounts', async () => {
      const iupds = async (query: string) =>
        (await list(`limit=100&${query}`)).items.map((item) => item.iupd);
      expect(await iupds('debtor=12345678903&status=CANCELLED')).toEqual(['T-LIST-2']);
      expect(await iupds('debtor=zeta%20lis')).toEqual(['T-LIST-4', 'T-LIST-3', 'T-LIST-2', 'T-LIST-1']);
      expect(await iupds('debtor=12345678903&dueTypeCode=TARI')).toEqual([]);
      expect((await iupds('debtor=12345678903&dueTypeCode=SANZIONI_CDS')).length).toBe(5);
      const notice = listed[2]!.options[0]!.noticeNumber;
      expect(await iupds(`q=${notice.replace(/(\d{4})/g, '$1 ').trim()}`)).toEqual(['T-LIST-3']);
      expect(await iupds(`q=${listed[0]!.options[0]!.iuv}`)).toEqual(['T-LIST-1']);
      expect(await iupds('q=T-LIST-4')).toEqual(['T-LIST-4']);
      expect(await iupds('q=nothing-like-this')).toEqual([]);
      expect(
        await iupds(`debtor=12345678903&dueFrom=${daysFromToday(15)}&dueTo=${daysFromToday(35)}`),
      ).toEqual(['T-LIST-3', 'T-LIST-2']);
      expect(await iupds('debtor=12345678903&minAmountCents=2000&maxAmountCents=4500')).toEqual([
        'T-LIST-4',
        'T-LIST-3',
        'T-LIST-2',
      ]);
      expect(
        (await iupds(`debtor=12345678903&createdFrom=${todayInRome()}&createdTo=${todayInRome()}`)).length,
      ).toBe(5);
      expect(await iupds(`debtor=12345678903&createdTo=${daysFromToday(-1)}`)).toEqual([]);
      expect(
        (await http.get(`${base()}?status=NOPE&minAmountCents=-1`).expect(400)).body.fieldErrors.length,
      ).toBe(2);
    });

    it('exports CSV for Italian Excel, formulas neutralised', async () => {
      const response = await http.get(`${base()}/export?format=csv&debtor=12345678903`).expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="posizioni-debitorie_comune-di-pineto_${todayInRome()}.csv"`,
      );
      const text = response.text;
      expect(text.startsWith('\uFEFFIUPD;Stato;Tipo dovuto;')).toBe(true);
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines).toHaveLength(6);
      const notice = listed[4]!.options[0]!.noticeNumber;
      const [day, month, year] = [
        daysFromToday(50).slice(8),
        daysFromToday(50).slice(5, 7),
        daysFromToday(50).slice(0, 4),
      ];
      expect(lines[1]).toBe(
        `T-LIST-5;Da pagare;SANZIONI_CDS;12345678903;"'=HYPERLINK(""http://x"";""clic"")";"'+39 sanzione; ""urgente""";55,00;0,00;="${notice}";${day}/${month}/${year};0;${lines[1]!.split(';').pop()}`,
      );
      expect(lines[4]).toContain('T-LIST-2;Annullata;');
      expect(
        await count(
          `SELECT count(*) AS n FROM audit_event WHERE action = 'positions.exported' AND entity_id = $1`,
          [pineto],
        ),
      ).toBeGreaterThanOrEqual(1);
    });

    it('exports XLSX with numbers, dates and neutralised text', async () => {
      const response = await http
        .get(`${base()}/export?format=xlsx&debtor=12345678903`)
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(response.headers['content-disposition']).toContain('.xlsx"');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Posizioni')!;
      expect(sheet.rowCount).toBe(6);
      expect(sheet.getRow(1).getCell(1).value).toBe('IUPD');
      const row = sheet.getRow(2);
      expect(row.getCell(1).value).toBe('T-LIST-5');
      expect(row.getCell(5).value).toBe(`'=HYPERLINK("http://x";"clic")`);
      expect(row.getCell(6).value).toBe(`'+39 sanzione; "urgente"`);
      expect(row.getCell(7).value).toBe(55);
      expect(row.getCell(9).value).toBe(listed[4]!.options[0]!.noticeNumber);
      expect(row.getCell(10).value).toEqual(new Date(`${daysFromToday(50)}T00:00:00Z`));
    });
  });

  describe('notice number allocation', () => {
    it('hands 20 concurrent transactions × 50 numbers 1000 distinct numbers; a rollback gives its block back', async () => {
      const allocator = app.get(NoticeNumberAllocator);
      const blocks = await Promise.all(
        Array.from({ length: 20 }, () =>
          db.transaction(async (manager) =>
            (await allocator.allocate(manager, montesilvano, 50)).noticeNumbers(),
          ),
        ),
      );
      const numbers = blocks.flat();
      expect(numbers).toHaveLength(1000);
      expect(new Set(numbers).size).toBe(1000);
      for (const number of numbers.slice(0, 50))
        expect(parseNoticeNumber(number)?.checkDigitValid).toBe(true);

      let reserved: string[] = [];
      await expect(
        db.transaction(async (manager) => {
          reserved = (await allocator.allocate(manager, montesilvano, 3)).noticeNumbers();
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      const after = await db.transaction(async (manager) =>
        (await allocator.allocate(manager, montesilvano, 3)).noticeNumbers(),
      );
      // Never committed, so never published: handing them out again is safe.
      expect(after).toEqual(reserved);
      expect(numbers).not.toContain(after[0]);
    });

    it('refuses an entity without a segregation code', async () => {
      const [entity] = (await db.query('SELECT id FROM creditor_entity WHERE fiscal_code = $1', [
        CASTEL_DI_SANGRO,
      ])) as {
        id: string;
      }[];
      await expect(
        db.transaction((manager) => app.get(NoticeNumberAllocator).allocate(manager, entity!.id, 1)),
      ).rejects.toMatchObject({ status: 409, details: { missing: 'segregationCode' } });
    });
  });

  describe('entity software', () => {
    it('creates and reads with an API key of the entity; the key is the actor; other entities are off limits', async () => {
      const keys = app.get(ApiKeysService);
      const own = await keys.create(
        { entityId: pineto },
        { name: 'Gestionale TARI', scopes: ['debts:read', 'debts:write'] },
        OPERATOR,
      );
      const readOnly = await keys.create(
        { entityId: pineto },
        { name: 'Sola lettura', scopes: ['debts:read'] },
        OPERATOR,
      );
      const other = await keys.create(
        { entityId: montesilvano },
        { name: 'Altro ente', scopes: ['debts:read', 'debts:write'] },
        OPERATOR,
      );
      const server = request(app.getHttpServer());
      const created = await server
        .post(base())
        .set('Authorization', `Bearer ${own.key}`)
        .set('Idempotency-Key', 'gestionale-0001')
        .send(tari('T-API-1'))
        .expect(201);
      expect(created.body.status).toBe('VALID');
      const history = await server
        .get(`${base()}/T-API-1/history`)
        .set('X-Api-Key', readOnly.key)
        .expect(200);
      expect(history.body[0].actor).toBe(`chiave API ${own.id}`);
      await server.post(base()).set('X-Api-Key', readOnly.key).send(tari('T-API-2')).expect(403);
      await server.get(`${base()}/T-API-1`).set('X-Api-Key', other.key).expect(403);
    });
  });

  async function adminOf(entityId: string) {
    const { createSession } = await import('../../../test/auth');
    return createSession(app, { fiscalCode: 'ADMMTS80A01H501X', entityRoles: [{ entityId, role: 'admin' }] });
  }
});
