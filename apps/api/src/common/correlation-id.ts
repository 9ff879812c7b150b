import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { CORRELATION_ID_HEADER } from '@pagamenti/contracts';

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The correlation id of a request: the caller's `x-correlation-id` when it is a sane token, a new UUID otherwise.
 * It is echoed in the response header so that a user can quote it to support.
 */
export function assignCorrelationId(req: IncomingMessage, res: ServerResponse): string {
  const offered = req.headers[CORRELATION_ID_HEADER];
  const id = typeof offered === 'string' && ACCEPTABLE_ID.test(offered) ? offered : randomUUID();
  res.setHeader(CORRELATION_ID_HEADER, id);
  return id;
}

/** The id assigned by the logging middleware; `unknown` only for requests that never went through it. */
export function correlationIdOf(req: IncomingMessage & { id?: unknown }): string {
  return typeof req.id === 'string' ? req.id : 'unknown';
}
