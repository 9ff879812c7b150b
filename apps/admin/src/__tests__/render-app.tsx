import type { PlatformInfo } from '@pagamenti/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { routes } from '../routes';

export const platformInfo: PlatformInfo = {
  platformName: 'PagaFacile Abruzzo',
  intermediary: { name: 'Agenzia digitale regionale', fiscalCode: '01234567890' },
  environment: 'test',
  version: '1.4.2',
  demo: false,
};

export type ApiStub = Record<string, unknown | ((url: URL) => Response)>;

/** Stubs `fetch` from a path → JSON body (or response factory) map; other paths answer a 404 API error. */
export function stubApi(routesByPath: ApiStub) {
  const fetchMock = vi.fn(async (input: string) => {
    const url = new URL(input, 'http://localhost');
    const answer = routesByPath[url.pathname];
    if (typeof answer === 'function') return (answer as (url: URL) => Response)(url);
    if (answer !== undefined) {
      return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
    }
    return new Response(
      JSON.stringify({ code: 'NOT_FOUND', message: 'Non trovato', correlationId: 'c-404' }),
      {
        status: 404,
        headers: { 'content-type': 'application/json' },
      },
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export function jsonError(status: number, code: string): Response {
  return new Response(JSON.stringify({ code, message: 'Errore', correlationId: 'corr-42' }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** The app's real route tree in memory, without retries so that errors show at once. */
export function renderApp(path = '/') {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}
