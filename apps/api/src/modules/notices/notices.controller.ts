import { Body, Controller, Get, HttpStatus, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { type Response } from 'express';
import { ApiErrorCode, type FieldError } from '@pagamenti/contracts';
import { ApiException } from '../../common/api-exception';
import { Actor, RequiresPermission } from '../../common/requires-permission';
import { PositionParam } from '../positions/dto/params';
import { EntityParam } from '../entities/dto/params';
import { Allow, AnyPerson } from '../identity/authorization/permissions';
import { type PersonPrincipal } from '../identity/authorization/principal';
import { CurrentPerson } from '../identity/authorization/request-context';
import { type NoticeBatchSelection } from './batches/notice-batch.entity';
import {
  CreateNoticeBatchDto,
  MyPositionParam,
  NoticeBatchDto,
  NoticeBatchParam,
  ReceiptParam,
} from './dto/notice-batch.dto';
import { type NoticeBatchView, NoticesService, type RenderedPdf } from './notices.service';

function sendPdf(response: Response, { fileName, pdf }: RenderedPdf): void {
  response
    .status(200)
    .setHeader('Content-Type', 'application/pdf')
    .setHeader('Content-Disposition', `attachment; filename="${fileName}"`)
    .setHeader('Cache-Control', 'no-store')
    .setHeader('Content-Length', String(pdf.length))
    .end(pdf);
}

@ApiTags('Avvisi e ricevute')
@Controller('v1/entities/:entityId')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get('positions/:iupd/notice.pdf')
  @RequiresPermission('positions:read')
  @ApiOperation({
    summary: 'Avviso di pagamento in PDF',
    description:
      'Avviso pagoPA (A4) delle opzioni ancora da pagare: pagamento unico e/o rate con codice QR, e il Bollettino ' +
      'Postale PA con Data Matrix quando l’ente incassa su conto postale. 409 se non c’è nulla da pagare (bozza, ' +
      'pagata, annullata, scaduta).',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'Il PDF (Content-Disposition: attachment, avviso-<numero avviso>.pdf)' })
  @ApiNotFoundResponse({ description: '`POSITION_NOT_FOUND`' })
  @ApiConflictResponse({ description: 'Avviso non stampabile, con il motivo' })
  async notice(@Param() { entityId, iupd }: PositionParam, @Res() response: Response): Promise<void> {
    sendPdf(response, await this.notices.noticeOfPosition(entityId, iupd));
  }

  @Get('receipts/:receiptId/receipt.pdf')
  @RequiresPermission('positions:read')
  @ApiOperation({
    summary: 'Ricevuta di pagamento in PDF',
    description:
      'Dalla ricevuta (paSendRT) ricevuta dall’ente: pagatore, PSP, importo, commissione se nota, data, ' +
      'identificativo della ricevuta, versamenti.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'Il PDF (ricevuta-<receiptId>.pdf)' })
  @ApiNotFoundResponse({ description: 'Ricevuta non trovata per l’ente' })
  @ApiConflictResponse({ description: 'Esito del pagamento negativo' })
  async receipt(@Param() { entityId, receiptId }: ReceiptParam, @Res() response: Response): Promise<void> {
    sendPdf(response, await this.notices.receipt(entityId, receiptId));
  }

  @Post('notice-batches')
  @RequiresPermission('positions:read')
  @ApiOperation({
    summary: 'Stampa massiva degli avvisi',
    description:
      'Avvia in background la stampa degli avvisi di una selezione: i filtri dell’elenco posizioni, un elenco di ' +
      'IUPD o le posizioni di un caricamento massivo (esattamente uno dei tre). `pdf`: un PDF unico; `zip`: un PDF ' +
      'per avviso, col numero avviso come nome. Le posizioni senza importi da pagare sono saltate. Avanzamento con ' +
      'GET …/notice-batches/{batchId}; il file resta scaricabile per 7 giorni.',
  })
  @ApiCreatedResponse({ type: NoticeBatchDto })
  @ApiBadRequestResponse({ description: '`VALIDATION_FAILED`' })
  @ApiNotFoundResponse({ description: 'Caricamento massivo non trovato' })
  createBatch(
    @Param() { entityId }: EntityParam,
    @Body() body: CreateNoticeBatchDto,
    @Actor() actor: string,
  ): Promise<NoticeBatchView> {
    return this.notices.createBatch(entityId, body.format, selectionOf(body), actor);
  }

  @Get('notice-batches/:batchId')
  @RequiresPermission('positions:read')
  @ApiOperation({
    summary: 'Avanzamento di una stampa massiva',
    description: 'Fatti/totale, tempo stimato, esito.',
  })
  @ApiOkResponse({ type: NoticeBatchDto })
  @ApiNotFoundResponse()
  batch(@Param() { entityId, batchId }: NoticeBatchParam): Promise<NoticeBatchView> {
    return this.notices.batch(entityId, batchId);
  }

  @Get('notice-batches/:batchId/download')
  @RequiresPermission('positions:read')
  @ApiOperation({
    summary: 'Scarica gli avvisi di una stampa massiva',
    description: '409 finché non è pronta.',
  })
  @ApiProduces('application/pdf', 'application/zip')
  @ApiOkResponse({ description: 'Il PDF unico o lo ZIP' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Non ancora pronta' })
  async download(@Param() { entityId, batchId }: NoticeBatchParam, @Res() response: Response): Promise<void> {
    const file = await this.notices.download(entityId, batchId);
    response
      .status(200)
      .setHeader('Content-Type', file.contentType)
      .setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`)
      .setHeader('Content-Length', String(file.sizeBytes))
      .setHeader('Cache-Control', 'no-store');
    try {
      await file.writeTo(response);
    } catch (error) {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/** Exactly one of filters, iupds and importId. */
export function selectionOf(body: CreateNoticeBatchDto): NoticeBatchSelection {
  const given = (['filters', 'iupds', 'importId'] as const).filter((key) => body[key] !== undefined);
  if (given.length !== 1) {
    const message = 'indica esattamente uno tra filters, iupds e importId';
    const fieldErrors: FieldError[] = [{ field: 'filters', message, rule: 'oneSelection' }];
    throw new ApiException(
      ApiErrorCode.ValidationFailed,
      'Richiesta non valida',
      HttpStatus.BAD_REQUEST,
      fieldErrors,
    );
  }
  if (body.iupds) return { kind: 'iupds', iupds: [...new Set(body.iupds)] };
  if (body.importId) return { kind: 'import', importId: body.importId };
  const filters = Object.fromEntries(
    Object.entries(body.filters ?? {}).filter(([, value]) => value !== undefined && value !== ''),
  ) as Record<string, string | number>;
  return { kind: 'filters', filters };
}

@ApiTags('Area cittadino')
@Controller('v1/me/positions')
export class MyNoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get(':positionId/notice.pdf')
  @Allow(AnyPerson)
  @ApiOperation({
    summary: 'Il mio avviso di pagamento in PDF',
    description:
      'Solo per le posizioni di cui la persona collegata è debitrice; le altre non esistono (404).',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'Il PDF' })
  @ApiNotFoundResponse({ description: '`POSITION_NOT_FOUND`' })
  @ApiConflictResponse({ description: 'Nulla da pagare' })
  async notice(
    @CurrentPerson() person: PersonPrincipal,
    @Param() { positionId }: MyPositionParam,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(response, await this.notices.noticeOfDebtor(person.fiscalCode, positionId));
  }
}
