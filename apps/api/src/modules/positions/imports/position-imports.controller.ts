import { type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { type Page, type PositionImport } from '@pagamenti/contracts';
import { Actor, RequiresPermission } from '../../../common/requires-permission';
import { AuditService } from '../../audit/audit.service';
import { EntityParam } from '../../entities/dto/params';
import { AuditedByService } from '../../identity/authorization/permissions';
import { type AuthorizedRequest } from '../../identity/authorization/request-context';
import {
  DueTypeTemplateParam,
  ListPositionImportsQuery,
  PositionImportDto,
  PositionImportPageDto,
  PositionImportParam,
  UploadPositionImportQuery,
} from './position-import.dto';
import { PositionImportsService } from './position-imports.service';
import { uploadStream } from './upload-body';

const CSV_EXAMPLE =
  'azione;iupd;codice_tipo_dovuto;codice_fiscale_debitore;nome_debitore;causale;rata;importo;scadenza\n' +
  'CREA;;TARI;RSSMRA80A01H501U;Mario Rossi;TARI 2026;;120,00;30/06/2026\n' +
  'CREA;TARI-2026-7;TARI;01199250158;Esempio S.r.l.;TARI 2026;1;60,00;30/06/2026\n' +
  'CREA;TARI-2026-7;TARI;01199250158;Esempio S.r.l.;TARI 2026;2;60,00;30/09/2026\n';

@ApiTags('Caricamento massivo di posizioni')
@Controller('v1/entities/:entityId')
export class PositionImportsController {
  constructor(
    private readonly imports: PositionImportsService,
    private readonly audit: AuditService,
  ) {}

  @Post('position-imports')
  @RequiresPermission('positions:write')
  @AuditedByService()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Carica un file di posizioni',
    description:
      'Corpo `text/csv` (formato in IMPORT.md: punto e virgola, UTF-8 anche con BOM; accettati virgola, ' +
      'Windows-1252 e UTF-16), `application/json` (array di `{ action: CREATE|UPDATE|CANCEL, position }`) o ' +
      '`multipart/form-data` con il file nel campo `file`. Fino a 100 MB e 1.000.000 di righe. Il file è ' +
      'conservato e lavorato in background: la risposta 202 è il caricamento, da seguire con GET …/:id. ' +
      'Con `dryRun=true` ogni riga è verificata e nulla è scritto, tranne il rapporto. Ricaricare lo stesso file ' +
      'non crea doppioni (le righe senza IUPD ne ricevono uno derivato dal file e dal numero di riga).',
  })
  @ApiConsumes('text/csv', 'application/json', 'multipart/form-data')
  @ApiBody({
    schema: { type: 'string', format: 'binary' },
    examples: { csv: { summary: 'CSV: un pagamento unico e un piano in 2 rate', value: CSV_EXAMPLE } },
  })
  @ApiAcceptedResponse({ type: PositionImportDto, description: 'File conservato, caricamento in coda' })
  @ApiBadRequestResponse({
    description:
      'File illeggibile (foglio Excel, binario, vuoto), intestazione con colonne sconosciute o mancanti',
  })
  @ApiPayloadTooLargeResponse({ description: 'Oltre 100 MB o oltre 1.000.000 di righe' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Tipo di contenuto diverso da CSV, JSON o multipart' })
  async upload(
    @Param() { entityId }: EntityParam,
    @Query() query: UploadPositionImportQuery,
    @Actor() actor: string,
    @Req() request: Request & AuthorizedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PositionImport> {
    const length = Number(request.headers['content-length']);
    try {
      const { format, fileName, body } = await uploadStream(
        request as IncomingMessage & Readable,
        query.fileName,
      );
      const created = await this.imports.upload({
        entityId,
        format,
        fileName,
        dryRun: query.dryRun ?? false,
        actor,
        body,
        contentLength: Number.isFinite(length) ? length : null,
      });
      await this.audit.record({
        action: created.dryRun ? 'position-import.verified' : 'position-import.started',
        actor: auditActor(request),
        entityId,
        objectType: 'position-import',
        objectId: created.id,
        details: { fileName: created.fileName, rows: created.totalRows, sizeBytes: created.sizeBytes },
        request,
      });
      response.setHeader('Location', `/api/v1/entities/${entityId}/position-imports/${created.id}`);
      return created;
    } catch (error) {
      // The client may still be sending: close the connection rather than read 100 MB we will not use.
      if (!request.complete) response.setHeader('Connection', 'close');
      throw error;
    }
  }

  @Get('position-imports')
  @RequiresPermission('positions:read')
  @ApiOperation({
    summary: 'Caricamenti dell’ente',
    description: 'Dal più recente, con avanzamento ed esiti.',
  })
  @ApiOkResponse({ type: PositionImportPageDto })
  list(
    @Param() { entityId }: EntityParam,
    @Query() query: ListPositionImportsQuery,
  ): Promise<Page<PositionImport>> {
    return this.imports.list(entityId, query.limit ?? 20, query.cursor);
  }

  @Get('position-imports/:id')
  @RequiresPermission('positions:read')
  @ApiOperation({
    summary: 'Stato di un caricamento',
    description:
      'Righe lavorate sul totale, conteggi (create, aggiornate, annullate, già presenti, righe rifiutate), inizio, ' +
      'fine e secondi stimati alla fine.',
  })
  @ApiOkResponse({ type: PositionImportDto })
  @ApiNotFoundResponse()
  get(@Param() { entityId, id }: PositionImportParam): Promise<PositionImport> {
    return this.imports.get(entityId, id);
  }

  @Get('position-imports/:id/errors.csv')
  @RequiresPermission('positions:read')
  @ApiOperation({
    summary: 'Rapporto degli errori (CSV)',
    description:
      'Le righe rifiutate con le colonne del file così come caricate, più `riga` e `errore` (ogni campo non valido ' +
      'con il nome della colonna). Le celle che inizierebbero con = + - @ hanno un apostrofo davanti. Si può ' +
      'correggere e ricaricare: `riga` ed `errore` sono ignorate.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV UTF-8 con BOM, separato da punto e virgola' })
  async errors(@Param() { entityId, id }: PositionImportParam, @Res() response: Response): Promise<void> {
    await this.sendReport(entityId, id, 'errors', response);
  }

  @Get('position-imports/:id/outcomes.csv')
  @RequiresPermission('positions:read')
  @ApiOperation({
    summary: 'Esito per riga (CSV)',
    description:
      '`riga;azione;iupd;esito;numero_avviso;iuv;messaggio`: esito CREATA, AGGIORNATA, ANNULLATA, GIA_PRESENTE, VALIDA (verifica) o ERRORE.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV UTF-8 con BOM, separato da punto e virgola' })
  async outcomes(@Param() { entityId, id }: PositionImportParam, @Res() response: Response): Promise<void> {
    await this.sendReport(entityId, id, 'outcomes', response);
  }

  @Get('due-types/:code/positions-template.csv')
  @RequiresPermission('positions:read')
  @ApiOperation({
    summary: 'Modello CSV per un tipo dovuto',
    description:
      'Intestazione e tre righe di esempio (un pagamento unico, un piano in due rate) con i dati del tipo dovuto.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV UTF-8 con BOM, separato da punto e virgola' })
  @ApiNotFoundResponse({ description: 'Tipo dovuto sconosciuto' })
  async template(
    @Param() { entityId, code }: DueTypeTemplateParam,
    @Res() response: Response,
  ): Promise<void> {
    const csv = await this.imports.template(entityId, code);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="modello-posizioni-${code}.csv"`);
    response.send(csv);
  }

  private async sendReport(entityId: string, id: string, kind: 'outcomes' | 'errors', response: Response) {
    const fileName = await this.imports.reportFileName(entityId, id, kind);
    const parts = this.imports.report(entityId, id, kind);
    const first = await parts.next();
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    const stream = Readable.from(
      (async function* () {
        if (!first.done) yield first.value;
        yield* parts;
      })(),
    );
    await new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      response.on('finish', resolve);
      response.on('close', resolve);
      stream.pipe(response);
    });
  }
}

function auditActor(request: AuthorizedRequest) {
  const principal = request.principal;
  return principal?.kind === 'person'
    ? { kind: 'person' as const, fiscalCode: principal.fiscalCode }
    : principal?.kind === 'api-key'
      ? { kind: 'api-key' as const, apiKeyId: principal.keyId }
      : { kind: 'anonymous' as const };
}
