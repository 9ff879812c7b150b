import { type NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { type EntityDetail } from '@pagamenti/contracts';
import { ibanCheckDigits } from '@pagamenti/pagopa';
import { asPerson } from '../../../test/auth';
import { engine, resetDatabase, startTestApp } from '../../../test/test-app';
import { DemoSeedService } from '../../seed/demo-seed.service';
import { DUE_TYPE_PRESETS } from './due-type-presets';
import { StationsService } from './stations.service';

const bankIban = (account: string) => {
  const bban = `X05428${'11101'}${account.padStart(12, '0')}`.slice(0, 23);
  return `IT${ibanCheckDigits('IT', bban)}${bban}`;
};
const postalIban = () => {
  const bban = 'X0760103200001012345678';
  return `IT${ibanCheckDigits('IT', bban)}${bban}`;
};

describe(`entities, onboarding and catalogue on ${engine}`, () => {
  let app: NestExpressApplication;
  let http: Awaited<ReturnType<typeof asPerson>>;
  let db: DataSource;

  const count = async (table: string): Promise<number> =>
    Number(((await db.query(`SELECT count(*) AS n FROM "${table}"`)) as { n: string }[])[0]!.n);

  const createEntity = async (fiscalCode = '99023040399', extra: object = {}) =>
    (
      await http
        .post('/api/v1/admin/entities')
        .set('x-actor', 'Laura Bianchi')
        .send({ fiscalCode, name: 'Comune di Prova', category: 'COMUNE', province: 'te', ...extra })
        .expect(201)
    ).body as EntityDetail;

  beforeAll(async () => {
    app = await startTestApp();
    db = app.get(DataSource);
  });

  beforeEach(async () => {
    await resetDatabase(app);
    // The entities module's routes are for intermediary staff (and entity users on their own catalogue).
    http = await asPerson(app, { intermediaryRole: 'admin' });
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('registry', () => {
    it('creates an entity in ADHESION_REQUESTED with its first history entry', async () => {
      const entity = await createEntity('99023040399', { note: 'Delibera n. 12' });
      expect(entity).toMatchObject({
        fiscalCode: '99023040399',
        province: 'TE',
        onboardingStage: 'ADHESION_REQUESTED',
        auxDigit: 3,
        nextStage: 'AGREEMENT_SIGNED',
        allowedTransitions: ['AGREEMENT_SIGNED', 'WITHDRAWN'],
      });
      expect(entity.checklist.find((item) => item.key === 'contacts')).toMatchObject({
        automatic: true,
        done: false,
      });
      expect(entity.services.every((service) => service.status === 'INACTIVE')).toBe(true);
      const history = await http.get(`/api/v1/admin/entities/${entity.id}/transitions`).expect(200);
      expect(history.body).toEqual([
        expect.objectContaining({
          fromStage: null,
          toStage: 'ADHESION_REQUESTED',
          // The authenticated person, not the name the client claims in x-actor.
          actor: 'MRNGPP81B20A345W',
          note: 'Delibera n. 12',
        }),
      ]);
    });

    it('refuses a wrong check digit with a field error and saves nothing', async () => {
      const response = await http
        .post('/api/v1/admin/entities')
        .send({ fiscalCode: '99023040398', name: 'Comune di Prova', category: 'COMUNE', province: 'TE' })
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.fieldErrors).toEqual([
        expect.objectContaining({ field: 'fiscalCode', rule: 'isEntityFiscalCode' }),
      ]);
      expect(await count('creditor_entity')).toBe(0);
      expect(await count('onboarding_transition')).toBe(0);
    });

    it('refuses a duplicate fiscal code with 409 and an unknown station with 400', async () => {
      await createEntity();
      const duplicate = await http
        .post('/api/v1/admin/entities')
        .send({ fiscalCode: '99023040399', name: 'Altro', category: 'COMUNE', province: 'TE' })
        .expect(409);
      expect(duplicate.body.fieldErrors[0]).toMatchObject({ field: 'fiscalCode', rule: 'unique' });
      const station = await http
        .post('/api/v1/admin/entities')
        .send({
          fiscalCode: '99024087688',
          name: 'Altro',
          category: 'COMUNE',
          province: 'TE',
          stationId: '00000000-0000-4000-8000-000000000000',
        })
        .expect(400);
      expect(station.body.fieldErrors[0]).toMatchObject({ field: 'stationId', rule: 'stationExists' });
      expect(await count('creditor_entity')).toBe(1);
    });

    it('updates configuration fields, clears them with null and refuses bad ones', async () => {
      const entity = await createEntity();
      const updated = await http
        .patch(`/api/v1/admin/entities/${entity.id}`)
        .send({
          segregationCode: '07',
          cbillCode: 'ab12c',
          email: 'pagopa@prova.example',
          noticeLanguages: ['de'],
        })
        .expect(200);
      expect(updated.body).toMatchObject({
        segregationCode: '07',
        cbillCode: 'AB12C',
        noticeLanguages: ['de'],
      });
      await http.patch(`/api/v1/admin/entities/${entity.id}`).send({ cbillCode: null }).expect(200);
      const bad = await http
        .patch(`/api/v1/admin/entities/${entity.id}`)
        .send({ segregationCode: '7' })
        .expect(400);
      expect(bad.body.fieldErrors[0]).toMatchObject({ field: 'segregationCode' });
      const fiscal = await http
        .patch(`/api/v1/admin/entities/${entity.id}`)
        .send({ fiscalCode: '99024087688' })
        .expect(400);
      expect(fiscal.body.fieldErrors[0]).toMatchObject({ field: 'fiscalCode' });
      const after = await http.get(`/api/v1/admin/entities/${entity.id}`).expect(200);
      expect(after.body).toMatchObject({ fiscalCode: '99023040399', segregationCode: '07', cbillCode: null });
    });

    it('lists with filters and counts the pipeline', async () => {
      await createEntity('99023040399');
      await createEntity('99024087688', { name: 'ASL di Prova', category: 'ASL', province: 'CH' });
      const list = await http.get('/api/v1/admin/entities?province=CH').expect(200);
      expect(list.body.items.map((item: { name: string }) => item.name)).toEqual(['ASL di Prova']);
      const byName = await http.get('/api/v1/admin/entities?q=comune').expect(200);
      expect(byName.body.items).toHaveLength(1);
      const pipeline = await http.get('/api/v1/admin/entities/pipeline?category=COMUNE').expect(200);
      expect(pipeline.body).toMatchObject({ total: 1, byStage: { ADHESION_REQUESTED: 1, PRODUCTION: 0 } });
      await http.get('/api/v1/admin/entities?stage=NOPE').expect(400);
    });
  });

  describe('onboarding lifecycle', () => {
    it('answers an illegal transition with 409 listing the allowed ones, and changes nothing', async () => {
      const entity = await createEntity();
      const response = await http
        .post(`/api/v1/admin/entities/${entity.id}/transitions`)
        .send({ toStage: 'PRODUCTION' })
        .expect(409);
      expect(response.body.code).toBe('CONFLICT');
      expect(response.body.details).toEqual({
        fromStage: 'ADHESION_REQUESTED',
        toStage: 'PRODUCTION',
        allowedTransitions: ['AGREEMENT_SIGNED', 'WITHDRAWN'],
      });
      expect(response.body.message).toContain('AGREEMENT_SIGNED');
      expect(await count('onboarding_transition')).toBe(1);
    });

    it('takes an entity from adhesion to production through its checklists', async () => {
      const entity = await createEntity('99023040399', {
        referentName: 'Maria Rossi',
        email: 'pagopa@prova.example',
      });
      const advance = (toStage: string, expected = 200) =>
        http
          .post(`/api/v1/admin/entities/${entity.id}/transitions`)
          .set('x-actor', 'Paolo Verdi')
          .send({ toStage })
          .expect(expected);
      const tick = (key: string) =>
        http
          .put(`/api/v1/admin/entities/${entity.id}/checklist/${key}`)
          .set('x-actor', 'Paolo Verdi')
          .send({ done: true })
          .expect(200);

      const blocked = await advance('AGREEMENT_SIGNED', 409);
      expect(blocked.body.details.missingChecklistItems).toEqual(['adhesion-registered']);
      await tick('adhesion-registered');
      await advance('AGREEMENT_SIGNED');
      await tick('indemnity-signed');
      await tick('pagopa-registered');
      await advance('CONFIGURATION');

      // Configuration: the checklist follows the data.
      expect((await advance('TESTING', 409)).body.details.missingChecklistItems).toEqual([
        'ibans',
        'station',
        'segregation-code',
        'catalogue',
      ]);
      await http.put(`/api/v1/admin/entities/${entity.id}/checklist/ibans`).send({ done: true }).expect(409);
      const station = await http
        .post('/api/v1/admin/stations')
        .send({
          stationCode: '99000000010_01',
          brokerCode: '99000000010',
          description: 'Principale',
          primitiveVersion: 2,
          environment: 'PRODUCTION',
        })
        .expect(201);
      await http
        .patch(`/api/v1/admin/entities/${entity.id}`)
        .send({ stationId: station.body.id, segregationCode: '07' })
        .expect(200);
      const account = await http
        .post(`/api/v1/entities/${entity.id}/accounts`)
        .send({ iban: bankIban('1'), kind: 'BANK', description: 'Tesoreria' })
        .expect(201);
      const preset = DUE_TYPE_PRESETS.find((item) => item.key === 'PERMESSO_SOSTA')!;
      await http
        .post(`/api/v1/entities/${entity.id}/due-types`)
        .send({
          ...preset,
          key: undefined,
          description: preset.description,
          accountId: account.body.id,
          presetKey: preset.key,
        })
        .expect(201);
      await http
        .put(`/api/v1/admin/entities/${entity.id}/services/PAGAMENTO_AVVISI`)
        .send({ status: 'ACTIVE' })
        .expect(409);
      await advance('TESTING');
      for (const key of ['test-payment', 'test-cases', 'production-station']) await tick(key);
      const production = await advance('PRODUCTION');
      expect(production.body).toMatchObject({
        onboardingStage: 'PRODUCTION',
        allowedTransitions: ['SUSPENDED', 'WITHDRAWN'],
      });
      const service = await http
        .put(`/api/v1/admin/entities/${entity.id}/services/PAGAMENTO_AVVISI`)
        .set('x-actor', 'Paolo Verdi')
        .send({ status: 'ACTIVE' })
        .expect(200);
      expect(service.body.services[0]).toMatchObject({
        service: 'PAGAMENTO_AVVISI',
        status: 'ACTIVE',
        updatedBy: 'MRNGPP81B20A345W',
      });

      // Suspension needs a note.
      const noNote = await advance('SUSPENDED', 400);
      expect(noNote.body.fieldErrors[0]).toMatchObject({ field: 'note', rule: 'noteRequired' });
      const spoofed = await http
        .post(`/api/v1/admin/entities/${entity.id}/transitions`)
        .send({ toStage: 'SUSPENDED', note: 'Cambio tesoriere', actor: 'Da corpo' })
        .expect(400);
      expect(spoofed.body.fieldErrors[0]).toMatchObject({ field: 'actor', rule: 'whitelistValidation' });
      await http
        .post(`/api/v1/admin/entities/${entity.id}/transitions`)
        .send({ toStage: 'SUSPENDED', note: 'Cambio tesoriere' })
        .expect(200);
      const history = (await http.get(`/api/v1/admin/entities/${entity.id}/transitions`).expect(200)).body;
      expect(history.map((row: { toStage: string }) => row.toStage)).toEqual([
        'SUSPENDED',
        'PRODUCTION',
        'TESTING',
        'CONFIGURATION',
        'AGREEMENT_SIGNED',
        'ADHESION_REQUESTED',
      ]);
      expect(history[0]).toMatchObject({
        actor: 'MRNGPP81B20A345W',
        note: 'Cambio tesoriere',
        fromStage: 'PRODUCTION',
      });
      expect(history[1]).toMatchObject({ actor: 'MRNGPP81B20A345W' });
    });

    it('makes WITHDRAWN final', async () => {
      const entity = await createEntity();
      await http
        .post(`/api/v1/admin/entities/${entity.id}/transitions`)
        .send({ toStage: 'WITHDRAWN', note: 'Recesso' })
        .expect(200);
      const response = await http
        .post(`/api/v1/admin/entities/${entity.id}/transitions`)
        .send({ toStage: 'ADHESION_REQUESTED', note: 'Ripensamento' })
        .expect(409);
      expect(response.body.details.allowedTransitions).toEqual([]);
    });
  });

  describe('accounts and catalogue', () => {
    let entityId: string;
    beforeEach(async () => {
      entityId = (await createEntity()).id;
    });

    it('validates IBANs and account kinds, and refuses duplicates', async () => {
      const wrong = bankIban('2').replace(
        /^IT(\d\d)/,
        (_, digits: string) => `IT${String((Number(digits) + 1) % 100).padStart(2, '0')}`,
      );
      const bad = await http
        .post(`/api/v1/entities/${entityId}/accounts`)
        .send({ iban: wrong, kind: 'BANK', description: 'x' })
        .expect(400);
      expect(bad.body.fieldErrors).toEqual([
        expect.objectContaining({ field: 'iban', rule: 'isItalianIban' }),
      ]);
      const kind = await http
        .post(`/api/v1/entities/${entityId}/accounts`)
        .send({ iban: bankIban('2'), kind: 'POSTAL', description: 'x' })
        .expect(400);
      expect(kind.body.fieldErrors[0]).toMatchObject({ field: 'kind', rule: 'postalIban' });
      const spaced = postalIban()
        .replace(/(.{4})/g, '$1 ')
        .toLowerCase();
      const postal = await http
        .post(`/api/v1/entities/${entityId}/accounts`)
        .send({ iban: spaced, kind: 'POSTAL', description: 'Bollettini' })
        .expect(201);
      expect(postal.body.iban).toBe(postalIban());
      await http
        .post(`/api/v1/entities/${entityId}/accounts`)
        .send({ iban: postalIban(), kind: 'POSTAL', description: 'x' })
        .expect(409);
      expect(await count('entity_account')).toBe(1);
    });

    it('validates taxonomy codes, amounts and the form schema, saving nothing on error', async () => {
      const base = { code: 'MENSA', name: 'Mensa', taxonomyCode: '9/0107101TS/', amountMode: 'FREE' };
      const taxonomy = await http
        .post(`/api/v1/entities/${entityId}/due-types`)
        .send({ ...base, taxonomyCode: '0107101TS' })
        .expect(400);
      expect(taxonomy.body.fieldErrors).toEqual([
        expect.objectContaining({ field: 'taxonomyCode', rule: 'isTaxonomyCode' }),
      ]);
      const fixed = await http
        .post(`/api/v1/entities/${entityId}/due-types`)
        .send({ ...base, amountMode: 'FIXED' })
        .expect(400);
      expect(fixed.body.fieldErrors[0]).toMatchObject({
        field: 'fixedAmountCents',
        rule: 'fixedAmountRequired',
      });
      const range = await http
        .post(`/api/v1/entities/${entityId}/due-types`)
        .send({ ...base, minAmountCents: 500, maxAmountCents: 100 })
        .expect(400);
      expect(range.body.fieldErrors[0]).toMatchObject({ field: 'maxAmountCents' });
      const schemas: [unknown, string][] = [
        [
          { type: 'object', properties: { a: { $ref: 'http://evil.example/x' } } },
          'formSchema.properties.a.$ref',
        ],
        [
          { type: 'object', properties: { a: { type: 'object', title: 'A' } } },
          'formSchema.properties.a.type',
        ],
        [
          { type: 'object', properties: { a: { type: 'string', title: 'A', pattern: '(a+)+$' } } },
          'formSchema.properties.a.pattern',
        ],
        [
          { type: 'object', properties: { a: { type: 'string', title: 'A', pattern: '[' } } },
          'formSchema.properties.a.pattern',
        ],
        [
          { type: 'object', properties: { a: { type: 'string', title: 'A' } }, required: ['b'] },
          'formSchema.required',
        ],
        [
          {
            type: 'object',
            properties: Object.fromEntries(
              Array.from({ length: 31 }, (_, i) => [`f${i}`, { type: 'string', title: 'F' }]),
            ),
          },
          'formSchema.properties',
        ],
        [{ type: 'object', properties: { a: { type: 'string', title: 'x'.repeat(20_000) } } }, 'formSchema'],
      ];
      for (const [formSchema, field] of schemas) {
        const response = await http
          .post(`/api/v1/entities/${entityId}/due-types`)
          .send({ ...base, spontaneous: true, formSchema })
          .expect(400);
        expect(response.body.fieldErrors[0].field).toBe(field);
      }
      expect(await count('due_type')).toBe(0);
    });

    it('creates from a preset, refuses duplicate codes and foreign accounts, toggles active', async () => {
      const other = await createEntity('99024087688');
      const foreign = await http
        .post(`/api/v1/entities/${other.id}/accounts`)
        .send({ iban: bankIban('3'), kind: 'BANK', description: 'Altro ente' })
        .expect(201);
      const { key, ...preset } = DUE_TYPE_PRESETS.find((item) => item.key === 'TARI')!;
      const refused = await http
        .post(`/api/v1/entities/${entityId}/due-types`)
        .send({ ...preset, presetKey: key, accountId: foreign.body.id })
        .expect(400);
      expect(refused.body.fieldErrors[0]).toMatchObject({ field: 'accountId', rule: 'accountOfEntity' });
      const created = await http
        .post(`/api/v1/entities/${entityId}/due-types`)
        .send({ ...preset, presetKey: key })
        .expect(201);
      expect(created.body).toMatchObject({
        code: 'TARI',
        taxonomyCode: '9/0101101IM/',
        spontaneous: true,
        presetKey: 'TARI',
        active: true,
      });
      expect(created.body.formSchema.properties.codiceUtenza.title).toBe('Codice utenza');
      await http
        .post(`/api/v1/entities/${entityId}/due-types`)
        .send({ ...preset, presetKey: key })
        .expect(409);
      const off = await http
        .patch(`/api/v1/entities/${entityId}/due-types/${created.body.id}`)
        .send({ active: false })
        .expect(200);
      expect(off.body.active).toBe(false);
      const fixed = await http
        .patch(`/api/v1/entities/${entityId}/due-types/${created.body.id}`)
        .send({ amountMode: 'FIXED', fixedAmountCents: 12050 })
        .expect(200);
      expect(fixed.body).toMatchObject({
        amountMode: 'FIXED',
        fixedAmountCents: 12050,
        minAmountCents: null,
        maxAmountCents: null,
      });
      const list = await http.get(`/api/v1/entities/${entityId}/due-types?active=false`).expect(200);
      expect(list.body).toHaveLength(1);
      expect((await http.get('/api/v1/due-type-presets').expect(200)).body).toHaveLength(6);
    });

    it('enforces the taxonomy format and amount rules in the database too', async () => {
      await expect(
        db.query(
          `INSERT INTO due_type (entity_id, code, name, taxonomy_code, amount_mode) VALUES ($1, 'X', 'X', '9/0101101XX/', 'FREE')`,
          [entityId],
        ),
      ).rejects.toThrow(/due_type_taxonomy_code_format/);
      await expect(
        db.query(
          `INSERT INTO due_type (entity_id, code, name, taxonomy_code, amount_mode) VALUES ($1, 'X', 'X', '9/0101101IM/', 'FIXED')`,
          [entityId],
        ),
      ).rejects.toThrow(/due_type_amounts_consistent/);
    });
  });

  describe('stations', () => {
    it('stores the password and subscription key encrypted, and never returns them', async () => {
      const created = await http
        .post('/api/v1/admin/stations')
        .send({
          stationCode: '99000000010_05',
          brokerCode: '99000000010',
          description: 'Collaudo',
          primitiveVersion: 2,
          environment: 'TEST',
          password: 'Segreta123!',
          subscriptionKey: 'abcdef0123456789wxyz',
        })
        .expect(201);
      expect(created.body).toMatchObject({
        passwordSet: true,
        subscriptionKeyHint: 'wxyz',
        entitiesCount: 0,
      });
      expect(JSON.stringify(created.body)).not.toMatch(/Segreta123|abcdef0123456789/);
      const [row] = (await db.query(
        `SELECT password_sealed, subscription_key_sealed FROM station`,
      )) as Record<string, string>[];
      expect(row!['password_sealed']).toMatch(/^v1\./);
      expect(JSON.stringify(row)).not.toMatch(/Segreta123|abcdef0123456789/);
      expect(await app.get(StationsService).revealPassword(created.body.id)).toBe('Segreta123!');
      await http
        .post('/api/v1/admin/stations')
        .send({ ...created.body, password: 'short' })
        .expect(400);
      const short = await http
        .post('/api/v1/admin/stations')
        .send({
          stationCode: 'X',
          brokerCode: '1',
          description: 'd',
          primitiveVersion: 3,
          environment: 'TEST',
        })
        .expect(400);
      expect(short.body.fieldErrors[0].field).toBe('primitiveVersion');
    });
  });

  describe('demo data', () => {
    it('loads stations, accounts, catalogues and histories idempotently', async () => {
      await app.get(DemoSeedService).seed();
      const snapshot = async () => ({
        stations: await db.query(
          'SELECT station_code, password_sealed, updated_at FROM station ORDER BY station_code',
        ),
        accounts: await count('entity_account'),
        dueTypes: await db.query('SELECT entity_id, code, updated_at FROM due_type ORDER BY entity_id, code'),
        transitions: await count('onboarding_transition'),
        checklist: await count('onboarding_checklist_item'),
      });
      const first = await snapshot();
      await app.get(DemoSeedService).seed();
      expect(await snapshot()).toEqual(first);
      expect(first.stations).toHaveLength(3);
      expect(first.accounts).toBeGreaterThan(40);
      const roccaspinalveti = (await http.get('/api/v1/admin/entities?q=Roccaspinalveti').expect(200)).body
        .items[0];
      const detail = (await http.get(`/api/v1/admin/entities/${roccaspinalveti.id}`).expect(200))
        .body as EntityDetail;
      expect(detail.onboardingStage).toBe('AGREEMENT_SIGNED');
      expect(
        detail.checklist.filter((item) => item.stage === 'AGREEMENT_SIGNED').every((item) => item.done),
      ).toBe(true);
      const pineto = (await http.get('/api/v1/admin/entities?q=Pineto').expect(200)).body.items[0];
      expect(pineto.stationCode).toMatch(/^99000000010_0[12]$/);
      const catalogue = (await http.get(`/api/v1/entities/${pineto.id}/due-types`).expect(200)).body;
      expect(catalogue.map((row: { code: string }) => row.code)).toContain('TARI');
    });
  });
});
