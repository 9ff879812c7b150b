import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataChangeAuditInterceptor } from '../audit/data-change-audit.interceptor';
import { CreditorEntity } from '../entities/creditor-entity.entity';
import { ApiKeysController, IntegrationWhoAmIController } from './api-keys/api-keys.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuthController } from './auth.controller';
import { AuthorizationGuard } from './authorization/authorization.guard';
import { IdentityCleanupHandler } from './identity-cleanup.handler';
import { IdentityDemoSeedService } from './identity-demo-seed.service';
import {
  ApiKey,
  EntityRoleGrant,
  IntermediaryRoleGrant,
  Person,
  SamlRequest,
  UserSession,
} from './identity.entities';
import { IdentityService } from './identity.service';
import { MeController } from './me.controller';
import { EntityRolesController } from './roles/entity-roles.controller';
import { IntermediaryEntitiesService } from './roles/intermediary-entities.service';
import { IntermediaryRolesController } from './roles/intermediary-roles.controller';
import { RolesRepository } from './roles/roles.repository';
import { IdpRegistryService } from './saml/idp-registry.service';
import { SamlService } from './saml/saml.service';
import { SpCredentialsService } from './saml/sp-credentials.service';
import { SessionsService } from './sessions/sessions.service';

/** SPID/CIE login (SAML SP), sessions, roles and tenancy, API keys; the global authorization guard. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Person,
      EntityRoleGrant,
      IntermediaryRoleGrant,
      SamlRequest,
      UserSession,
      ApiKey,
      CreditorEntity,
    ]),
  ],
  controllers: [
    AuthController,
    MeController,
    EntityRolesController,
    IntermediaryRolesController,
    ApiKeysController,
    IntegrationWhoAmIController,
  ],
  providers: [
    SpCredentialsService,
    IdpRegistryService,
    SamlService,
    SessionsService,
    RolesRepository,
    IdentityService,
    IntermediaryEntitiesService,
    ApiKeysService,
    IdentityDemoSeedService,
    IdentityCleanupHandler,
    { provide: APP_GUARD, useClass: AuthorizationGuard },
    { provide: APP_INTERCEPTOR, useClass: DataChangeAuditInterceptor },
  ],
  exports: [SessionsService, IdentityDemoSeedService, RolesRepository],
})
export class IdentityModule {}
