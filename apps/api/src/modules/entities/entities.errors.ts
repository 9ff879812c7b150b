import { HttpStatus } from '@nestjs/common';
import { ApiErrorCode, type FieldError } from '@pagamenti/contracts';
import { ApiException } from '../../common/api-exception';

export function fieldError(field: string, message: string, rule: string): ApiException {
  return invalid([{ field, message, rule }]);
}

export function invalid(fieldErrors: FieldError[]): ApiException {
  return new ApiException(
    ApiErrorCode.ValidationFailed,
    'I dati inviati non sono validi.',
    HttpStatus.BAD_REQUEST,
    fieldErrors,
  );
}

/** The row just written, or a 404 if it vanished (never expected inside the same transaction). */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw notFound(what);
  return value;
}

export function notFound(what: string): ApiException {
  return new ApiException(ApiErrorCode.NotFound, `${what} non esiste.`, HttpStatus.NOT_FOUND);
}

export function conflict(
  message: string,
  details?: Record<string, unknown>,
  fieldErrors?: FieldError[],
): ApiException {
  return new ApiException(ApiErrorCode.Conflict, message, HttpStatus.CONFLICT, fieldErrors, details);
}

/** A unique-constraint violation from PostgreSQL or PGlite (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return candidate?.code === '23505' || candidate?.driverError?.code === '23505';
}
