import type {
  ApiKeySummary,
  CreateApiKeyRequest,
  CreatedApiKey,
  CurrentUser,
  EntityRole,
  EntityRoleAssignment,
} from '@pagamenti/contracts';
import { apiRequest } from '../http-client';

/** `GET /api/v1/me`: the logged-in person, their roles per entity and the session's active entity. */
export function getMe(signal?: AbortSignal) {
  return apiRequest<CurrentUser>('/api/v1/me', { signal });
}

const USERS = '/api/v1/backoffice/users';
const KEYS = '/api/v1/backoffice/api-keys';

/** People with a role in the session's active entity (entity admins only). */
export function listEntityUsers(signal?: AbortSignal) {
  return apiRequest<EntityRoleAssignment[]>(USERS, { signal });
}

/** Invites a person by fiscal code, or changes their role, in the active entity. */
export function grantEntityRole(fiscalCode: string, role: EntityRole) {
  return apiRequest<void>(`${USERS}/${encodeURIComponent(fiscalCode)}`, { method: 'PUT', body: { role } });
}

export function revokeEntityRole(fiscalCode: string) {
  return apiRequest<void>(`${USERS}/${encodeURIComponent(fiscalCode)}`, { method: 'DELETE' });
}

export function listApiKeys(signal?: AbortSignal) {
  return apiRequest<ApiKeySummary[]>(KEYS, { signal });
}

/** The answer carries the key in clear: the only time it is ever shown. */
export function createApiKey(body: CreateApiKeyRequest) {
  return apiRequest<CreatedApiKey>(KEYS, { method: 'POST', body });
}

export function revokeApiKey(id: string) {
  return apiRequest<void>(`${KEYS}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

const adminUsers = (entityId: string) => `/api/v1/admin/entities/${encodeURIComponent(entityId)}/users`;

/** Intermediary staff: the people of any entity and their roles. */
export function listAdminEntityUsers(entityId: string, signal?: AbortSignal) {
  return apiRequest<EntityRoleAssignment[]>(adminUsers(entityId), { signal });
}

/** Intermediary admins: makes a person (by fiscal code) an admin of the entity. */
export function appointEntityAdmin(entityId: string, fiscalCode: string) {
  return apiRequest<void>(`${adminUsers(entityId)}/${encodeURIComponent(fiscalCode)}/admin`, {
    method: 'PUT',
  });
}
