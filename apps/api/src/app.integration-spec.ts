import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type ApiErrorBody, type EntitySummary, type HealthResponse, type Page } from '@pagamenti/contracts';
import { engine, resetDatabase, startTestApp } from '../test/test-app';
import { buildOpenApiDocument } from './openapi';
import { DemoSeedService } from './seed/demo-seed.service';

describe(`API skeleton on ${engine}`, () => {
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await startTestApp({ BODY_LIMIT: '10kb' });
    await resetDatabase(app);
    await app.get(DemoSeedService).seed();
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('health', () => {
    it('reports the database up, no pending migrations and the version', async () => {
      const response = await http.get('/api/health').expect(200);
      const body = response.body as HealthResponse;
      expect(body.status).toBe('ok');
      expect(body.database).toMatchObject({ status: 'up', engine, pendingMigrations: [] });
      expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
      expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(body.jobs).toEqual(expect.objectContaining({ failed: 0 }));
      expect(response.headers['cache-control']).toBe('no-store');
    });
  });

  describe('correlation id', () => {
    it('echoes a sane id given by the caller', async () => {
      const response = await http.get('/api/v1/platform').set('x-correlation-id', 'desk-42.abc').expect(200);
      expect(response.headers['x-correlation-id']).toBe('desk-42.abc');
    });

    it('replaces an unacceptable id with a fresh UUID', async () => {
      const response = await http.get('/api/v1/platform').set('x-correlation-id', '<script>').expect(200);
      expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('errors', () => {
    const expectErrorShape = (body: ApiErrorBody, correlationId: string) => {
      expect(Object.keys(body).sort()).toEqual(
        ['code', 'correlationId', 'message', ...(body.fieldErrors ? ['fieldErrors'] : [])].sort(),
      );
      expect(body.correlationId).toBe(correlationId);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
    };

    it('answers an unknown route with NOT_FOUND', async () => {
      const response = await http.get('/api/v1/nothing-here').expect(404);
      expect(response.body.code).toBe('NOT_FOUND');
      expectErrorShape(response.body, response.headers['x-correlation-id']);
    });

    it('answers malformed JSON with BAD_REQUEST and the correlation id', async () => {
      const response = await http
        .post('/api/v1/platform')
        .set('content-type', 'application/json')
        .send('{"broken":')
        .expect(400);
      expect(response.body.code).toBe('BAD_REQUEST');
      expectErrorShape(response.body, response.headers['x-correlation-id']);
    });

    it('refuses a body over the limit with PAYLOAD_TOO_LARGE', async () => {
      const response = await http
        .post('/api/v1/platform')
        .set('content-type', 'application/json')
        .send(JSON.stringify({ padding: 'x'.repeat(20_000) }))
        .expect(413);
      expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('names the field and the rule on validation errors', async () => {
      const response = await http.get('/api/v1/public/entities?limit=abc&stage=NOPE').expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.fieldErrors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'limit', rule: 'isInt' }),
          expect.objectContaining({ field: 'stage', rule: 'isIn' }),
        ]),
      );
    });

    it('refuses unknown query parameters', async () => {
      const response = await http.get('/api/v1/public/entities?foo=1').expect(400);
      expect(response.body.fieldErrors[0]).toMatchObject({ field: 'foo', rule: 'whitelistValidation' });
    });
  });

  describe('platform', () => {
    it('tells who runs the installation', async () => {
      const response = await http.get('/api/v1/platform').expect(200);
      expect(response.body).toMatchObject({
        platformName: 'Piattaforma pagamenti pagoPA',
        intermediary: { name: 'Regione Abruzzo', fiscalCode: '99000000010' },
        environment: 'test',
      });
    });

    it('counts the entities per onboarding stage, every stage present', async () => {
      const response = await http.get('/api/v1/platform/stats').expect(200);
      const { total, byStage } = response.body.entities as { total: number; byStage: Record<string, number> };
      expect(total).toBe(47);
      expect(Object.keys(byStage)).toHaveLength(7);
      expect(Object.values(byStage).reduce((a, b) => a + b, 0)).toBe(47);
      expect(byStage['PRODUCTION']).toBeGreaterThan(30);
    });
  });

  describe('public entities', () => {
    it('pages through every entity in production with the cursor, in name order, without repeats', async () => {
      const seen: EntitySummary[] = [];
      let cursor: string | null = null;
      do {
        const query = `/api/v1/public/entities?stage=PRODUCTION&limit=7${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await http.get(query).expect(200)).body as Page<EntitySummary>;
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      const stats = (await http.get('/api/v1/platform/stats')).body.entities.byStage.PRODUCTION as number;
      expect(seen).toHaveLength(stats);
      expect(new Set(seen.map((entity) => entity.id)).size).toBe(seen.length);
      expect(seen.every((entity) => entity.onboardingStage === 'PRODUCTION')).toBe(true);
      const names = seen.map((entity) => entity.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    });

    it('refuses a forged cursor', async () => {
      const forged = Buffer.from('["x","not-a-uuid"]').toString('base64url');
      const response = await http.get(`/api/v1/public/entities?cursor=${forged}`).expect(400);
      expect(response.body.fieldErrors[0].field).toBe('cursor');
    });
  });

  describe('OpenAPI', () => {
    it('serves the document and the docs UI', async () => {
      const document = (await http.get('/api/openapi.json').expect(200)).body;
      expect(document.openapi).toMatch(/^3\./);
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/api/health',
          '/api/v1/platform',
          '/api/v1/platform/stats',
          '/api/v1/public/entities',
        ]),
      );
      await http.get('/api/docs').expect(200);
    });

    it('matches the committed apps/api/openapi.json (run `npm run openapi:export` after changing the API)', () => {
      const committed = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'));
      expect(JSON.parse(JSON.stringify(buildOpenApiDocument(app)))).toEqual(committed);
    });
  });

  describe('security headers', () => {
    it('sets a content security policy and hides the framework', async () => {
      const response = await http.get('/api/health');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-powered-by']).toBeUndefined();
    });
  });

  describe('when the database goes away', () => {
    it('reports 503 with the database down, and errors carry no internals', async () => {
      await app.get(DataSource).destroy();
      const health = await http.get('/api/health').expect(503);
      expect(health.body.database).toMatchObject({ status: 'down', latencyMs: null });
      const response = await http.get('/api/v1/platform/stats').expect(500);
      expect(response.body).toEqual({
        code: 'INTERNAL_ERROR',
        message: expect.any(String),
        correlationId: response.headers['x-correlation-id'],
      });
    });
  });
});
