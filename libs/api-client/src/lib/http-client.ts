import { CORRELATION_ID_HEADER, CSRF_COOKIE, CSRF_HEADER } from '@pagamenti/contracts';
import { ApiError, ClientErrorCode, codeForStatus, isApiErrorBody } from './api-error';

export interface ApiClientConfig {
  /** Prefix of every request path; '' means same origin. */
  baseUrl: string;
}

const config: ApiClientConfig = { baseUrl: '' };

export function configureApiClient(overrides: Partial<ApiClientConfig>): void {
  Object.assign(config, overrides);
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  /** Serialised as JSON; a `Blob`/`File` or `FormData` (file uploads) is sent as it is. */
  body?: unknown;
  signal?: AbortSignal;
  /** Error statuses whose JSON body is still the resource, e.g. the health report's 503 when the database is down. */
  bodyOnStatus?: number[];
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
}

const MESSAGES = {
  network: 'Non è stato possibile contattare il servizio. Controlla la connessione e riprova.',
  invalid: 'Il servizio ha risposto in un formato inatteso.',
  status: (status: number) => `Il servizio ha risposto con un errore (HTTP ${status}).`,
};

export function buildUrl(path: string, query: QueryParams = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.append(key, String(value));
  }
  const search = params.toString();
  return `${config.baseUrl}${path}${search ? `?${search}` : ''}`;
}

function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Sent with every request so that even a failure with no answer can be traced in the API logs. */
function newCorrelationId(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID();
  return `web-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!/\bjson\b/i.test(type)) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** Files and forms go as they are: the browser sets their content type (with the multipart boundary). */
function isRawBody(body: unknown): boolean {
  return (
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    (typeof FormData !== 'undefined' && body instanceof FormData)
  );
}

/** Performs a request against the API and returns its JSON body, or throws an {@link ApiError}. */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const correlationId = newCorrelationId();
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json',
    [CORRELATION_ID_HEADER]: correlationId,
  };
  const rawBody = isRawBody(options.body);
  if (options.body !== undefined && !rawBody) headers['Content-Type'] = 'application/json';
  // Double-submit CSRF protection: the API compares this header with the session's token.
  const csrf = (options.method ?? 'GET') === 'GET' ? undefined : readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body:
        options.body === undefined
          ? undefined
          : rawBody
            ? (options.body as Blob | FormData)
            : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (cause) {
    // Cancellation is not a failure: react-query expects the AbortError itself.
    if (options.signal?.aborted) throw cause;
    throw new ApiError(0, ClientErrorCode.NetworkError, MESSAGES.network, correlationId, [], { cause });
  }

  const answeredId = response.headers.get(CORRELATION_ID_HEADER) ?? correlationId;
  if (response.status === 204) return undefined as T;
  const body = await readJson(response);

  const bodyIsResource =
    options.bodyOnStatus?.includes(response.status) && body !== undefined && !isApiErrorBody(body);
  if (!response.ok && !bodyIsResource) {
    if (isApiErrorBody(body)) {
      throw new ApiError(
        response.status,
        body.code,
        body.message,
        body.correlationId || answeredId,
        body.fieldErrors ?? [],
      );
    }
    throw new ApiError(
      response.status,
      codeForStatus(response.status),
      MESSAGES.status(response.status),
      answeredId,
    );
  }
  if (body === undefined) {
    throw new ApiError(response.status, ClientErrorCode.InvalidResponse, MESSAGES.invalid, answeredId);
  }
  return body as T;
}
