import type { CurrentUser, IdentityProviderSummary, LoginApp, SessionInfo } from '@pagamenti/contracts';
import { buildUrl, apiRequest } from '../http-client';

export function getSession(signal?: AbortSignal): Promise<SessionInfo> {
  return apiRequest<SessionInfo>('/api/v1/auth/session', { signal });
}

export function listIdentityProviders(signal?: AbortSignal): Promise<IdentityProviderSummary[]> {
  return apiRequest<IdentityProviderSummary[]>('/api/v1/auth/idps', { signal });
}

export function logout(): Promise<void> {
  return apiRequest<void>('/api/v1/auth/logout', { method: 'POST' });
}

export function setActiveEntity(entityId: string): Promise<CurrentUser> {
  return apiRequest<CurrentUser>('/api/v1/me/active-entity', { method: 'PUT', body: { entityId } });
}

/**
 * Where the browser goes to log in with an IdP: the API answers with the signed AuthnRequest form. `returnTo`
 * (a path of the app, basename included, e.g. `/admin/registro-attivita`) is where the API sends the browser
 * after a successful login; without it, or when it is not a path of the app, the app's home page.
 */
export function loginUrl(idp: string, app: LoginApp, returnTo?: string | null): string {
  return buildUrl('/api/v1/auth/saml/login', { idp, app, returnTo });
}
