import type { AuditEventPage, AuditQuery } from '@pagamenti/contracts';
import { apiRequest } from '../http-client';

/**
 * Whose register: the whole platform's (`GET /api/v1/admin/audit`, intermediary staff) or the session's active
 * entity's (`GET /api/v1/backoffice/audit`, its admins). The API reads the active entity from the session;
 * `entityId` is the active one, and only keys the cache.
 */
export type AuditScope = { kind: 'intermediary' } | { kind: 'entity'; entityId: string };

const PATHS = { intermediary: '/api/v1/admin/audit', entity: '/api/v1/backoffice/audit' } as const;

/** One page of the activity register, newest first; `nextCursor` fetches the following one. */
export function listAuditEvents(scope: AuditScope, query: AuditQuery = {}, signal?: AbortSignal) {
  return apiRequest<AuditEventPage>(PATHS[scope.kind], { query: { ...query }, signal });
}
