import { HttpException, HttpStatus } from '@nestjs/common';
import { type ApiErrorCode, type FieldError } from '@pagamenti/contracts';

/** An error the API answers on purpose, with a stable code the clients can switch on. */
export class ApiException extends HttpException {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    status: HttpStatus,
    readonly fieldErrors?: FieldError[],
    /** Machine-readable context sent as `details`, e.g. the allowed transitions of a 409. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message, status);
  }
}
