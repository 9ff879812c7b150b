import { ApiErrorCode, CORRELATION_ID_HEADER } from '@pagamenti/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, ClientErrorCode } from './api-error';
import { apiRequest, configureApiClient } from './http-client';
import { shouldRetry } from './query-client';

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

function mockFetch(impl: (url: string, init: RequestInit) => Promise<Response>) {
  const fetchMock = vi.fn(impl);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function captureError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('apiRequest', () => {
  afterEach(() => configureApiClient({ baseUrl: '' }));

  it('returns the JSON body, sends a correlation id and drops empty query params', async () => {
    const fetchMock = mockFetch(async () => jsonResponse(200, { items: [], nextCursor: null }));
    configureApiClient({ baseUrl: 'https://pagamenti.example.it' });

    const page = await apiRequest('/api/v1/public/entities', {
      query: { stage: 'PRODUCTION', limit: 50, cursor: null, q: undefined },
    });

    expect(page).toEqual({ items: [], nextCursor: null });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('https://pagamenti.example.it/api/v1/public/entities?stage=PRODUCTION&limit=50');
    const headers = init.headers as Record<string, string>;
    expect(headers[CORRELATION_ID_HEADER]).toMatch(/\S{8,}/);
    expect(headers['Accept']).toBe('application/json');
  });

  it('sends a JSON body with its content type', async () => {
    const fetchMock = mockFetch(async () => jsonResponse(201, { id: '1' }));
    await apiRequest('/api/v1/things', { method: 'POST', body: { name: 'x' } });
    const init = fetchMock.mock.calls[0]![1];
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"name":"x"}');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('returns undefined on 204', async () => {
    mockFetch(async () => new Response(null, { status: 204 }));
    await expect(apiRequest('/api/v1/things/1', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('turns an API error body into an ApiError with code, message, correlation id and field errors', async () => {
    mockFetch(async () =>
      jsonResponse(400, {
        code: 'VALIDATION_FAILED',
        message: 'Dati non validi',
        correlationId: 'corr-123',
        fieldErrors: [{ field: 'limit', message: 'Deve essere al massimo 100', rule: 'max' }],
      }),
    );

    const error = await captureError(apiRequest('/api/v1/public/entities', { query: { limit: 1000 } }));

    expect(error.status).toBe(400);
    expect(error.code).toBe(ApiErrorCode.ValidationFailed);
    expect(error.message).toBe('Dati non validi');
    expect(error.correlationId).toBe('corr-123');
    expect(error.fieldErrors).toEqual([
      { field: 'limit', message: 'Deve essere al massimo 100', rule: 'max' },
    ]);
    expect(error.isTransient).toBe(false);
  });

  it('maps a non-JSON error answer to a code from its status, keeping the answered correlation id', async () => {
    mockFetch(
      async () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          headers: { 'content-type': 'text/html', [CORRELATION_ID_HEADER]: 'proxy-9' },
        }),
    );

    const error = await captureError(apiRequest('/api/health'));

    expect(error.status).toBe(502);
    expect(error.code).toBe(ApiErrorCode.ServiceUnavailable);
    expect(error.correlationId).toBe('proxy-9');
    expect(error.message).toContain('HTTP 502');
    expect(error.isTransient).toBe(true);
  });

  it('does not trust a JSON error body that is not an API error', async () => {
    mockFetch(async () => jsonResponse(404, { error: 'not here' }));
    const error = await captureError(apiRequest('/api/v1/nothing'));
    expect(error.code).toBe(ApiErrorCode.NotFound);
  });

  it('returns the body of a status declared as carrying the resource, unless it is an API error', async () => {
    mockFetch(async () => jsonResponse(503, { status: 'down' }));
    await expect(apiRequest('/api/health', { bodyOnStatus: [503] })).resolves.toEqual({ status: 'down' });

    mockFetch(async () =>
      jsonResponse(503, { code: 'SERVICE_UNAVAILABLE', message: 'Giù', correlationId: 'c' }),
    );
    const error = await captureError(apiRequest('/api/health', { bodyOnStatus: [503] }));
    expect(error.code).toBe(ApiErrorCode.ServiceUnavailable);
  });

  it('reports a network failure as NETWORK_ERROR with status 0 and the sent correlation id', async () => {
    const fetchMock = mockFetch(async () => {
      throw new TypeError('Failed to fetch');
    });

    const error = await captureError(apiRequest('/api/health'));

    const sentId = (fetchMock.mock.calls[0]![1].headers as Record<string, string>)[CORRELATION_ID_HEADER];
    expect(error.status).toBe(0);
    expect(error.code).toBe(ClientErrorCode.NetworkError);
    expect(error.isNetworkError).toBe(true);
    expect(error.correlationId).toBe(sentId);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('reports a successful answer that is not JSON as INVALID_RESPONSE', async () => {
    mockFetch(
      async () =>
        new Response('<!doctype html><title>SPA</title>', { headers: { 'content-type': 'text/html' } }),
    );
    const error = await captureError(apiRequest('/api/v1/platform'));
    expect(error.status).toBe(200);
    expect(error.code).toBe(ClientErrorCode.InvalidResponse);
  });

  it('reports malformed JSON as INVALID_RESPONSE', async () => {
    mockFetch(async () => new Response('{"items": [', { headers: { 'content-type': 'application/json' } }));
    const error = await captureError(apiRequest('/api/v1/platform'));
    expect(error.code).toBe(ClientErrorCode.InvalidResponse);
  });

  it('rethrows the abort error untouched when the caller cancels', async () => {
    const controller = new AbortController();
    mockFetch(async () => {
      controller.abort();
      throw new DOMException('The operation was aborted.', 'AbortError');
    });
    await expect(apiRequest('/api/health', { signal: controller.signal })).rejects.toHaveProperty(
      'name',
      'AbortError',
    );
  });
});

describe('shouldRetry', () => {
  it('retries transient failures a bounded number of times, never client errors', () => {
    const network = new ApiError(0, ClientErrorCode.NetworkError, 'x', 'c');
    const notFound = new ApiError(404, ApiErrorCode.NotFound, 'x', 'c');
    expect(shouldRetry(0, network)).toBe(true);
    expect(shouldRetry(2, network)).toBe(false);
    expect(shouldRetry(0, notFound)).toBe(false);
  });
});
