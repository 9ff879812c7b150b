import { type LoginApp } from '@pagamenti/contracts';

/** Where each app lives on the API's origin: the landing page after a login without a return path. */
export const APP_BASE: Record<LoginApp, string> = {
  citizen: '/',
  backoffice: '/backoffice/',
  admin: '/admin/',
};

const MAX_LENGTH = 1000;

/**
 * The page to go back to after the login, as asked by the SPA (`returnTo`, e.g. `/admin/registro-attivita?dal=…`):
 * a same-origin path inside the app that started the login, or null. Anything else (absolute or
 * protocol-relative URLs, backslashes, control characters, another app's path, dot segments) is ignored, so the
 * login can never become an open redirect.
 */
export function safeReturnPath(app: LoginApp, value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(value) || value.startsWith('//')) return null;
  const base = APP_BASE[app];
  if (!value.startsWith(base) && value !== base.replace(/\/$/, '')) return null;
  let parsed: URL;
  try {
    parsed = new URL(value, 'http://return.invalid');
  } catch {
    return null;
  }
  if (parsed.origin !== 'http://return.invalid') return null;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // The URL parser resolves "/admin/../x" to "/x": what it made of the value must still be the value.
  if (path !== value || !(parsed.pathname.startsWith(base) || `${parsed.pathname}/` === base)) return null;
  return path;
}
