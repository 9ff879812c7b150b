import { HttpStatus, Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { type Writable } from 'node:stream';
import { ApiErrorCode, type NoticeBatch } from '@pagamenti/contracts';
import { ApiException } from '../../common/api-exception';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { JobsService } from '../jobs/jobs.service';
import {
  type NoticeBatchFormat,
  type NoticeBatchRow,
  type NoticeBatchSelection,
} from './batches/notice-batch.entity';
import { EntityLogos } from './entity-logos';
import {
  notPrintableReason,
  type NoticeCreditor,
  type NoticeSource,
  toNoticeDocument,
  toReceiptDocument,
} from './notice-mapper';
import { type NoticeEntityRow, NoticesRepository } from './notices.repository';
import { RenderPool } from './render-pool';

export const NOTICE_BATCH_JOB = 'notices.batch';
/** Batches and their files are kept this long, then dropped when the entity asks for a new batch. */
export const BATCH_RETENTION_DAYS = 7;

export interface RenderedPdf {
  fileName: string;
  pdf: Buffer;
}

/** A batch as the API shows it (wire type of libs/contracts). */
export type NoticeBatchView = NoticeBatch;

const notFound = (message: string) => new ApiException(ApiErrorCode.NotFound, message, HttpStatus.NOT_FOUND);
const positionNotFound = () =>
  new ApiException(ApiErrorCode.PositionNotFound, 'Posizione debitoria non trovata', HttpStatus.NOT_FOUND);

/**
 * Notices and receipts as PDFs: one at a time for the back office, the entity software and the citizen area,
 * and in batches (a background job, `NoticeBatchHandler`). Rendering runs in worker threads (`RenderPool`).
 */
@Injectable()
export class NoticesService implements OnModuleDestroy {
  readonly pool: RenderPool;

  constructor(
    private readonly notices: NoticesRepository,
    private readonly logos: EntityLogos,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pool = new RenderPool(config.notices.renderThreads);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.close();
  }

  /** The entity's data for its notices, logo included. */
  async creditor(entity: NoticeEntityRow): Promise<NoticeCreditor> {
    const logo = await this.logos.logoOf(entity.logoUrl);
    return {
      fiscalCode: entity.fiscalCode,
      name: entity.name,
      cbillCode: entity.cbillCode,
      noticeLanguages: entity.noticeLanguages,
      email: entity.email,
      phone: entity.phone,
      ...(logo ? { logo } : {}),
    };
  }

  async noticeOfPosition(entityId: string, iupd: string): Promise<RenderedPdf> {
    const positionId = await this.notices.positionIdByIupd(entityId, iupd);
    if (!positionId) throw positionNotFound();
    return this.render(entityId, positionId);
  }

  /** A citizen's own notice: only when the logged-in person is the debtor, otherwise it does not exist. */
  async noticeOfDebtor(fiscalCode: string, positionId: string): Promise<RenderedPdf> {
    const position = /^[0-9a-f-]{36}$/i.test(positionId)
      ? await this.notices.positionOfDebtor(positionId, fiscalCode)
      : null;
    if (!position) throw positionNotFound();
    return this.render(position.entityId, position.id);
  }

  async receipt(entityId: string, receiptId: string): Promise<RenderedPdf> {
    const receipt = await this.notices.receiptOfEntity(entityId, receiptId);
    if (!receipt) throw notFound('Ricevuta non trovata');
    if (receipt.outcome !== 'OK') {
      throw new ApiException(
        ApiErrorCode.Conflict,
        'Il pagamento non è andato a buon fine: non c’è una ricevuta da stampare',
        HttpStatus.CONFLICT,
      );
    }
    const names = await this.notices.entityNames([
      ...new Set(receipt.transfers.map((transfer) => transfer.beneficiaryFiscalCode)),
    ]);
    const pdf = await this.pool.renderReceipt(toReceiptDocument(receipt, names));
    return { fileName: `ricevuta-${receipt.receiptId}.pdf`, pdf };
  }

  private async render(entityId: string, positionId: string): Promise<RenderedPdf> {
    const [source] = await this.notices.noticeSources(entityId, [positionId]);
    const entity = await this.notices.findEntity(entityId);
    if (!source || !entity) throw positionNotFound();
    const reason = notPrintableReason(source);
    if (reason) {
      throw new ApiException(ApiErrorCode.Conflict, `Avviso non stampabile: ${reason}`, HttpStatus.CONFLICT);
    }
    const pdf = await this.pool.renderNotice(toNoticeDocument(source, await this.creditor(entity)));
    return { fileName: noticeFileName(source), pdf };
  }

  // ---------------------------------------------------------------- batches

  async createBatch(
    entityId: string,
    format: NoticeBatchFormat,
    selection: NoticeBatchSelection,
    requestedBy: string,
  ): Promise<NoticeBatchView> {
    if (!(await this.notices.findEntity(entityId))) throw notFound('Ente non trovato');
    if (selection.kind === 'import' && !(await this.notices.importExists(entityId, selection.importId))) {
      throw notFound('Caricamento massivo non trovato');
    }
    await this.notices.purgeBatches(entityId, BATCH_RETENTION_DAYS);
    const batch = await this.notices.insertBatch({ entityId, format, selection, requestedBy });
    const job = await this.jobs.enqueue({
      type: NOTICE_BATCH_JOB,
      payload: { batchId: batch.id },
      dedupeKey: `${NOTICE_BATCH_JOB}:${batch.id}`,
      maxAttempts: 3,
    });
    await this.notices.setBatchJob(batch.id, job.id);
    return toBatchView(batch);
  }

  async batch(entityId: string, batchId: string): Promise<NoticeBatchView> {
    return toBatchView(await this.requireBatch(entityId, batchId));
  }

  /** The batch's file, streamed piece by piece from the database (any replica can serve it). */
  async download(
    entityId: string,
    batchId: string,
  ): Promise<{
    fileName: string;
    sizeBytes: number;
    contentType: string;
    writeTo: (out: Writable) => Promise<void>;
  }> {
    const batch = await this.requireBatch(entityId, batchId);
    if (batch.status !== 'succeeded' || !batch.fileName) {
      throw new ApiException(ApiErrorCode.Conflict, 'Gli avvisi non sono ancora pronti', HttpStatus.CONFLICT);
    }
    const chunks = await this.notices.chunkCount(batch.id);
    return {
      fileName: batch.fileName,
      sizeBytes: Number(batch.sizeBytes ?? 0),
      contentType: batch.format === 'pdf' ? 'application/pdf' : 'application/zip',
      writeTo: async (out) => {
        for (let seq = 0; seq < chunks; seq++) {
          const data = await this.notices.chunk(batch.id, seq);
          if (!data) throw new Error(`piece ${seq} of notice batch ${batch.id} is missing`);
          if (!out.write(data)) await new Promise((resolve) => out.once('drain', resolve));
        }
        out.end();
      },
    };
  }

  private async requireBatch(entityId: string, batchId: string): Promise<NoticeBatchRow> {
    const batch = /^[0-9a-f-]{36}$/i.test(batchId) ? await this.notices.findBatch(entityId, batchId) : null;
    if (!batch) throw notFound('Stampa massiva non trovata');
    return batch;
  }
}

/** `avviso-<notice number>.pdf`: the single payment's number, or the first instalment's. */
export function noticeFileName(source: NoticeSource): string {
  const first =
    source.options.find((option) => option.installment === null && option.status === 'UNPAID') ??
    source.options.find((option) => option.status === 'UNPAID') ??
    source.options[0];
  return `avviso-${first?.noticeNumber ?? source.iupd.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`;
}

export function toBatchView(batch: NoticeBatchRow, now = Date.now()): NoticeBatchView {
  let secondsLeft: number | null = null;
  if (batch.status === 'running' && batch.startedAt && batch.total && batch.done > 0) {
    const elapsed = (now - batch.startedAt.getTime()) / 1000;
    secondsLeft = Math.max(0, Math.round((elapsed / batch.done) * (batch.total - batch.done)));
  }
  return {
    id: batch.id,
    format: batch.format,
    status: batch.status,
    total: batch.total,
    done: batch.done,
    skipped: batch.skipped,
    pages: batch.pages,
    secondsLeft,
    fileName: batch.fileName,
    sizeBytes: batch.sizeBytes === null ? null : Number(batch.sizeBytes),
    error: batch.error,
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt ? batch.finishedAt.toISOString() : null,
  };
}
