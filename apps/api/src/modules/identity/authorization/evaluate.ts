import { type Grant } from './permissions';
import { type EntityScope, type Principal } from './principal';

export type Decision = { allowed: true; scope: EntityScope | null } | { allowed: false; status: 401 | 403 };

/**
 * The authorization rule, pure so that the matrix test can compute the expected answer: a route's grants
 * against a principal. Entity grants are about the entity of the route's `:entityId` when it has one, else the
 * principal's active entity (or its API key's entity); that entity becomes the request's scope.
 */
export function evaluate(grants: Grant[], principal: Principal, targetEntityId?: string): Decision {
  if (grants.some((grant) => grant.kind === 'public')) return { allowed: true, scope: null };
  if (principal.kind === 'anonymous') return { allowed: false, status: 401 };
  for (const grant of grants) {
    switch (grant.kind) {
      case 'public':
        break;
      case 'person':
        if (principal.kind === 'person') return { allowed: true, scope: null };
        break;
      case 'entity': {
        if (principal.kind !== 'person') break;
        const entityId = targetEntityId ?? principal.activeEntityId;
        const role = entityId ? principal.entityRoles.get(entityId) : undefined;
        if (entityId && role && grant.roles.includes(role)) return { allowed: true, scope: { entityId } };
        break;
      }
      case 'intermediary':
        if (
          principal.kind === 'person' &&
          principal.intermediaryRole &&
          grant.roles.includes(principal.intermediaryRole)
        ) {
          return { allowed: true, scope: null };
        }
        break;
      case 'api-key':
        if (
          targetEntityId !== undefined &&
          principal.kind === 'api-key' &&
          principal.entityId !== targetEntityId
        )
          break;
        if (principal.kind === 'api-key' && grant.scopes.every((scope) => principal.scopes.includes(scope))) {
          return { allowed: true, scope: { entityId: principal.entityId } };
        }
        break;
    }
  }
  return { allowed: false, status: 403 };
}
