import { HttpStatus } from '@nestjs/common';
import { ApiErrorCode, type FieldError, type PositionStatus } from '@pagamenti/contracts';
import { allowedPositionTransitions } from '@pagamenti/pagopa';
import { ApiException } from '../../common/api-exception';

export function positionNotFound(): ApiException {
  return new ApiException(
    ApiErrorCode.PositionNotFound,
    'La posizione debitoria non esiste.',
    HttpStatus.NOT_FOUND,
  );
}

/** 409 with the reason in Italian and what the current status still allows. */
export function positionNotEditable(reason: string, status: PositionStatus): ApiException {
  return new ApiException(ApiErrorCode.PositionNotEditable, reason, HttpStatus.CONFLICT, undefined, {
    status,
    allowedTransitions: allowedPositionTransitions(status),
  });
}

export function invalidPosition(fieldErrors: FieldError[]): ApiException {
  return new ApiException(
    ApiErrorCode.ValidationFailed,
    'I dati della posizione non sono validi.',
    HttpStatus.BAD_REQUEST,
    fieldErrors,
  );
}

export function versionConflict(current: number, sent: number): ApiException {
  return new ApiException(
    ApiErrorCode.Conflict,
    'La posizione è stata modificata da qualcun altro nel frattempo: ricaricala e ripeti la modifica.',
    HttpStatus.CONFLICT,
    undefined,
    { currentVersion: current, sentVersion: sent },
  );
}

export function idempotencyKeyReused(): ApiException {
  return new ApiException(
    ApiErrorCode.IdempotencyKeyReused,
    'Questa Idempotency-Key è già stata usata per una richiesta diversa: usare una chiave nuova per ogni posizione.',
    HttpStatus.CONFLICT,
  );
}

export function iupdTaken(iupd: string): ApiException {
  return new ApiException(
    ApiErrorCode.Conflict,
    `Lo IUPD ${iupd} è già usato da un’altra posizione dell’ente.`,
    HttpStatus.CONFLICT,
    [
      {
        field: 'iupd',
        message: `Lo IUPD ${iupd} è già usato da un’altra posizione dell’ente.`,
        rule: 'unique',
      },
    ],
  );
}

export function isIupdTaken(error: unknown): boolean {
  return (
    error instanceof ApiException &&
    (error.fieldErrors ?? []).some((field) => field.field === 'iupd' && field.rule === 'unique')
  );
}

/** A unique-constraint violation (SQLSTATE 23505) and, when the driver tells, the index it hit. */
export function uniqueViolation(error: unknown): { constraint: string | null } | null {
  const candidate = error as {
    code?: unknown;
    constraint?: unknown;
    driverError?: { code?: unknown; constraint?: unknown };
  } | null;
  const code = candidate?.driverError?.code ?? candidate?.code;
  if (code !== '23505') return null;
  const constraint = candidate?.driverError?.constraint ?? candidate?.constraint;
  return { constraint: typeof constraint === 'string' ? constraint : null };
}
