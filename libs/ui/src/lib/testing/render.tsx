import type { CurrentUser, PlatformInfo, SessionInfo } from '@pagamenti/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, MemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';

/** Test helpers for the SPAs and libs/ui, imported from `@pagamenti/ui/testing` (specs only). */

export const platformInfo: PlatformInfo = {
  platformName: 'PagaFacile Abruzzo',
  intermediary: { name: 'Agenzia digitale regionale', fiscalCode: '01234567890' },
  environment: 'test',
  version: '1.4.2',
  demo: false,
};

/** `GET /api/v1/auth/session` of a logged-in person (no roles unless `overrides` give some). */
export function sessionOf(overrides: Partial<CurrentUser> = {}): SessionInfo {
  return {
    user: {
      fiscalCode: 'MRNGPP81B20A345W',
      name: 'Giuseppe',
      familyName: 'Marino',
      email: null,
      citizen: true,
      entities: [],
      activeEntityId: null,
      intermediaryRole: null,
      authentication: {
        idp: 'https://idp.example/spid',
        level: 'https://www.spid.gov.it/SpidL2',
        at: '2025-06-16T08:00:00Z',
      },
      ...overrides,
    },
  };
}

/** `GET /api/v1/auth/session` when nobody is logged in. */
export const anonymousSession: SessionInfo = { user: null };

/** A JSON body, or a factory that also sees the request (method, body) and may answer anything. */
export type ApiStub = Record<string, unknown | ((url: URL, init?: RequestInit) => Response)>;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Stubs `fetch` from a path → JSON body (or response factory) map; other paths answer a 404 API error. */
export function stubApi(routesByPath: ApiStub) {
  const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    const answer = routesByPath[url.pathname];
    if (typeof answer === 'function')
      return (answer as (url: URL, init?: RequestInit) => Response)(url, init);
    if (answer !== undefined) return json(answer);
    return json({ code: 'NOT_FOUND', message: 'Non trovato', correlationId: 'c-404' }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export function jsonError(status: number, code: string): Response {
  return json({ code, message: 'Errore', correlationId: 'corr-42' }, status);
}

function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

/** Renders a component with the query client (no retries, so errors show at once) and a memory router. */
export function renderWithProviders(ui: ReactNode, { route = '/' }: { route?: string } = {}) {
  return render(
    <QueryClientProvider client={testQueryClient()}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}

/** Renders an app's real route tree in memory at `path`. */
export function renderRoutes(routes: RouteObject[], path = '/') {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return render(
    <QueryClientProvider client={testQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}
