import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type JobContext, type JobHandler } from '../../jobs/job-handler';
import { type Job } from '../../jobs/job.entity';
import { JobWorker } from '../../jobs/job-worker.service';
import { type PositionFilters, PositionsService } from '../../positions/positions.service';
import { notPrintableReason, toNoticeDocument } from '../notice-mapper';
import { NoticesRepository } from '../notices.repository';
import { NOTICE_BATCH_JOB, noticeFileName, NoticesService } from '../notices.service';
import { type BatchOutput, ChunkedSink, MergedPdfOutput, ZipOutput } from './batch-outputs';
import { type NoticeBatchRow } from './notice-batch.entity';

/** Most notices one batch prints (a whole year of a large municipality's TARI fits). */
export const MAX_BATCH_NOTICES = 50_000;
/** Positions read from the database at a time. */
const PAGE = 200;
/** Renders in flight per rendering thread: enough to keep the threads busy, few enough to keep memory flat. */
const WINDOW_PER_THREAD = 4;
const REPORT_EVERY_MS = 1000;

/** A batch that cannot be printed at all: recorded as failed, not retried. */
class BatchRefused extends Error {}

/**
 * Prints a notice batch: resolves the selection to position ids, then reads the positions a page at a time,
 * renders their notices in the rendering threads (a bounded window, written in order) and streams them into the
 * merged PDF or the ZIP, stored in 1 MiB pieces. Memory stays flat whatever the batch size: a page of
 * positions, the window of PDFs, and the merged file's offset table. A crash restarts the batch from scratch
 * (`startBatch` drops the partial file).
 */
@Injectable()
export class NoticeBatchHandler implements JobHandler, OnModuleInit {
  readonly type = NOTICE_BATCH_JOB;
  private readonly logger = new Logger(NoticeBatchHandler.name);

  constructor(
    private readonly worker: JobWorker,
    private readonly notices: NoticesRepository,
    private readonly service: NoticesService,
    private readonly positions: PositionsService,
  ) {}

  onModuleInit(): void {
    this.worker.register(this);
  }

  async run(job: Job, context: JobContext): Promise<Record<string, unknown>> {
    const batchId = String(job.payload['batchId'] ?? '');
    const batch = await this.notices.findBatchById(batchId);
    if (!batch) return { batchId, missing: true };
    if (batch.status === 'succeeded') return { batchId, alreadyDone: true };
    await this.notices.startBatch(batch.id);
    try {
      return await this.print(batch, context);
    } catch (error) {
      const message =
        error instanceof BatchRefused
          ? error.message
          : 'Errore durante la stampa degli avvisi: riprova più tardi';
      await this.notices.failBatch(batch.id, message);
      if (error instanceof BatchRefused) return { batchId, refused: message };
      throw error;
    }
  }

  private async print(batch: NoticeBatchRow, context: JobContext): Promise<Record<string, unknown>> {
    const entity = await this.notices.findEntity(batch.entityId);
    if (!entity) throw new BatchRefused('Ente non trovato');
    const ids = await this.selectedIds(batch);
    if (ids.length > MAX_BATCH_NOTICES) {
      throw new BatchRefused(
        `Selezione troppo ampia: ${ids.length} posizioni, al massimo ${MAX_BATCH_NOTICES} per stampa`,
      );
    }
    const total = ids.length;
    let done = 0;
    let skipped = 0;
    let printed = 0;
    await this.notices.reportBatch(batch.id, { total, done, skipped });
    await context.reportProgress(0, total);
    const creditor = await this.service.creditor(entity);
    const sink = new ChunkedSink((seq, data) => this.notices.insertChunk(batch.id, seq, data));
    const output: BatchOutput = batch.format === 'pdf' ? new MergedPdfOutput(sink) : new ZipOutput(sink);
    const window: Promise<{ name: string; pdf: Buffer }>[] = [];
    const limit = this.service.pool.threads * WINDOW_PER_THREAD;
    let reportedAt = Date.now();
    const writeOldest = async () => {
      const { name, pdf } = await (window.shift() as Promise<{ name: string; pdf: Buffer }>);
      await output.add(name, pdf);
      printed++;
      done++;
      if (Date.now() - reportedAt >= REPORT_EVERY_MS) {
        reportedAt = Date.now();
        await this.notices.reportBatch(batch.id, { done, skipped });
        await context.reportProgress(done, total);
      }
    };
    try {
      for (let start = 0; start < ids.length; start += PAGE) {
        const sources = await this.notices.noticeSources(batch.entityId, ids.slice(start, start + PAGE));
        skipped += Math.min(PAGE, ids.length - start) - sources.length; // deleted meanwhile
        done += Math.min(PAGE, ids.length - start) - sources.length;
        for (const source of sources) {
          if (notPrintableReason(source)) {
            skipped++;
            done++;
            continue;
          }
          const name = noticeFileName(source);
          const rendering = this.service.pool
            .renderNotice(toNoticeDocument(source, creditor))
            .then((pdf) => ({ name, pdf }));
          rendering.catch(() => undefined); // awaited in order by writeOldest
          window.push(rendering);
          if (window.length >= limit) await writeOldest();
        }
      }
      while (window.length) await writeOldest();
    } finally {
      // a failure leaves renders in flight: let them settle before the job ends
      await Promise.allSettled(window);
    }
    if (!printed) {
      await this.notices.reportBatch(batch.id, { done, skipped });
      throw new BatchRefused(
        total
          ? 'Nessun avviso da stampare: le posizioni scelte non hanno importi da pagare'
          : 'Nessuna posizione scelta',
      );
    }
    const { pages } = await output.finish();
    await sink.close();
    const fileName = `avvisi-${entity.fiscalCode}-${new Date().toISOString().slice(0, 10)}-${batch.id.slice(0, 8)}.${batch.format}`;
    await this.notices.finishBatch(batch.id, { fileName, sizeBytes: sink.size, pages, done, skipped });
    await context.reportProgress(done, total);
    this.logger.log({ batchId: batch.id, printed, skipped, pages, bytes: sink.size }, 'Notice batch printed');
    return { batchId: batch.id, printed, skipped, pages, sizeBytes: sink.size };
  }

  private async selectedIds(batch: NoticeBatchRow): Promise<string[]> {
    const { selection } = batch;
    if (selection.kind === 'iupds') return this.notices.positionIdsByIupds(batch.entityId, selection.iupds);
    const ids: string[] = [];
    if (selection.kind === 'import') {
      for await (const page of this.notices.positionIdsOfImport(batch.entityId, selection.importId)) {
        ids.push(...page);
        if (ids.length > MAX_BATCH_NOTICES) break;
      }
      return ids;
    }
    const filters = selection.filters as PositionFilters;
    for await (const page of this.positions.export(batch.entityId, filters)) {
      ids.push(...page.map((summary) => summary.id));
      if (ids.length > MAX_BATCH_NOTICES) break;
    }
    return ids;
  }
}
