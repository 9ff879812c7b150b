import { type ApiKeyScope, type EntityRole, type IntermediaryRole } from '@pagamenti/contracts';

export interface PersonPrincipal {
  kind: 'person';
  fiscalCode: string;
  sessionTokenHash: string;
  csrfToken: string;
  activeEntityId: string | null;
  /** entityId → role. */
  entityRoles: Map<string, EntityRole>;
  intermediaryRole: IntermediaryRole | null;
  level: string;
  idpEntityId: string;
  authenticatedAt: Date;
}

export interface ApiKeyPrincipal {
  kind: 'api-key';
  keyId: string;
  entityId: string;
  scopes: ApiKeyScope[];
}

export type Principal = { kind: 'anonymous' } | PersonPrincipal | ApiKeyPrincipal;

/**
 * The entity a request may touch, decided by the guard from the principal (the active entity of a person, the
 * entity of an API key). Repositories take it and put it in their WHERE clauses.
 */
export interface EntityScope {
  entityId: string;
}
