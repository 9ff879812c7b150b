import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Allow, IntermediaryRoles } from '../identity/authorization/permissions';
import { StationJournalService } from './station-journal.service';

export class StationJournalQueryDto {
  @ApiPropertyOptional({ description: 'Operazione, es. paVerifyPaymentNotice' })
  @IsOptional()
  @IsString()
  operation?: string;
  @ApiPropertyOptional({ description: 'Codice fiscale dell’ente (idPA)' })
  @IsOptional()
  @Matches(/^\d{11}$/, { message: 'idPa deve essere un codice fiscale di 11 cifre' })
  idPa?: string;
  @ApiPropertyOptional({ description: 'Numero avviso (18 cifre)' })
  @IsOptional()
  @Matches(/^\d{18}$/, { message: 'noticeNumber deve avere 18 cifre' })
  noticeNumber?: string;
  @ApiPropertyOptional({ enum: ['OK', 'KO'] })
  @IsOptional()
  @IsIn(['OK', 'KO'])
  outcome?: 'OK' | 'KO';
  @ApiPropertyOptional({ description: 'Codice di errore, es. PAA_PAGAMENTO_SCONOSCIUTO' })
  @IsOptional()
  @IsString()
  faultCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() to?: string;
  @ApiPropertyOptional({ description: 'Cursore restituito dalla pagina precedente' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'cursor non valido' })
  cursor?: string;
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;
}

export class StationJournalStatsQueryDto {
  @ApiPropertyOptional({ description: 'Inizio del periodo (predefinito: 24 ore fa)' })
  @IsOptional()
  @IsISO8601()
  from?: string;
  @ApiPropertyOptional({ description: 'Fine del periodo (predefinito: adesso)' })
  @IsOptional()
  @IsISO8601()
  to?: string;
}

export class StationJournalEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty() operation: string;
  @ApiProperty({ type: String, nullable: true }) idPa: string | null;
  @ApiProperty({ type: String, nullable: true }) idBrokerPa: string | null;
  @ApiProperty({ type: String, nullable: true }) idStation: string | null;
  @ApiProperty({ type: String, nullable: true }) noticeNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) pspId: string | null;
  @ApiProperty({ enum: ['OK', 'KO'] }) outcome: 'OK' | 'KO';
  @ApiProperty({ type: String, nullable: true }) faultCode: string | null;
  @ApiProperty({ type: String, nullable: true }) faultDescription: string | null;
  @ApiProperty() httpStatus: number;
  @ApiProperty() latencyMs: number;
  @ApiProperty({ type: String, nullable: true }) remoteAddress: string | null;
  @ApiProperty({ type: String, nullable: true }) correlationId: string | null;
}

export class StationJournalPageDto {
  @ApiProperty({ type: [StationJournalEntryDto] }) items: StationJournalEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class OperationLatencyDto {
  @ApiProperty() operation: string;
  @ApiProperty() calls: number;
  @ApiProperty() ko: number;
  @ApiProperty() p50Ms: number;
  @ApiProperty() p95Ms: number;
  @ApiProperty() p99Ms: number;
  @ApiProperty() maxMs: number;
  @ApiProperty({ description: 'Quota di chiamate con risposta entro 2 secondi (SLA pagoPA: 98%)' })
  within2sRatio: number;
}

export class StationJournalStatsDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [OperationLatencyDto] }) operations: OperationLatencyDto[];
}

@ApiTags('Stazione pagoPA')
@Controller('v1/admin/station-journal')
export class StationJournalController {
  constructor(private readonly journal: StationJournalService) {}

  @Get()
  @Allow(IntermediaryRoles('admin', 'support', 'readonly'))
  @ApiOperation({
    summary: 'Giornale degli eventi della stazione',
    description: 'Le chiamate del Nodo alla stazione, dalla più recente, con filtri e cursore.',
  })
  @ApiOkResponse({ type: StationJournalPageDto })
  async search(@Query() query: StationJournalQueryDto): Promise<StationJournalPageDto> {
    await this.journal.flush();
    const page = await this.journal.search({
      operation: query.operation,
      idPa: query.idPa,
      noticeNumber: query.noticeNumber,
      outcome: query.outcome,
      faultCode: query.faultCode,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      beforeId: query.cursor,
      limit: query.limit,
    });
    return {
      items: page.items.map((item) => ({ ...item, occurredAt: item.occurredAt.toISOString() })),
      nextCursor: page.nextCursor,
    };
  }

  @Get('stats')
  @Allow(IntermediaryRoles('admin', 'support', 'readonly'))
  @ApiOperation({
    summary: 'Tempi di risposta della stazione per operazione',
    description:
      'Percentili 50/95/99 della latenza e quota entro 2 secondi nel periodo (predefinito: ultime 24 ore).',
  })
  @ApiOkResponse({ type: StationJournalStatsDto })
  async stats(@Query() query: StationJournalStatsQueryDto): Promise<StationJournalStatsDto> {
    await this.journal.flush();
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 86_400_000);
    return { from: from.toISOString(), to: to.toISOString(), operations: await this.journal.stats(from, to) };
  }
}
