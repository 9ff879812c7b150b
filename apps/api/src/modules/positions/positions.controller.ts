import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import {
  type DebtPosition,
  type DebtPositionSummary,
  type Page,
  type PositionHistoryEntry,
} from '@pagamenti/contracts';
import { todayInRome } from '@pagamenti/pagopa';
import { Actor, RequiresPermission } from '../../common/requires-permission';
import { AuditService } from '../audit/audit.service';
import { EntityParam } from '../entities/dto/params';
import { AuditedByService } from '../identity/authorization/permissions';
import { type AuthorizedRequest } from '../identity/authorization/request-context';
import { ExportPositionsQuery, ListPositionsQuery } from './dto/list-positions.query';
import { IuvParam, NoticeNumberParam, PositionParam } from './dto/params';
import {
  CancelDebtPositionDto,
  CreateDebtPositionDto,
  DebtPositionDto,
  DebtPositionPageDto,
  PositionHistoryEntryDto,
  TARI_EXAMPLE,
  UpdateDebtPositionDto,
} from './dto/position.dto';
import { exportFileName, writePositionsCsv, writePositionsXlsx } from './positions-export';
import { invalidPosition } from './positions.errors';
import { decodeListCursor, type PositionFilters, PositionsService } from './positions.service';

const FIELD_ERRORS_DOC =
  '400 `VALIDATION_FAILED` con un errore per campo, es. `options[1].transfers[0].iban`, in italiano.';

