import { HttpStatus, Injectable } from '@nestjs/common';
import { type Request } from 'express';
import {
  ApiErrorCode,
  type CurrentUser,
  type EntityRole,
  type EntityRoleAssignment,
  type IdentityProviderSummary,
} from '@pagamenti/contracts';
import { isValidPersonFiscalCode } from '@pagamenti/pagopa';
import { ApiException } from '../../common/api-exception';
import { AuditService } from '../audit/audit.service';
import { type EntityScope, type PersonPrincipal } from './authorization/principal';
import { RolesRepository } from './roles/roles.repository';
import { IdpRegistryService } from './saml/idp-registry.service';
import { type VerifiedLogin } from './saml/saml.service';
import { SessionsService } from './sessions/sessions.service';

/** Rules of identity: who the current user is, which entity they work on, who may hold which role. */
@Injectable()
export class IdentityService {
  constructor(
    private readonly roles: RolesRepository,
    private readonly sessions: SessionsService,
    private readonly idps: IdpRegistryService,
    private readonly audit: AuditService,
  ) {}

  async identityProviders(): Promise<IdentityProviderSummary[]> {
    return (await this.idps.list()).map(({ id, name, kind }) => ({ id, name, kind }));
  }

  /** After a verified SAML response: remembers the person, opens a session, writes the audit line. */
  async completeLogin(login: VerifiedLogin, request: Request) {
    await this.roles.upsertPerson({
      fiscalCode: login.fiscalCode,
      givenName: login.givenName,
      familyName: login.familyName,
      email: login.email,
      lastLoginAt: new Date(),
    });
    const session = await this.sessions.create({
      fiscalCode: login.fiscalCode,
      idpEntityId: login.idpEntityId,
      level: login.level,
      nameId: login.nameId,
      sessionIndex: login.sessionIndex,
    });
    await this.audit.record({
      action: 'auth.login',
      actor: { kind: 'person', fiscalCode: login.fiscalCode },
      details: { idp: login.idpEntityId, level: login.level, app: login.app },
      request,
    });
    return session;
  }

  async logout(principal: PersonPrincipal, request: Request): Promise<void> {
    await this.sessions.destroy(principal.sessionTokenHash);
    await this.audit.record({
      action: 'auth.logout',
      actor: { kind: 'person', fiscalCode: principal.fiscalCode },
      request,
    });
  }

  async currentUser(principal: PersonPrincipal): Promise<CurrentUser> {
    const [person, entities] = await Promise.all([
      this.roles.findPerson(principal.fiscalCode),
      this.roles.membershipsOf(principal.fiscalCode),
    ]);
    return {
      fiscalCode: principal.fiscalCode,
      name: person?.givenName ?? '',
      familyName: person?.familyName ?? '',
      email: person?.email ?? null,
      citizen: true,
      entities,
      activeEntityId: principal.activeEntityId,
      intermediaryRole: principal.intermediaryRole,
      authentication: {
        idp: principal.idpEntityId,
        level: principal.level,
        at: principal.authenticatedAt.toISOString(),
      },
    };
  }

  async switchEntity(principal: PersonPrincipal, entityId: string, request: Request): Promise<CurrentUser> {
    if (!principal.entityRoles.has(entityId)) {
      throw new ApiException(ApiErrorCode.Forbidden, 'Non hai ruoli in questo ente.', HttpStatus.FORBIDDEN);
    }
    await this.sessions.setActiveEntity(principal.sessionTokenHash, entityId);
    await this.audit.record({
      action: 'auth.entity-switched',
      actor: { kind: 'person', fiscalCode: principal.fiscalCode },
      entityId,
      request,
    });
    return this.currentUser({ ...principal, activeEntityId: entityId });
  }

  async listEntityRoles(scope: EntityScope): Promise<EntityRoleAssignment[]> {
    const rows = await this.roles.listEntityRoles(scope);
    return rows.map((row) => ({
      fiscalCode: row.fiscalCode,
      role: row.role,
      name: row.givenName,
      familyName: row.familyName,
      grantedAt: new Date(row.grantedAt).toISOString(),
      grantedBy: row.grantedBy,
    }));
  }

  /** Entity admins invite operators (or change a role) by fiscal code; the person need not have logged in yet. */
  async grantEntityRole(
    scope: EntityScope,
    fiscalCode: string,
    role: EntityRole,
    actor: PersonPrincipal | null,
    request: Request,
  ): Promise<void> {
    const code = fiscalCode.toUpperCase();
    if (!isValidPersonFiscalCode(code)) {
      throw new ApiException(
        ApiErrorCode.ValidationFailed,
        'Codice fiscale non valido.',
        HttpStatus.BAD_REQUEST,
        [{ field: 'fiscalCode', message: 'Codice fiscale non valido', rule: 'fiscalCode' }],
      );
    }
    const previous = await this.roles.findEntityRole(scope, code);
    if (previous === 'admin' && role !== 'admin') await this.ensureAnotherAdmin(scope);
    await this.roles.grantEntityRole(scope, code, role, actor?.fiscalCode ?? null);
    await this.audit.record({
      action: previous ? 'role.entity.changed' : 'role.entity.granted',
      actor: actor ? { kind: 'person', fiscalCode: actor.fiscalCode } : { kind: 'system' },
      entityId: scope.entityId,
      objectType: 'person',
      objectId: code,
      details: { role, previous },
      request,
    });
  }

  async revokeEntityRole(
    scope: EntityScope,
    fiscalCode: string,
    actor: PersonPrincipal,
    request: Request,
  ): Promise<void> {
    const code = fiscalCode.toUpperCase();
    const previous = await this.roles.findEntityRole(scope, code);
    if (!previous)
      throw new ApiException(
        ApiErrorCode.NotFound,
        'Questa persona non ha ruoli nell’ente.',
        HttpStatus.NOT_FOUND,
      );
    if (previous === 'admin') await this.ensureAnotherAdmin(scope);
    await this.roles.revokeEntityRole(scope, code);
    await this.audit.record({
      action: 'role.entity.revoked',
      actor: { kind: 'person', fiscalCode: actor.fiscalCode },
      entityId: scope.entityId,
      objectType: 'person',
      objectId: code,
      details: { previous },
      request,
    });
  }

  private async ensureAnotherAdmin(scope: EntityScope): Promise<void> {
    if ((await this.roles.countAdmins(scope)) <= 1) {
      throw new ApiException(
        ApiErrorCode.Conflict,
        'L’ente deve avere almeno un amministratore.',
        HttpStatus.CONFLICT,
      );
    }
  }
}
