import { type Request, type Response } from 'express';
import { CSRF_COOKIE } from '@pagamenti/contracts';

export const SESSION_COOKIE = 'pp_session';

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Session cookie: opaque, httpOnly; CSRF cookie: readable by the SPA, sent back as a header (double submit). */
export function setSessionCookies(
  response: Response,
  values: { token: string; csrfToken: string; maxAgeMs: number; secure: boolean },
): void {
  const common = { path: '/', sameSite: 'lax' as const, secure: values.secure, maxAge: values.maxAgeMs };
  response.cookie(SESSION_COOKIE, values.token, { ...common, httpOnly: true });
  response.cookie(CSRF_COOKIE, values.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(response: Response, secure: boolean): void {
  const common = { path: '/', sameSite: 'lax' as const, secure };
  response.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  response.clearCookie(CSRF_COOKIE, common);
}
