import { SetMetadata } from '@nestjs/common';
import { type ApiKeyScope, type EntityRole, type IntermediaryRole } from '@pagamenti/contracts';

/** One way to be allowed; a route lists one or more, any of which is enough. */
export type Grant =
  | { kind: 'public' }
  | { kind: 'person' }
  | { kind: 'entity'; roles: EntityRole[] }
  | { kind: 'intermediary'; roles: IntermediaryRole[] }
  | { kind: 'api-key'; scopes: ApiKeyScope[] };

export const PERMISSION_METADATA = 'identity:permission';

/** Every REST route must carry `@Public()` or `@Allow(...)`: the global guard refuses the others. */
export const Allow = (...grants: Grant[]) => SetMetadata(PERMISSION_METADATA, grants);

/** Anyone, logged in or not. */
export const Public = () => SetMetadata(PERMISSION_METADATA, [{ kind: 'public' }] satisfies Grant[]);

/** Grants, for `@Allow(...)`. */
export const AnyPerson: Grant = { kind: 'person' };
export const EntityRoles = (...roles: EntityRole[]): Grant => ({ kind: 'entity', roles });
export const IntermediaryRoles = (...roles: IntermediaryRole[]): Grant => ({ kind: 'intermediary', roles });
export const ApiKeyScopes = (...scopes: ApiKeyScope[]): Grant => ({ kind: 'api-key', scopes });

/** Marks a route whose service writes its own domain audit event, so the generic data-change one is skipped. */
export const AUDITED_METADATA = 'identity:audited';
export const AuditedByService = () => SetMetadata(AUDITED_METADATA, true);
