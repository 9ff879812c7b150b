import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import {
  ENTITY_ROLES,
  type EntityRole,
  INTERMEDIARY_ROLES,
  type IntermediaryRole,
  LOGIN_APPS,
  type LoginApp,
} from '@pagamenti/contracts';

export class IdentityProviderDto {
  @ApiProperty({ description: 'entityID SAML del gestore' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['spid', 'cie'] }) kind: 'spid' | 'cie';
}

export class EntityMembershipDto {
  @ApiProperty() entityId: string;
  @ApiProperty() entityName: string;
  @ApiProperty() entityFiscalCode: string;
  @ApiProperty({ enum: ENTITY_ROLES }) role: EntityRole;
}

export class AuthenticationDto {
  @ApiProperty() idp: string;
  @ApiProperty({ example: 'https://www.spid.gov.it/SpidL2' }) level: string;
  @ApiProperty() at: string;
}

export class CurrentUserDto {
  @ApiProperty({ example: 'RSSMRA80A01H501U' }) fiscalCode: string;
  @ApiProperty() name: string;
  @ApiProperty() familyName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ enum: [true] }) citizen: true;
  @ApiProperty({ type: [EntityMembershipDto] }) entities: EntityMembershipDto[];
  @ApiProperty({ type: String, nullable: true }) activeEntityId: string | null;
  @ApiProperty({ enum: INTERMEDIARY_ROLES, nullable: true }) intermediaryRole: IntermediaryRole | null;
  @ApiProperty({ type: AuthenticationDto }) authentication: AuthenticationDto;
}

export class SessionInfoDto {
  @ApiProperty({ type: CurrentUserDto, nullable: true }) user: CurrentUserDto | null;
}

export class LoginQuery {
  @ApiProperty({ description: 'entityID del gestore di identità (da /api/v1/auth/idps)' })
  @IsString()
  idp: string;

  @ApiProperty({ enum: LOGIN_APPS })
  @IsIn(LOGIN_APPS)
  app: LoginApp;

  @ApiPropertyOptional({
    description:
      'Pagina dell’app a cui tornare dopo l’accesso, es. `/admin/registro-attivita`; ignorata se non è un percorso dell’app',
    maxLength: 1000,
  })
  @IsOptional()
  @IsString()
  returnTo?: string;
}

export class SetActiveEntityDto {
  @ApiProperty() @IsUUID() entityId: string;
}

export class GrantRoleDto {
  @ApiProperty({ enum: ENTITY_ROLES }) @IsIn(ENTITY_ROLES) role: EntityRole;
}

export class FiscalCodeParam {
  @ApiProperty({ example: 'RSSMRA80A01H501U' })
  @Matches(/^[A-Za-z0-9]{16}$/, { message: 'fiscalCode deve essere un codice fiscale di 16 caratteri' })
  fiscalCode: string;
}

export class EntityRoleAssignmentDto {
  @ApiProperty() fiscalCode: string;
  @ApiProperty({ enum: ENTITY_ROLES }) role: EntityRole;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) familyName: string | null;
  @ApiProperty() grantedAt: string;
  @ApiProperty({ type: String, nullable: true }) grantedBy: string | null;
}

export class EntityIdParam {
  @ApiProperty() @IsUUID() entityId: string;
}

export class IdParam {
  @ApiProperty() @IsUUID() id: string;
}

export class ApiKeyWhoAmIDto {
  @ApiProperty() entityId: string;
  @ApiProperty({ type: [String] }) scopes: string[];
}

export class EntityUserParams {
  @ApiProperty() @IsUUID() entityId: string;

  @ApiProperty({ example: 'RSSMRA80A01H501U' })
  @Matches(/^[A-Za-z0-9]{16}$/, { message: 'fiscalCode deve essere un codice fiscale di 16 caratteri' })
  fiscalCode: string;
}
