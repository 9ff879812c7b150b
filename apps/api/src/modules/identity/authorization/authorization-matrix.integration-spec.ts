import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  type ApiKeyScope,
  API_KEY_SCOPES,
  type EntityRole,
  type IntermediaryRole,
} from '@pagamenti/contracts';
import { createSession } from '../../../../test/auth';
import { engine, resetDatabase, startTestApp } from '../../../../test/test-app';
import { DemoSeedService } from '../../../seed/demo-seed.service';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { evaluate } from './evaluate';
import { type Grant, PERMISSION_METADATA } from './permissions';
import { type Principal } from './principal';

interface Route {
  method: string;
  path: string;
  grants: Grant[] | undefined;
}

/** Every REST route Nest registered, from the controllers' metadata, with the grants it declares. */
function routeTable(app: NestExpressApplication): Route[] {
  const routes: Route[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat()[0] ?? '';
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const grants =
          (Reflect.getMetadata(PERMISSION_METADATA, handler) as Grant[] | undefined) ??
          (Reflect.getMetadata(PERMISSION_METADATA, controller) as Grant[] | undefined);
        const full = `/api/${base}/${[path].flat()[0] ?? ''}`.replace(/\/+/g, '/').replace(/\/$/, '');
        routes.push({ method, path: full, grants });
      }
    }
  }
  return routes.sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
}

interface Actor {
  name: string;
  principal: Principal;
  headers: Record<string, string>;
  /** Whose objects the route parameters point at, relative to this actor. */
  tenancy: 'own' | 'other' | 'none';
}

