import { timingSafeEqual } from 'node:crypto';
import { type Request, type Response } from 'express';
import { CSRF_HEADER } from '@pagamenti/contracts';
import { type Principal } from '../identity/authorization/principal';
import { type RenderedPdf } from '../notices/notices.service';

export function sendPdf(response: Response, { fileName, pdf }: RenderedPdf): void {
  response
    .status(200)
    .setHeader('Content-Type', 'application/pdf')
    .setHeader('Content-Disposition', `attachment; filename="${fileName}"`)
    .setHeader('Cache-Control', 'no-store')
    .setHeader('Content-Length', String(pdf.length))
    .end(pdf);
}

/**
 * The logged-in person behind a public write, or null. Public routes skip the guard's CSRF check, so the token is
 * checked here: a request another site forged with the citizen's cookie is served as anonymous.
 */
export function personOnPublicWrite(principal: Principal, request: Request): string | null {
  if (principal.kind !== 'person') return null;
  const sent = Buffer.from(request.header(CSRF_HEADER) ?? '');
  const expected = Buffer.from(principal.csrfToken);
  return sent.length === expected.length && timingSafeEqual(sent, expected) ? principal.fiscalCode : null;
}
