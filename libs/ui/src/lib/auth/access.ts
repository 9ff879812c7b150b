import type { CurrentUser, EntityRole, IntermediaryRole } from '@pagamenti/contracts';

/** Who may see a page, for `RequireSession`'s `allow`. */
export type AccessRule = (user: CurrentUser) => boolean;

/** Intermediary staff holding one of `roles` (any staff role when none is given). */
export function hasIntermediaryRole(...roles: IntermediaryRole[]): AccessRule {
  return (user) =>
    user.intermediaryRole !== null && (roles.length === 0 || roles.includes(user.intermediaryRole));
}

/** A role in the session's active entity among `roles` (any entity role when none is given). */
export function hasActiveEntityRole(...roles: EntityRole[]): AccessRule {
  return (user) => {
    const membership = user.entities.find((entity) => entity.entityId === user.activeEntityId);
    return !!membership && (roles.length === 0 || roles.includes(membership.role));
  };
}
