import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Request } from 'express';
import { ApiErrorCode } from '@pagamenti/contracts';
import { ApiException } from '../../../common/api-exception';
import { AuditService } from '../../audit/audit.service';
import { Allow, ApiKeyScopes, AuditedByService, EntityRoles } from '../authorization/permissions';
import {
  type ApiKeyPrincipal,
  type EntityScope,
  type PersonPrincipal,
  type Principal,
} from '../authorization/principal';
import { CurrentEntityScope, CurrentPerson, CurrentPrincipal } from '../authorization/request-context';
import { ApiKeyWhoAmIDto, IdParam } from '../dto/identity.dto';
import { ApiKeySummaryDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-keys.dto';
import { ApiKeysService } from './api-keys.service';

@ApiTags('Chiavi API')
@Controller('v1/backoffice/api-keys')
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Allow(EntityRoles('admin'))
  @ApiOperation({ summary: 'Chiavi API dell’ente attivo' })
  @ApiOkResponse({ type: [ApiKeySummaryDto] })
  list(@CurrentEntityScope() scope: EntityScope): Promise<ApiKeySummaryDto[]> {
    return this.keys.list(scope);
  }

  @Post()
  @Allow(EntityRoles('admin'))
  @AuditedByService()
  @ApiOperation({
    summary: 'Crea una chiave API',
    description: 'La chiave in chiaro compare solo in questa risposta.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  async create(
    @CurrentEntityScope() scope: EntityScope,
    @CurrentPerson() person: PersonPrincipal,
    @Body() body: CreateApiKeyDto,
    @Req() request: Request,
  ): Promise<CreatedApiKeyDto> {
    const created = await this.keys.create(scope, body, person.fiscalCode);
    await this.audit.record({
      action: 'api-key.created',
      actor: { kind: 'person', fiscalCode: person.fiscalCode },
      entityId: scope.entityId,
      objectType: 'api-key',
      objectId: created.id,
      details: { name: created.name, scopes: created.scopes },
      request,
    });
    return created;
  }

  @Delete(':id')
  @Allow(EntityRoles('admin'))
  @AuditedByService()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoca una chiave API' })
  @ApiNoContentResponse()
  async revoke(
    @CurrentEntityScope() scope: EntityScope,
    @CurrentPerson() person: PersonPrincipal,
    @Param() params: IdParam,
    @Req() request: Request,
  ): Promise<void> {
    const revoked = await this.keys.revoke(scope, params.id);
    if (!revoked) throw new ApiException(ApiErrorCode.NotFound, 'Chiave non trovata.', HttpStatus.NOT_FOUND);
    await this.audit.record({
      action: 'api-key.revoked',
      actor: { kind: 'person', fiscalCode: person.fiscalCode },
      entityId: scope.entityId,
      objectType: 'api-key',
      objectId: params.id,
      request,
    });
  }
}

/** For entity software: checks a key and says which entity and scopes it carries. */
@ApiTags('Chiavi API')
@Controller('v1/integration')
export class IntegrationWhoAmIController {
  @Get('whoami')
  @Allow(ApiKeyScopes())
  @ApiOperation({
    summary: 'Verifica la chiave API',
    description: 'Intestazione `Authorization: Bearer <chiave>` o `X-Api-Key`.',
  })
  @ApiOkResponse({ type: ApiKeyWhoAmIDto })
  whoami(@CurrentPrincipal() principal: Principal): ApiKeyWhoAmIDto {
    const key = principal as ApiKeyPrincipal;
    return { entityId: key.entityId, scopes: key.scopes };
  }
}
