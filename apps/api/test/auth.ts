import { type NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { type EntityRole, type IntermediaryRole } from '@pagamenti/contracts';
import { RolesRepository } from '../src/modules/identity/roles/roles.repository';
import { hashToken, SessionsService } from '../src/modules/identity/sessions/sessions.service';

export interface TestPerson {
  fiscalCode?: string;
  intermediaryRole?: IntermediaryRole;
  entityRoles?: { entityId: string; role: EntityRole }[];
  activeEntityId?: string;
}

/**
 * A logged-in person for integration tests: roles granted in the database and a real server-side session,
 * without going through SAML (the login itself is tested in identity/saml-login.integration-spec.ts).
 */
export async function createSession(app: NestExpressApplication, person: TestPerson) {
  const fiscalCode = person.fiscalCode ?? 'MRNGPP81B20A345W';
  const roles = app.get(RolesRepository);
  await roles.upsertPerson({
    fiscalCode,
    givenName: 'Test',
    familyName: 'Persona',
    email: null,
    lastLoginAt: new Date(),
  });
  if (person.intermediaryRole) await roles.setIntermediaryRole(fiscalCode, person.intermediaryRole, null);
  for (const grant of person.entityRoles ?? []) {
    await roles.grantEntityRole({ entityId: grant.entityId }, fiscalCode, grant.role, null);
  }
  const sessions = app.get(SessionsService);
  const session = await sessions.create({
    fiscalCode,
    idpEntityId: 'test',
    level: 'https://www.spid.gov.it/SpidL2',
    nameId: null,
    sessionIndex: null,
  });
  if (person.activeEntityId) {
    await sessions.setActiveEntity(hashToken(session.token), person.activeEntityId);
  }
  return {
    fiscalCode,
    cookie: `pp_session=${session.token}; pp_csrf=${session.csrfToken}`,
    csrf: session.csrfToken,
  };
}

/** A supertest client whose every request carries the person's session cookie and CSRF token. */
export async function asPerson(app: NestExpressApplication, person: TestPerson) {
  const { cookie, csrf } = await createSession(app, person);
  const http = request(app.getHttpServer());
  const wrap = (test: request.Test) => test.set('Cookie', cookie).set('x-csrf-token', csrf);
  return {
    get: (url: string) => wrap(http.get(url)),
    post: (url: string) => wrap(http.post(url)),
    put: (url: string) => wrap(http.put(url)),
    patch: (url: string) => wrap(http.patch(url)),
    delete: (url: string) => wrap(http.delete(url)),
  };
}
