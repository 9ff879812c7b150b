import type { EntityRole } from '@pagamenti/contracts';

/** Entity admins and operators create, edit, publish and cancel positions; viewers only look. */
export const POSITION_WRITER_ROLES: readonly EntityRole[] = ['admin', 'operator'];

export function canWritePositions(role: EntityRole): boolean {
  return POSITION_WRITER_ROLES.includes(role);
}