describe(`authorization matrix on ${engine}`, () => {
  let app: NestExpressApplication;
  let routes: Route[];
  const actors: Actor[] = [];
  let entityA = '';
  let entityB = '';
  let keyOfA = '';
  const memberOfA = 'CLMPLA68T10A515P';

  beforeAll(async () => {
    app = await startTestApp();
    await resetDatabase(app);
    await app.get(DemoSeedService).seed();
    const ids: { id: string; fiscal_code: string }[] = await app
      .get(DataSource)
      .query(
        `SELECT id, fiscal_code FROM creditor_entity WHERE fiscal_code IN ('99023040399', '99027229550')`,
      );
    entityA = ids.find((row) => row.fiscal_code === '99023040399')?.id ?? '';
    entityB = ids.find((row) => row.fiscal_code === '99027229550')?.id ?? '';
    routes = routeTable(app);

    const keys = app.get(ApiKeysService);
    const base = {
      sessionTokenHash: '',
      csrfToken: '',
      level: '',
      idpEntityId: '',
      authenticatedAt: new Date(),
    };
    actors.push({ name: 'anonymous', principal: { kind: 'anonymous' }, headers: {}, tenancy: 'none' });
    let n = 0;
    const person = async (
      name: string,
      tenancy: Actor['tenancy'],
      entity: { id: string; role: EntityRole } | null,
      intermediaryRole: IntermediaryRole | null,
    ) => {
      n += 1;
      const fiscalCode = `MTXPRS${String(n).padStart(2, '0')}A01H501X`;
      const session = await createSession(app, {
        fiscalCode,
        ...(intermediaryRole ? { intermediaryRole } : {}),
        entityRoles: entity ? [{ entityId: entity.id, role: entity.role }] : [],
      });
      actors.push({
        name,
        tenancy,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
        principal: {
          kind: 'person',
          fiscalCode,
          ...base,
          activeEntityId: entity?.id ?? null,
          entityRoles: new Map(entity ? [[entity.id, entity.role]] : []),
          intermediaryRole,
        },
      });
    };
    await person('citizen', 'none', null, null);
    for (const role of ['admin', 'operator', 'viewer'] as const) {
      await person(`entity ${role} (own entity)`, 'own', { id: entityA, role }, null);
      await person(`entity ${role} (other entity)`, 'other', { id: entityB, role }, null);
    }
    for (const role of ['admin', 'support', 'readonly'] as const)
      await person(`intermediary ${role}`, 'none', null, role);
    const scopes = [...API_KEY_SCOPES] as ApiKeyScope[];
    const ownKey = await keys.create({ entityId: entityA }, { name: 'matrice A', scopes }, memberOfA);
    const otherKey = await keys.create({ entityId: entityB }, { name: 'matrice B', scopes }, memberOfA);
    keyOfA = (await keys.create({ entityId: entityA }, { name: 'da revocare', scopes }, memberOfA)).id;
    for (const [name, key, entityId, tenancy] of [
      ['API key (own entity)', ownKey, entityA, 'own'],
      ['API key (other entity)', otherKey, entityB, 'other'],
    ] as const) {
      actors.push({
        name,
        tenancy,
        headers: { authorization: `Bearer ${key.key}` },
        principal: { kind: 'api-key', keyId: key.id, entityId, scopes },
      });
    }
  }, 60_000);

  afterAll(() => app?.close());

  it('finds the routes, and every one declares who may call it', () => {
    expect(routes.length).toBeGreaterThan(10);
    const undeclared = routes.filter((route) => !route.grants || route.grants.length === 0);
    expect(undeclared.map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

  // Before the full matrix, whose logout route ends the sessions.
  it('keeps debt positions to their entity: other entity’s operators and keys, and citizens, get 403', async () => {
    const http = request(app.getHttpServer());
    const positionRoutes = routes.filter((route) =>
      /^\/api\/v1\/entities\/:entityId\/positions(\/|$)/.test(route.path),
    );
    expect(positionRoutes.length).toBeGreaterThanOrEqual(10);
    const outsiders = actors.filter(
      (actor) => actor.name === 'citizen' || actor.name.endsWith('(other entity)'),
    );
    const statuses = new Set<number>();
    for (const route of positionRoutes) {
      const url = route.path
        .replace(':entityId', entityA)
        .replace(':iupd', 'DEMO-PINETO-TARI-2026-RSSMRA')
        .replace(':noticeNumber', '307000000000000000')
        .replace(':iuv', '07000000000000000');
      for (const actor of outsiders) {
        const method = route.method.toLowerCase() as 'get' | 'post' | 'put';
        let call = http[method](url);
        for (const [name, value] of Object.entries(actor.headers)) call = call.set(name, value);
        const response = method === 'get' ? await call : await call.send({});
        statuses.add(response.status);
      }
    }
    expect([...statuses]).toEqual([403]);
  }, 60_000);

  it('keeps a citizen’s notices and receipts to that citizen: another citizen gets 404, the anonymous 401', async () => {
    const http = request(app.getHttpServer());
    const db = app.get(DataSource);
    const [mario, giulia] = await Promise.all(
      ['RSSMRA80A01H501U', 'BNCGLI85M45A345P'].map((fiscalCode) => createSession(app, { fiscalCode })),
    );
    const as = (session: { cookie: string; csrf: string } | undefined, method: 'get' | 'post', url: string) =>
      http[method](url)
        .set('cookie', session?.cookie ?? '')
        .set('x-csrf-token', session?.csrf ?? '');
    const position = (
      (await db.query(`SELECT id FROM debt_position WHERE iupd = 'DEMO-PINETO-TARI-2026-RSSMRA'`)) as {
        id: string;
      }[]
    )[0]?.id;
    const receipt = (
      (await db.query(`SELECT id FROM receipt WHERE debtor_id_value = 'RSSMRA80A01H501U' LIMIT 1`)) as {
        id: string;
      }[]
    )[0]?.id;
    const notice = (
      (await db.query(
        `SELECT notice_number FROM payment_option WHERE position_id = $1 AND installment IS NULL`,
        [position],
      )) as { notice_number: string }[]
    )[0]?.notice_number;
    expect([position, receipt, notice].every(Boolean)).toBe(true);
    for (const url of [`/api/v1/me/positions/${position}`, `/api/v1/me/receipts/${receipt}/receipt.pdf`]) {
      expect((await as(mario, 'get', url)).status).toBe(200);
      expect((await as(giulia, 'get', url)).status).toBe(404);
      expect((await http.get(url)).status).toBe(401);
    }
    const cart = { notices: [{ entityFiscalCode: '99023040399', noticeNumber: notice }] };
    expect((await as(giulia, 'post', '/api/v1/me/payments/checkout').send(cart)).status).toBe(404);
    expect((await http.post('/api/v1/me/payments/checkout').send(cart)).status).toBe(401);
    const receipts = (await as(giulia, 'get', '/api/v1/me/receipts')).body as { items: { id: string }[] };
    expect(receipts.items.map((item) => item.id)).not.toContain(receipt);
  }, 60_000);

  it('answers every route × role × own/other entity as the declaration says', async () => {
    const http = request(app.getHttpServer());
    const problems: string[] = [];
    for (const route of routes) {
      const params = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
      const objectScoped = params.some((param) => param !== 'entityId');
      const url = route.path.replace(/:(\w+)/g, (_m, param: string) => {
        switch (param) {
          case 'entityId':
            return entityA;
          case 'fiscalCode':
            return memberOfA;
          case 'id':
            return route.path.includes('api-keys')
              ? keyOfA
              : route.path.includes('/admin/entities/')
                ? entityA
                : '00000000-0000-4000-8000-000000000000';
          case 'key':
          case 'service':
            return 'x';
          case 'code':
            return 'TARI';
          case 'iupd':
            return 'DEMO-PINETO-TARI-2026-RSSMRA';
          case 'noticeNumber':
            return '307000000000000000';
          case 'iuv':
            return '07000000000000000';
          case 'entityFiscalCode':
            return '99023040399';
          case 'reference':
            return 'MatrixReferenceMatrixReference00';
          case 'positionId':
          case 'receiptId':
          case 'dueTypeId':
          case 'batchId':
            return '00000000-0000-4000-8000-000000000000';
          default:
            problems.push(`${route.method} ${route.path}: add a fixture for :${param} to the matrix`);
            return 'x';
        }
      });
      const target = params.includes('entityId') ? entityA : undefined;
      for (const actor of actors) {
        const decision = evaluate(route.grants ?? [], actor.principal, target);
        const isPublic = (route.grants ?? []).some((grant) => grant.kind === 'public');
        const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
        let call = http[method](url);
        for (const [name, value] of Object.entries(actor.headers)) call = call.set(name, value);
        const response = method === 'get' || method === 'delete' ? await call : await call.send({});
        const status = response.status;
        const denied = status === 401 || status === 403;
        const where = `${route.method} ${route.path} as ${actor.name}: expected ${decision.allowed ? 'allow' : 'deny'}, got ${status}`;
        if (!decision.allowed && !denied) problems.push(where);
        if (decision.allowed && !isPublic) {
          const otherTenant = actor.tenancy === 'other' && objectScoped && !params.includes('entityId');
          if (otherTenant ? ![400, 403, 404].includes(status) : denied)
            problems.push(`${where}${otherTenant ? ' (other entity’s object)' : ''}`);
        }
        if (status >= 500) problems.push(`${where} (server error)`);
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
