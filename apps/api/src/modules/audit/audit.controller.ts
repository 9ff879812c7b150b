import { Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { ApiErrorCode, type AuditOutcome } from '@pagamenti/contracts';
import { ApiException } from '../../common/api-exception';
import { Allow, EntityRoles, IntermediaryRoles } from '../identity/authorization/permissions';
import { type EntityScope } from '../identity/authorization/principal';
import { CurrentEntityScope } from '../identity/authorization/request-context';
import { AuditService, decodeAuditCursor } from './audit.service';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'Prefisso dell’azione, es. auth. o role.' })
  @IsOptional()
  @IsString()
  action?: string;
  @ApiPropertyOptional({ description: 'Codice fiscale di chi ha agito' })
  @IsOptional()
  @IsString()
  actor?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() entityId?: string;
  @ApiPropertyOptional({ enum: ['success', 'failure'] })
  @IsOptional()
  @IsIn(['success', 'failure'])
  outcome?: AuditOutcome;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() to?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() cursor?: string;
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;
}

export class AuditEventDto {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty() action: string;
  @ApiProperty({ enum: ['success', 'failure'] }) outcome: AuditOutcome;
  @ApiProperty({ type: String, nullable: true }) actorFiscalCode: string | null;
  @ApiProperty({ enum: ['person', 'api-key', 'system', 'anonymous'] }) actorKind:
    'person' | 'api-key' | 'system' | 'anonymous';
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: String, nullable: true }) objectType: string | null;
  @ApiProperty({ type: String, nullable: true }) objectId: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) correlationId: string | null;
  @ApiProperty({ type: Object }) details: Record<string, unknown>;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items: AuditEventDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

@ApiTags('Registro attività')
@Controller('v1')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('admin/audit')
  @Allow(IntermediaryRoles('admin', 'support', 'readonly'))
  @ApiOperation({
    summary: 'Registro attività della piattaforma',
    description: 'Dal più recente, con filtri e cursore.',
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  search(@Query() query: AuditQueryDto): Promise<AuditEventPageDto> {
    return this.audit.search(toSearch(query));
  }

  @Get('backoffice/audit')
  @Allow(EntityRoles('admin'))
  @ApiOperation({ summary: 'Registro attività dell’ente attivo' })
  @ApiOkResponse({ type: AuditEventPageDto })
  searchEntity(
    @CurrentEntityScope() scope: EntityScope,
    @Query() query: AuditQueryDto,
  ): Promise<AuditEventPageDto> {
    return this.audit.search({ ...toSearch(query), entityId: scope.entityId });
  }
}

function toSearch(query: AuditQueryDto) {
  const after = query.cursor ? decodeAuditCursor(query.cursor) : undefined;
  if (after === null) {
    throw new ApiException(
      ApiErrorCode.ValidationFailed,
      'Il cursore non è valido.',
      HttpStatus.BAD_REQUEST,
      [{ field: 'cursor', message: 'cursor non valido', rule: 'cursor' }],
    );
  }
  return {
    action: query.action,
    actor: query.actor?.toUpperCase(),
    entityId: query.entityId,
    outcome: query.outcome,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    limit: query.limit,
    after,
  };
}
