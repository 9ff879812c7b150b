import { Controller, Get, HttpCode, Param, Put, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Request } from 'express';
import { Allow, AuditedByService, IntermediaryRoles } from '../authorization/permissions';
import { type PersonPrincipal } from '../authorization/principal';
import { CurrentPerson } from '../authorization/request-context';
import { EntityIdParam, EntityRoleAssignmentDto, EntityUserParams } from '../dto/identity.dto';
import { IdentityService } from '../identity.service';
import { IntermediaryEntitiesService } from './intermediary-entities.service';

/** Intermediary staff see every entity's users; intermediary admins appoint entity admins. */
@ApiTags('Utenti dell’ente')
@Controller('v1/admin/entities/:entityId/users')
export class IntermediaryRolesController {
  constructor(
    private readonly identity: IdentityService,
    private readonly entities: IntermediaryEntitiesService,
  ) {}

  @Get()
  @Allow(IntermediaryRoles('admin', 'support', 'readonly'))
  @ApiOperation({ summary: 'Utenti di un ente e loro ruoli' })
  @ApiOkResponse({ type: [EntityRoleAssignmentDto] })
  async list(@Param() params: EntityIdParam): Promise<EntityRoleAssignmentDto[]> {
    return this.identity.listEntityRoles(await this.entities.scopeOf(params.entityId));
  }

  @Put(':fiscalCode/admin')
  @Allow(IntermediaryRoles('admin'))
  @AuditedByService()
  @HttpCode(204)
  @ApiOperation({ summary: 'Nomina un amministratore dell’ente', description: 'Per codice fiscale.' })
  @ApiNoContentResponse()
  async appoint(
    @Param() params: EntityUserParams,
    @CurrentPerson() person: PersonPrincipal,
    @Req() request: Request,
  ): Promise<void> {
    const scope = await this.entities.scopeOf(params.entityId);
    await this.identity.grantEntityRole(scope, params.fiscalCode, 'admin', person, request);
  }
}
