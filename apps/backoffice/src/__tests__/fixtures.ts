import type { CurrentUser } from '@pagamenti/contracts';
import { jsonError, platformInfo, sessionOf } from '@pagamenti/ui/testing';

export const PINETO = '00000000-0000-4000-8000-000000000007';
export const ROSETO = '00000000-0000-4000-8000-000000000008';

/** Anna Ferri as in the demo data: admin of Pineto (active), operator of Roseto. */
export function annaFerri(overrides: Partial<CurrentUser> = {}): CurrentUser {
  const { user } = sessionOf({
    fiscalCode: 'FRRNNA90E50A345B',
    name: 'Anna',
    familyName: 'Ferri',
    entities: [
      { entityId: PINETO, entityName: 'Comune di Pineto', entityFiscalCode: '99023040399', role: 'admin' },
      {
        entityId: ROSETO,
        entityName: 'Comune di Roseto degli Abruzzi',
        entityFiscalCode: '82000590671',
        role: 'operator',
      },
    ],
    activeEntityId: PINETO,
    ...overrides,
  });
  if (!user) throw new Error('sessionOf gives a user');
  return user;
}

/** The stubs every back-office page needs: platform, session and `/api/v1/me` for `user`. */
export function loggedInAs(user: CurrentUser) {
  return {
    '/api/v1/platform': platformInfo,
    '/api/v1/auth/session': { user },
    '/api/v1/me': user,
  };
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A 204 answer, as the API gives to PUT/DELETE of roles and keys. */
export const noContent = () => new Response(null, { status: 204 });

export { jsonError };

/** The calls of `fetchMock` with their method and JSON body. */
export function requests(fetchMock: { mock: { calls: unknown[][] } }) {
  return (fetchMock.mock.calls as [string, RequestInit | undefined][]).map(([url, init]) => ({
    path: new URL(url, 'http://localhost').pathname,
    method: init?.method ?? 'GET',
    body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
  }));
}
