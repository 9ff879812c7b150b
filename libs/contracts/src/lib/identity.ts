/** Roles a person may hold in one creditor entity. */
export const ENTITY_ROLES = ['admin', 'operator', 'viewer'] as const;
export type EntityRole = (typeof ENTITY_ROLES)[number];

/** Roles of the intermediary's staff. */
export const INTERMEDIARY_ROLES = ['admin', 'support', 'readonly'] as const;
export type IntermediaryRole = (typeof INTERMEDIARY_ROLES)[number];

/** The SPAs a login may be started from; each has its own SPID level. */
export const LOGIN_APPS = ['citizen', 'backoffice', 'admin'] as const;
export type LoginApp = (typeof LOGIN_APPS)[number];

export interface EntityMembership {
  entityId: string;
  entityName: string;
  entityFiscalCode: string;
  role: EntityRole;
}

/** The person behind the current session. */
export interface CurrentUser {
  fiscalCode: string;
  name: string;
  familyName: string;
  email: string | null;
  /** Always true: anyone with a fiscal code is a citizen. */
  citizen: true;
  entities: EntityMembership[];
  /** The entity the back office works on; null when the person holds no entity role. */
  activeEntityId: string | null;
  intermediaryRole: IntermediaryRole | null;
  /** How the person logged in: IdP entity id and SPID level. */
  authentication: { idp: string; level: string; at: string };
}

/** `GET /api/v1/auth/session`: public, null when nobody is logged in. */
export interface SessionInfo {
  user: CurrentUser | null;
}

export interface IdentityProviderSummary {
  /** The IdP's SAML entityID: pass it as `idp` to the login URL. */
  id: string;
  name: string;
  /** `spid` or `cie`. */
  kind: 'spid' | 'cie';
}

export interface SetActiveEntityRequest {
  entityId: string;
}

export interface EntityRoleAssignment {
  fiscalCode: string;
  role: EntityRole;
  name: string | null;
  familyName: string | null;
  grantedAt: string;
  grantedBy: string | null;
}

export interface GrantEntityRoleRequest {
  fiscalCode: string;
  role: EntityRole;
}

export const API_KEY_SCOPES = [
  'debts:read',
  'debts:write',
  'payments:read',
  'payments:write',
  'reports:read',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface ApiKeySummary {
  id: string;
  name: string;
  /** First characters of the key, to recognise it. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreateApiKeyRequest {
  name: string;
  scopes: ApiKeyScope[];
}

/** The key in clear appears only in this answer. */
export interface CreatedApiKey extends ApiKeySummary {
  key: string;
}

export type AuditOutcome = 'success' | 'failure';

export interface AuditEvent {
  id: string;
  at: string;
  action: string;
  outcome: AuditOutcome;
  actorFiscalCode: string | null;
  actorKind: 'person' | 'api-key' | 'system' | 'anonymous';
  entityId: string | null;
  objectType: string | null;
  objectId: string | null;
  ip: string | null;
  correlationId: string | null;
  details: Record<string, unknown>;
}

export interface AuditEventPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

export interface AuditQuery {
  action?: string;
  actor?: string;
  entityId?: string;
  outcome?: AuditOutcome;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** Header carrying the CSRF token (double submit of the `pp_csrf` cookie) on state-changing requests. */
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_COOKIE = 'pp_csrf';
