import { type ApiErrorBody, ApiErrorCode, type FieldError } from '@pagamenti/contracts';

/** Failures that happen before or outside the API's own error handling. */
export const ClientErrorCode = {
  /** The request never got an answer: offline, DNS, refused connection, CORS. */
  NetworkError: 'NETWORK_ERROR',
  /** The answer was not the JSON the contract promises (e.g. an HTML page from a proxy). */
  InvalidResponse: 'INVALID_RESPONSE',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

export type ApiClientErrorCode = ApiErrorCode | ClientErrorCode;

/** The only error the API client throws. The UI switches on `code`, never on `message`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
    readonly code: ApiClientErrorCode,
    message: string,
    /** Quote this to support: it finds the request in the API logs. */
    readonly correlationId: string,
    readonly fieldErrors: FieldError[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get isNetworkError(): boolean {
    return this.code === ClientErrorCode.NetworkError;
  }

  /** True for failures that may go away by themselves: worth a retry. */
  get isTransient(): boolean {
    return this.status === 0 || this.status >= 500 || this.code === ApiErrorCode.RateLimited;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const API_ERROR_CODES = new Set<string>(Object.values(ApiErrorCode));

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return (
    typeof body['code'] === 'string' &&
    API_ERROR_CODES.has(body['code']) &&
    typeof body['message'] === 'string'
  );
}

/** The code to use when an error response carries no usable body. */
export function codeForStatus(status: number): ApiErrorCode {
  switch (status) {
    case 400:
      return ApiErrorCode.BadRequest;
    case 401:
      return ApiErrorCode.Unauthorized;
    case 403:
      return ApiErrorCode.Forbidden;
    case 404:
      return ApiErrorCode.NotFound;
    case 409:
      return ApiErrorCode.Conflict;
    case 413:
      return ApiErrorCode.PayloadTooLarge;
    case 415:
      return ApiErrorCode.UnsupportedMediaType;
    case 422:
      return ApiErrorCode.ValidationFailed;
    case 429:
      return ApiErrorCode.RateLimited;
    case 502:
    case 503:
    case 504:
      return ApiErrorCode.ServiceUnavailable;
    default:
      return status >= 500 ? ApiErrorCode.InternalError : ApiErrorCode.BadRequest;
  }
}
