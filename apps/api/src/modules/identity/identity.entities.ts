import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import {
  type ApiKeyScope,
  type EntityRole,
  type IntermediaryRole,
  type LoginApp,
} from '@pagamenti/contracts';

/** A person known from SPID/CIE (or invited by fiscal code before their first login). */
@Entity('person')
export class Person {
  @PrimaryColumn({ name: 'fiscal_code', type: 'varchar', length: 16 })
  fiscalCode: string;

  @Column({ name: 'given_name', type: 'varchar', length: 200, nullable: true })
  givenName: string | null;

  @Column({ name: 'family_name', type: 'varchar', length: 200, nullable: true })
  familyName: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A role of a person in one creditor entity. */
@Entity('entity_role')
@Check('entity_role_role_known', `"role" IN ('admin','operator','viewer')`)
@Index('entity_role_entity_idx', ['entityId'])
export class EntityRoleGrant {
  @PrimaryColumn({ name: 'fiscal_code', type: 'varchar', length: 16 })
  fiscalCode: string;

  @PrimaryColumn({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ type: 'varchar', length: 20 })
  role: EntityRole;

  @Column({ name: 'granted_by', type: 'varchar', length: 16, nullable: true })
  grantedBy: string | null;

  @CreateDateColumn({ name: 'granted_at', type: 'timestamptz' })
  grantedAt: Date;
}

/** A role of a person in the intermediary's staff. */
@Entity('intermediary_role')
@Check('intermediary_role_role_known', `"role" IN ('admin','support','readonly')`)
export class IntermediaryRoleGrant {
  @PrimaryColumn({ name: 'fiscal_code', type: 'varchar', length: 16 })
  fiscalCode: string;

  @Column({ type: 'varchar', length: 20 })
  role: IntermediaryRole;

  @Column({ name: 'granted_by', type: 'varchar', length: 16, nullable: true })
  grantedBy: string | null;

  @CreateDateColumn({ name: 'granted_at', type: 'timestamptz' })
  grantedAt: Date;
}

/** An AuthnRequest we sent: its id is accepted once as InResponseTo, before it expires (any replica). */
@Entity('saml_request')
@Index('saml_request_expires_idx', ['expiresAt'])
export class SamlRequest {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  id: string;

  @Column({ name: 'idp_entity_id', type: 'varchar', length: 500 })
  idpEntityId: string;

  @Column({ type: 'varchar', length: 20 })
  app: LoginApp;

  @Column({ type: 'varchar', length: 60 })
  level: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** The signed request as sent, then the response as received: the register SPID asks to keep. */
  @Column({ name: 'request_xml', type: 'text' })
  requestXml: string;

  @Column({ name: 'response_xml', type: 'text', nullable: true })
  responseXml: string | null;

  /** Where the browser goes after a successful login: a path of the app, checked by `safeReturnPath`. */
  @Column({ name: 'return_to', type: 'varchar', length: 1000, nullable: true })
  returnTo: string | null;
}

/** A login session; the cookie holds a random token, the table only its SHA-256. */
@Entity('user_session')
@Index('user_session_fiscal_code_idx', ['fiscalCode'])
export class UserSession {
  @PrimaryColumn({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ name: 'fiscal_code', type: 'varchar', length: 16 })
  fiscalCode: string;

  @Column({ name: 'csrf_token', type: 'varchar', length: 64 })
  csrfToken: string;

  @Column({ name: 'active_entity_id', type: 'uuid', nullable: true })
  activeEntityId: string | null;

  @Column({ name: 'idp_entity_id', type: 'varchar', length: 500 })
  idpEntityId: string;

  @Column({ type: 'varchar', length: 60 })
  level: string;

  @Column({ name: 'name_id', type: 'varchar', length: 500, nullable: true })
  nameId: string | null;

  @Column({ name: 'session_index', type: 'varchar', length: 500, nullable: true })
  sessionIndex: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}

/** A key entity software uses; only its SHA-256 is stored. */
@Entity('api_key')
@Index('api_key_entity_idx', ['entityId'])
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Column({ name: 'key_hash', type: 'char', length: 64, unique: true })
  keyHash: string;

  @Column({ type: 'text', array: true })
  scopes: ApiKeyScope[];

  @Column({ name: 'created_by', type: 'varchar', length: 16 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