@ApiTags('Posizioni debitorie')
@Controller('v1/entities/:entityId/positions')
export class PositionsController {
  constructor(
    private readonly positions: PositionsService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @RequiresPermission('positions:write')
  @AuditedByService()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Crea una posizione debitoria',
    description:
      'Con pagamento unico e/o rate; ogni opzione riceve un numero avviso (cifra ausiliaria 3) e uno IUV. Senza ' +
      '`transfers` un solo versamento all’ente sul conto del tipo dovuto, con la sua tassonomia. Con l’intestazione ' +
      '`Idempotency-Key` la stessa richiesta ripetuta (anche in contemporanea) crea una sola posizione: le ripetizioni ' +
      'rispondono 200 con `Idempotent-Replayed: true`; la stessa chiave con un corpo diverso risponde 409 ' +
      '`IDEMPOTENCY_KEY_REUSED`. ' +
      FIELD_ERRORS_DOC,
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Una chiave nuova per ogni posizione (es. un UUID), 1-100 caratteri ASCII visibili',
  })
  @ApiBody({
    type: CreateDebtPositionDto,
    examples: {
      tari: {
        summary: 'TARI: unica soluzione (con quota TEFA alla Provincia) o 3 rate',
        value: TARI_EXAMPLE,
      },
      minimal: {
        summary: 'Sanzione: pagamento unico, versamento predefinito',
        value: {
          dueTypeCode: 'SANZIONI_CDS',
          debtor: { type: 'F', idValue: 'VRDLCU72C12G482Y', name: 'Luca Verdi' },
          description: 'Verbale n. 1234/2026 - divieto di sosta',
          options: [{ amountCents: 4200, dueDate: '2026-05-31', validityDate: '2026-07-31' }],
        },
      },
    },
  })
  @ApiCreatedResponse({ type: DebtPositionDto, description: 'Creata' })
  @ApiOkResponse({ type: DebtPositionDto, description: 'Ripetizione con la stessa Idempotency-Key' })
  @ApiBadRequestResponse({ description: FIELD_ERRORS_DOC })
  @ApiConflictResponse({
    description: 'IUPD già usato, chiave di idempotenza riusata, ente senza codice di segregazione',
  })
  async create(
    @Param() { entityId }: EntityParam,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Actor() actor: string,
    @Req() request: AuthorizedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DebtPosition> {
    const { position, replayed } = await this.positions.create(entityId, body, actor, {
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    });
    if (replayed) {
      response.status(200).setHeader('Idempotent-Replayed', 'true');
    } else {
      await this.record(request, 'position.created', entityId, position.iupd, { status: position.status });
    }
    return position;
  }

  @Get()
  @RequiresPermission('positions:read')
  @ApiOperation({
    summary: 'Elenco delle posizioni',
    description:
      'Dalla più recente; filtri per stato, tipo dovuto, debitore (codice fiscale esatto o inizio del nome), ' +
      'numero avviso/IUV/IUPD esatti (q), scadenze, data di creazione, importo. Paginazione con cursore.',
  })
  @ApiOkResponse({ type: DebtPositionPageDto })
  async list(
    @Param() { entityId }: EntityParam,
    @Query() query: ListPositionsQuery,
  ): Promise<Page<DebtPositionSummary>> {
    const { limit, cursor, ...filters } = query;
    let after: { createdAt: string; id: string } | undefined;
    if (cursor) {
      after = decodeListCursor(cursor) ?? undefined;
      if (!after) {
        throw invalidPosition([
          {
            field: 'cursor',
            message: 'cursor non valido: usa il nextCursor della pagina precedente',
            rule: 'cursor',
          },
        ]);
      }
    }
    return this.positions.list(entityId, filters, limit, after);
  }

  @Get('export')
  @RequiresPermission('positions:read')
  @ApiOperation({
    summary: 'Esporta l’elenco (CSV o XLSX)',
    description:
      'Gli stessi filtri dell’elenco, senza limite di righe, una riga per posizione. CSV: UTF-8 con BOM, separato da ' +
      'punto e virgola, importi in euro con la virgola, date gg/mm/aaaa (si apre bene in Excel con impostazioni ' +
      'italiane). XLSX: importi e date come numeri e date. Il testo che inizia con = + - @ è preceduto da un apostrofo.',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'Il file, in download (Content-Disposition: attachment)' })
  async export(
    @Param() { entityId }: EntityParam,
    @Query() query: ExportPositionsQuery,
    @Req() request: AuthorizedRequest,
    @Res() response: Response,
  ): Promise<void> {
    const { format, ...filters } = query;
    const entityName = await this.positions.entityName(entityId);
    const fileName = exportFileName(entityName, todayInRome(), format);
    response.status(200);
    response.setHeader(
      'Content-Type',
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    response.setHeader('Cache-Control', 'no-store');
    // Recorded before the download starts: who took which personal data is what the register is for.
    await this.record(request, 'positions.exported', entityId, fileName, { format, filters });
    const pages = this.positions.export(entityId, filters as PositionFilters);
    try {
      if (format === 'csv') await writePositionsCsv(pages, response);
      else await writePositionsXlsx(pages, response, `Posizioni debitorie - ${entityName}`);
    } catch (error) {
      // Headers are gone: the only honest signal left is a broken download.
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }

  @Get('by-notice/:noticeNumber')
  @RequiresPermission('positions:read')
  @ApiOperation({ summary: 'Posizione per numero avviso' })
  @ApiOkResponse({ type: DebtPositionDto })
  @ApiNotFoundResponse({ description: '`POSITION_NOT_FOUND`' })
  byNoticeNumber(@Param() { entityId, noticeNumber }: NoticeNumberParam): Promise<DebtPosition> {
    return this.positions.getByOption(entityId, { noticeNumber });
  }

  @Get('by-iuv/:iuv')
  @RequiresPermission('positions:read')
  @ApiOperation({ summary: 'Posizione per IUV' })
  @ApiOkResponse({ type: DebtPositionDto })
  @ApiNotFoundResponse({ description: '`POSITION_NOT_FOUND`' })
  byIuv(@Param() { entityId, iuv }: IuvParam): Promise<DebtPosition> {
    return this.positions.getByOption(entityId, { iuv });
  }

  @Get(':iupd')
  @RequiresPermission('positions:read')
  @ApiOperation({ summary: 'Una posizione, con opzioni di pagamento e versamenti' })
  @ApiOkResponse({ type: DebtPositionDto })
  @ApiNotFoundResponse({ description: '`POSITION_NOT_FOUND`' })
  get(@Param() { entityId, iupd }: PositionParam): Promise<DebtPosition> {
    return this.positions.get(entityId, iupd);
  }

  @Put(':iupd')
  @RequiresPermission('positions:write')
  @AuditedByService()
  @ApiOperation({
    summary: 'Modifica una posizione',
    description:
      'Sostituisce debitore, descrizione, metadati e opzioni. Ammessa in bozza, da pagare o scaduta, finché nulla è ' +
      'pagato (altrimenti 409 `POSITION_NOT_EDITABLE` con il motivo). Con `version` diversa da quella attuale: 409 ' +
      '`CONFLICT`. Una posizione scaduta con date spostate in avanti torna da pagare. ' +
      FIELD_ERRORS_DOC,
  })
  @ApiBody({ type: UpdateDebtPositionDto })
  @ApiOkResponse({ type: DebtPositionDto })
  @ApiBadRequestResponse({ description: FIELD_ERRORS_DOC })
  @ApiConflictResponse({ description: '`POSITION_NOT_EDITABLE` o versione superata' })
  @ApiNotFoundResponse({ description: '`POSITION_NOT_FOUND`' })
  async update(
    @Param() { entityId, iupd }: PositionParam,
    @Body() body: unknown,
    @Actor() actor: string,
    @Req() request: AuthorizedRequest,
  ): Promise<DebtPosition> {
    const position = await this.positions.update(entityId, iupd, body, actor);
    await this.record(request, 'position.updated', entityId, iupd, { version: position.version });
    return position;
  }

  @Post(':iupd/publish')
  @RequiresPermission('positions:write')
  @AuditedByService()
  @HttpCode(200)
  @ApiOperation({ summary: 'Pubblica una bozza', description: 'DRAFT → VALID: da ora è pagabile.' })
  @ApiOkResponse({ type: DebtPositionDto })
  @ApiConflictResponse({
    description: '`POSITION_NOT_EDITABLE`: non è una bozza, o le opzioni sono tutte scadute',
  })
  @ApiNotFoundResponse({ description: '`POSITION_NOT_FOUND`' })
  async publish(
    @Param() { entityId, iupd }: PositionParam,
    @Actor() actor: string,
    @Req() request: AuthorizedRequest,
  ): Promise<DebtPosition> {
    const position = await this.positions.publish(entityId, iupd, actor);
    await this.record(request, 'position.published', entityId, iupd, {});
    return position;
  }

  @Post(':iupd/cancel')
  @RequiresPermission('positions:write')
  @AuditedByService()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Annulla una posizione',
    description:
      'Da bozza, da pagare o scaduta, se nulla è pagato; definitivo. I numeri avviso non vengono più riusati e ' +
      'pagoPA riceve PAA_PAGAMENTO_ANNULLATO.',
  })
  @ApiBody({ type: CancelDebtPositionDto })
  @ApiOkResponse({ type: DebtPositionDto })
  @ApiBadRequestResponse({ description: 'Motivo mancante' })
  @ApiConflictResponse({ description: '`POSITION_NOT_EDITABLE`: già pagata o già annullata' })
  @ApiNotFoundResponse({ description: '`POSITION_NOT_FOUND`' })
  async cancel(
    @Param() { entityId, iupd }: PositionParam,
    @Body() body: unknown,
    @Actor() actor: string,
    @Req() request: AuthorizedRequest,
  ): Promise<DebtPosition> {
    const position = await this.positions.cancel(entityId, iupd, body, actor);
    await this.record(request, 'position.cancelled', entityId, iupd, {});
    return position;
  }

  @Get(':iupd/history')
  @RequiresPermission('positions:read')
  @ApiOperation({
    summary: 'Storia della posizione',
    description:
      'Creazione, modifiche, pubblicazione, annullamento, pagamenti, scadenza: chi, quando, perché.',
  })
  @ApiOkResponse({ type: [PositionHistoryEntryDto] })
  @ApiNotFoundResponse({ description: '`POSITION_NOT_FOUND`' })
  history(@Param() { entityId, iupd }: PositionParam): Promise<PositionHistoryEntry[]> {
    return this.positions.history(entityId, iupd);
  }

  /** The operator's write in the activity register, with the entity (also when staff act on it). */
  private record(
    request: AuthorizedRequest,
    action: string,
    entityId: string,
    objectId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    const principal = request.principal;
    return this.audit.record({
      action,
      actor:
        principal?.kind === 'person'
          ? { kind: 'person', fiscalCode: principal.fiscalCode }
          : principal?.kind === 'api-key'
            ? { kind: 'api-key', apiKeyId: principal.keyId }
            : { kind: 'anonymous' },
      entityId,
      objectType: 'debt-position',
      objectId,
      details,
      request: request as Request,
    });
  }
}
