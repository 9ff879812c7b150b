import type { AuditQuery } from '@pagamenti/contracts';
import type { AdminEntitiesQuery } from './resources/admin-entities';
import type { AuditScope } from './resources/audit';
import type { PublicEntitiesQuery } from './resources/public-entities';

/**
 * Every react-query key of the SPAs. Keys are hierarchical, so invalidating `queryKeys.platform.all`
 * also refreshes info and stats.
 */
export const queryKeys = {
  health: ['health'] as const,
  session: ['session'] as const,
  /** `GET /api/v1/me`: the person and the active entity. */
  me: ['me'] as const,
  identityProviders: ['identity-providers'] as const,
  platform: {
    all: ['platform'] as const,
    info: () => [...queryKeys.platform.all, 'info'] as const,
    stats: () => [...queryKeys.platform.all, 'stats'] as const,
  },
  publicEntities: {
    all: ['public-entities'] as const,
    list: (query: Omit<PublicEntitiesQuery, 'cursor'>) =>
      [...queryKeys.publicEntities.all, 'list', query] as const,
  },
  adminEntities: {
    all: ['admin-entities'] as const,
    list: (query: Omit<AdminEntitiesQuery, 'cursor'>) =>
      [...queryKeys.adminEntities.all, 'list', query] as const,
    pipeline: (scope: Pick<AdminEntitiesQuery, 'province' | 'category'>) =>
      [...queryKeys.adminEntities.all, 'pipeline', scope] as const,
    detail: (id: string) => [...queryKeys.adminEntities.all, 'detail', id] as const,
    history: (id: string) => [...queryKeys.adminEntities.all, 'detail', id, 'history'] as const,
    users: (id: string) => [...queryKeys.adminEntities.all, 'detail', id, 'users'] as const,
  },
  stations: { all: ['stations'] as const },
  /** The activity register; an entity's keys carry its id. */
  audit: {
    all: ['audit'] as const,
    list: (scope: AuditScope, query: Omit<AuditQuery, 'cursor'>) =>
      [
        ...queryKeys.audit.all,
        scope.kind === 'entity' ? scope.entityId : 'intermediary',
        'list',
        query,
      ] as const,
  },
  /** Data of the session's active entity (people, API keys), keyed by its id. */
  entityAccess: {
    all: ['entity-access'] as const,
    users: (entityId: string) => [...queryKeys.entityAccess.all, entityId, 'users'] as const,
    apiKeys: (entityId: string) => [...queryKeys.entityAccess.all, entityId, 'api-keys'] as const,
  },
  entityCatalogue: {
    all: ['entity-catalogue'] as const,
    entity: (entityId: string) => [...queryKeys.entityCatalogue.all, entityId] as const,
    accounts: (entityId: string) => [...queryKeys.entityCatalogue.entity(entityId), 'accounts'] as const,
    dueTypes: (entityId: string) => [...queryKeys.entityCatalogue.entity(entityId), 'due-types'] as const,
    presets: () => [...queryKeys.entityCatalogue.all, 'presets'] as const,
  },
};
