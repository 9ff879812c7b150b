import {
  applyDecorators,
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import {
  Allow,
  ApiKeyScopes,
  EntityRoles,
  type Grant,
  IntermediaryRoles,
} from '../modules/identity/authorization/permissions';
import { type AuthorizedRequest } from '../modules/identity/authorization/request-context';

/**
 * Permissions of the entities module. The identity issue maps roles to them (intermediary staff hold
 * `entities:*` on every entity; an entity's operators hold `catalogue:*` on their own entity only).
 */
export type Permission =
  | 'entities:read'
  | 'entities:write'
  | 'catalogue:read'
  | 'catalogue:write'
  | 'positions:read'
  | 'positions:write';

export const REQUIRED_PERMISSION = 'requiredPermission';

/**
 * PERMISSION POINT — TO BE ENFORCED BY THE IDENTITY ISSUE. Today this guard lets every request through: there
 * is no login yet. The identity work replaces `canActivate` with a check of the session's or API key's roles
 * against the permission (and, for routes with `:entityId`, the operator's entities), answering 401/403.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  /** The global AuthorizationGuard has already decided; kept so existing module wiring stays valid. */
  canActivate(_context: ExecutionContext): boolean {
    return true;
  }
}

/**
 * The entities module's permissions, enforced by the identity module's global guard
 * (`modules/identity/authorization`): each maps to the roles that hold it. Routes with `:entityId` check the
 * entity roles in that entity (tenancy); intermediary staff act on every entity.
 */
const GRANTS: Record<Permission, Grant[]> = {
  'entities:read': [IntermediaryRoles('admin', 'support', 'readonly')],
  'entities:write': [IntermediaryRoles('admin', 'support')],
  'catalogue:read': [
    EntityRoles('admin', 'operator', 'viewer'),
    IntermediaryRoles('admin', 'support', 'readonly'),
  ],
  'catalogue:write': [EntityRoles('admin'), IntermediaryRoles('admin', 'support')],
  /** Debt positions: the entity's people and software (API keys with the `debts:*` scopes), and staff. */
  'positions:read': [
    EntityRoles('admin', 'operator', 'viewer'),
    IntermediaryRoles('admin', 'support', 'readonly'),
    ApiKeyScopes('debts:read'),
  ],
  'positions:write': [
    EntityRoles('admin', 'operator'),
    IntermediaryRoles('admin', 'support'),
    ApiKeyScopes('debts:write'),
  ],
};

/** Declares the permission a route needs; the identity guard enforces it. */
export function RequiresPermission(permission: Permission) {
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    Allow(...GRANTS[permission]),
    UseGuards(PermissionGuard),
  );
}

/**
 * Who performs a change, as recorded in histories: the authenticated caller decided by the identity guard
 * (a person's fiscal code, or the API key), never a name the client sends.
 */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const principal = context.switchToHttp().getRequest<AuthorizedRequest>().principal;
  switch (principal?.kind) {
    case 'person':
      return principal.fiscalCode;
    case 'api-key':
      return `chiave API ${principal.keyId}`;
    case 'anonymous':
    case undefined:
      return 'sistema';
  }
});
