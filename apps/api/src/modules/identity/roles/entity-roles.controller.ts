import { Body, Controller, Delete, Get, HttpCode, Param, Put, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Request } from 'express';
import { Allow, AuditedByService, EntityRoles } from '../authorization/permissions';
import { type EntityScope, type PersonPrincipal } from '../authorization/principal';
import { CurrentEntityScope, CurrentPerson } from '../authorization/request-context';
import { EntityRoleAssignmentDto, FiscalCodeParam, GrantRoleDto } from '../dto/identity.dto';
import { IdentityService } from '../identity.service';

/** The people of the active entity, managed by its admins. */
@ApiTags('Utenti dell’ente')
@Controller('v1/backoffice/users')
export class EntityRolesController {
  constructor(private readonly identity: IdentityService) {}

  @Get()
  @Allow(EntityRoles('admin'))
  @ApiOperation({ summary: 'Utenti dell’ente attivo e loro ruoli' })
  @ApiOkResponse({ type: [EntityRoleAssignmentDto] })
  list(@CurrentEntityScope() scope: EntityScope): Promise<EntityRoleAssignmentDto[]> {
    return this.identity.listEntityRoles(scope);
  }

  @Put(':fiscalCode')
  @Allow(EntityRoles('admin'))
  @AuditedByService()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Invita una persona o cambia il suo ruolo',
    description: 'Per codice fiscale: vale dal suo prossimo accesso.',
  })
  @ApiNoContentResponse()
  grant(
    @CurrentEntityScope() scope: EntityScope,
    @CurrentPerson() person: PersonPrincipal,
    @Param() params: FiscalCodeParam,
    @Body() body: GrantRoleDto,
    @Req() request: Request,
  ): Promise<void> {
    return this.identity.grantEntityRole(scope, params.fiscalCode, body.role, person, request);
  }

  @Delete(':fiscalCode')
  @Allow(EntityRoles('admin'))
  @AuditedByService()
  @HttpCode(204)
  @ApiOperation({ summary: 'Toglie ogni ruolo nell’ente a una persona' })
  @ApiNoContentResponse()
  revoke(
    @CurrentEntityScope() scope: EntityScope,
    @CurrentPerson() person: PersonPrincipal,
    @Param() params: FiscalCodeParam,
    @Req() request: Request,
  ): Promise<void> {
    return this.identity.revokeEntityRole(scope, params.fiscalCode, person, request);
  }
}
