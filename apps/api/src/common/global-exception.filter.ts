import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { type Request, type Response } from 'express';
import { type ApiErrorBody, ApiErrorCode } from '@pagamenti/contracts';
import { ApiException } from './api-exception';
import { correlationIdOf } from './correlation-id';

const CODE_BY_STATUS: Partial<Record<number, ApiErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ApiErrorCode.BadRequest,
  [HttpStatus.UNAUTHORIZED]: ApiErrorCode.Unauthorized,
  [HttpStatus.FORBIDDEN]: ApiErrorCode.Forbidden,
  [HttpStatus.NOT_FOUND]: ApiErrorCode.NotFound,
  [HttpStatus.CONFLICT]: ApiErrorCode.Conflict,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ApiErrorCode.PayloadTooLarge,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ApiErrorCode.UnsupportedMediaType,
  [HttpStatus.TOO_MANY_REQUESTS]: ApiErrorCode.RateLimited,
  [HttpStatus.SERVICE_UNAVAILABLE]: ApiErrorCode.ServiceUnavailable,
};

const MESSAGE_BY_CODE: Record<ApiErrorCode, string> = {
  VALIDATION_FAILED: 'I dati inviati non sono validi.',
  BAD_REQUEST: 'La richiesta non è valida.',
  UNAUTHORIZED: 'È necessario accedere.',
  FORBIDDEN: 'Non hai i permessi per questa operazione.',
  NOT_FOUND: 'La risorsa richiesta non esiste.',
  CONFLICT: "L'operazione è in conflitto con lo stato attuale.",
  PAYLOAD_TOO_LARGE: 'La richiesta supera la dimensione massima consentita.',
  UNSUPPORTED_MEDIA_TYPE: 'Formato del contenuto non supportato.',
  RATE_LIMITED: 'Troppe richieste: riprova tra poco.',
  SERVICE_UNAVAILABLE: 'Servizio temporaneamente non disponibile.',
  INTERNAL_ERROR: 'Si è verificato un errore imprevisto. Riprova più tardi.',
  POSITION_NOT_FOUND: 'La posizione debitoria non esiste.',
  POSITION_NOT_EDITABLE: 'Lo stato della posizione non consente l’operazione.',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency-Key già usata per una richiesta diversa.',
};

/**
 * Every error leaves the API as `{ code, message, correlationId }`: never a stack trace, never a driver message.
 * Unexpected errors are logged with the correlation id and answered 500.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(GlobalExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const correlationId = correlationIdOf(request);
    const { status, body } = this.describe(exception, correlationId);

    if (status >= 500) {
      this.logger.error({ err: exception, correlationId }, 'Unhandled error');
    }
    if (response.headersSent) return;
    response.status(status).json(body);
  }

  private describe(exception: unknown, correlationId: string): { status: number; body: ApiErrorBody } {
    if (exception instanceof ApiException) {
      return {
        status: exception.getStatus(),
        body: {
          code: exception.code,
          message: exception.message,
          correlationId,
          ...(exception.fieldErrors ? { fieldErrors: exception.fieldErrors } : {}),
          ...(exception.details ? { details: exception.details } : {}),
        },
      };
    }
    const status = statusOf(exception);
    const code =
      CODE_BY_STATUS[status] ?? (status >= 500 ? ApiErrorCode.InternalError : ApiErrorCode.BadRequest);
    return { status, body: { code, message: MESSAGE_BY_CODE[code], correlationId } };
  }
}

/** HttpExceptions carry their status; body-parser errors (too large, malformed JSON) carry `status`. */
function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  if (typeof exception === 'object' && exception !== null && 'status' in exception) {
    const status = Number((exception as { status: unknown }).status);
    if (Number.isInteger(status) && status >= 400 && status < 600) return status;
  }
  return HttpStatus.INTERNAL_SERVER_ERROR;
}
