import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiErrorCode, type FieldError } from '@pagamenti/contracts';
import { ApiException } from './api-exception';

/** Flattens class-validator's tree into one entry per field and rule, with dotted paths. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, message, rule }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** Whitelisting, transforming validation that answers 400 with field-level errors. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) =>
      new ApiException(
        ApiErrorCode.ValidationFailed,
        'I dati inviati non sono validi.',
        HttpStatus.BAD_REQUEST,
        toFieldErrors(errors),
      ),
  });
}
