import type { PlatformInfo } from '@pagamenti/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';

export const platformInfo: PlatformInfo = {
  platformName: 'PagaFacile Abruzzo',
  intermediary: { name: 'Agenzia digitale regionale', fiscalCode: '01234567890' },
  environment: 'test',
  version: '1.4.2',
  demo: false,
};

/** Answers `fetch` from a path → body map; unknown paths get a 404 JSON error. */
export function stubApi(routes: Record<string, unknown>) {
  const fetchMock = vi.fn(async (input: string) => {
    const path = new URL(input, 'http://localhost').pathname;
    if (path in routes) {
      return new Response(JSON.stringify(routes[path]), { headers: { 'content-type': 'application/json' } });
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

export function renderWithProviders(ui: ReactNode, { route = '/' }: { route?: string } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}
