import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { type PositionImportAction } from '@pagamenti/contracts';
import {
  type DebtPositionValidationContext,
  type NormalisedDebtPosition,
  positionCancelBlocker,
  positionEditBlocker,
  todayInRome,
} from '@pagamenti/pagopa';
import { ApiException } from '../../../common/api-exception';
import { uniqueViolation } from '../positions.errors';
import { type AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { type JobContext, type JobHandler } from '../../jobs/job-handler';
import { type Job } from '../../jobs/job.entity';
import { JobWorker } from '../../jobs/job-worker.service';
import { NoticeNumberAllocator, NoticeNumberRange } from '../notice-number-allocator';
import { type PositionDueType, PositionsRepository } from '../positions.repository';
import { PositionsService } from '../positions.service';
import { ImportFileError, ImportSource } from './import-sources';
import { addValidationErrors, validateUnit } from './import-units';
import { ACTION_LABELS, type CsvLayout, type ImportUnit, addUnitError } from './position-csv-format';
import { type PositionImportRow } from './position-import.entity';
import {
  type ExistingPosition,
  type KnownBatch,
  PositionImportsRepository,
} from './position-imports.repository';
import { csvLine } from './csv-values';
import {
  type InsertMethod,
  type NewImportedPosition,
  PositionRowsWriter,
  TimeOrderedIds,
} from './position-rows-writer';
import { type CsvSeparator } from './csv-reader';

export const POSITION_IMPORT_JOB = 'positions.import';

/** Creations looked up before a real run's insert; the rest only when one of these exists already. */
const CREATION_SAMPLE = 20;

/**
 * The import's transactions do not wait for their WAL flush. Safe here: a batch's rows, its outcome and its
 * checkpoint commit together, so a crash that loses the last commits loses them all and the job redoes those
 * batches; the numbers reserved for a batch commit before its rows (WAL is written in order), and the import's
 * final status is written with a normal, flushed commit.
 */
const ASYNC_COMMIT = 'SET LOCAL synchronous_commit = off';

/** Outcomes written in `outcomes.csv` (`esito`). */
const OUTCOME = {
  created: 'CREATA',
  updated: 'AGGIORNATA',
  cancelled: 'ANNULLATA',
  unchanged: 'GIA_PRESENTE',
  valid: 'VALIDA',
  failed: 'ERRORE',
} as const;

/** A unit of a batch once checked: what will happen to it. */
interface PlannedUnit {
  unit: ImportUnit;
  dueType: PositionDueType | null;
  position: NormalisedDebtPosition | null;
  existing: ExistingPosition | null;
  outcome: 'create' | 'update' | 'cancel' | 'unchanged' | 'failed';
  /** Notice numbers per option, once known (created, or found for an unchanged position). */
  noticeNumbers: string[] | null;
}

interface Batch {
  seq: number;
  firstRow: number;
  rowCount: number;
  units: ImportUnit[];
}

/** The due types of the entity by code, read once per job, with their validation context. */
class DueTypeCatalogue {
  private readonly byCode = new Map<
    string,
    { dueType: PositionDueType; context: DebtPositionValidationContext } | null
  >();

  constructor(
    private readonly positions: PositionsRepository,
    private readonly entityId: string,
    private readonly base: Omit<DebtPositionValidationContext, 'dueType'>,
  ) {}

  async load(code: string) {
    if (this.byCode.has(code)) return this.byCode.get(code) ?? null;
    const dueType = code === '' ? null : await this.positions.findDueType(this.entityId, { code });
    const entry = dueType
      ? {
          dueType,
          context: {
            ...this.base,
            dueType: {
              code: dueType.code,
              taxonomyCode: dueType.taxonomyCode,
              accountIban: dueType.accountIban,
              accountKind: dueType.accountKind,
              amountMode: dueType.amountMode,
              fixedAmountCents: dueType.fixedAmountCents,
              minAmountCents: dueType.minAmountCents,
              maxAmountCents: dueType.maxAmountCents,
              active: dueType.active,
            },
          },
        }
      : null;
    this.byCode.set(code, entry);
    return entry;
  }

  /** Already loaded (after `load`): synchronous, for the per-row hot path. */
  get(code: string) {
    return this.byCode.get(code) ?? null;
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }
}

/**
 * Runs a bulk upload of debt positions as a durable job: reads the stored file, checks every row, and — unless
 * it is a dry run — creates, updates or cancels positions batch by batch. Each batch commits its positions, its
 * outcome lines and its checkpoint in one transaction, with notice numbers reserved beforehand in a short
 * transaction of their own (recorded on the batch, so a retry reuses them). After a crash the job runs again:
 * committed batches are skipped, the others are redone with the same numbers — no duplicates, no gaps.
 */
@Injectable()
export class PositionImportJob implements JobHandler, OnModuleInit {
  readonly type = POSITION_IMPORT_JOB;
  private readonly logger = new Logger(PositionImportJob.name);
  /** COPY on PostgreSQL, multi-row INSERT from unnest on PGlite; the benchmark measures both. */
  insertMethod: InsertMethod;
  /** Batches written at the same time: two keep PostgreSQL busy while Node reads the next rows. */
  concurrency: number;

  constructor(
    private readonly worker: JobWorker,
    private readonly dataSource: DataSource,
    private readonly imports: PositionImportsRepository,
    private readonly positions: PositionsRepository,
    private readonly positionsService: PositionsService,
    private readonly allocator: NoticeNumberAllocator,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const postgres = config.database.engine === 'postgresql';
    this.insertMethod = postgres ? 'copy' : 'unnest';
    this.concurrency = postgres ? 2 : 1;
  }

  onModuleInit(): void {
    this.worker.register(this);
  }

  async run(job: Job, context: JobContext): Promise<Record<string, unknown>> {
    const importId = String(job.payload['importId']);
    const record = await this.imports.findImport(importId);
    if (!record) return { skipped: 'import not found' };
    if (record.status === 'SUCCEEDED' || record.status === 'FAILED') return { skipped: record.status };
    await this.imports.updateImport(importId, {
      status: 'RUNNING',
      startedAt: record.startedAt ?? new Date(),
      error: null,
    });
    try {
      const summary = await this.process(record, context);
      await this.imports.updateImport(importId, {
        status: 'SUCCEEDED',
        totalRows: summary.rows,
        finishedAt: new Date(),
      });
      this.logger.log({ importId, dryRun: record.dryRun, ...summary }, 'Position import finished');
      return { importId, ...summary };
    } catch (error) {
      const fileProblem = error instanceof ImportFileError ? error.message : fatalApiProblem(error);
      if (fileProblem !== null || job.attempts >= job.maxAttempts) {
        await this.imports.updateImport(importId, {
          status: 'FAILED',
          error:
            fileProblem ??
            `Importazione interrotta dopo ${job.attempts} tentativi: ${error instanceof Error ? error.message : String(error)}`,
          finishedAt: new Date(),
        });
        if (fileProblem !== null) return { importId, failed: fileProblem };
      } else {
        // Retried by the worker from the last committed batch.
        await this.imports.updateImport(importId, { status: 'QUEUED' });
      }
      throw error;
    }
  }

  private async process(record: PositionImportRow, context: JobContext) {
    const entity = await this.positions.findEntity(record.entityId);
    if (!entity) throw new ImportFileError('L’ente non esiste più.');
    const catalogue = new DueTypeCatalogue(this.positions, record.entityId, {
      entityFiscalCode: entity.fiscalCode,
      knownEntityFiscalCodes: await this.positions.platformEntityFiscalCodes(),
      today: todayInRome(),
    });
    const known = await this.imports.knownBatches(record.id);
    const source = new ImportSource({
      format: record.format,
      encoding: record.encoding ?? 'UTF-8',
      separator: record.separator as CsvSeparator | null,
      sha256: record.sha256 ?? '',
    });
    const seen = new Map<string, number>();
    const inflight: Promise<void>[] = [];
    let failure: unknown = null;
    let batch: Batch = { seq: 0, firstRow: 0, rowCount: 0, units: [] };
    let done = 0;
    const total = () => Math.max(record.totalRows, source.rows);

    const dispatch = async (current: Batch) => {
      if (current.units.length === 0) return;
      if (known.get(current.seq)?.committed) {
        done += current.rowCount;
        return;
      }
      const planned = await this.check(current, record, catalogue, source.layout);
      const writing = this.writeBatch(current, planned, record, source.layout, known.get(current.seq) ?? null)
        .then(async () => {
          done += current.rowCount;
          await context.reportProgress(done, total());
        })
        .catch((error: unknown) => {
          failure ??= error;
        });
      inflight.push(writing);
      while (inflight.length >= this.concurrency) await inflight.shift();
      if (failure !== null) throw failure;
    };

    try {
      for await (const units of source.units(this.imports.chunks(record.id))) {
        for (const unit of units) {
          this.checkRepeatedIupd(unit, seen, source.layout);
          if (batch.units.length === 0) batch.firstRow = unit.rows[0] as number;
          batch.units.push(unit);
          batch.rowCount += unit.rows.length;
          if (batch.rowCount >= record.batchSize) {
            await dispatch(batch);
            batch = { seq: batch.seq + 1, firstRow: 0, rowCount: 0, units: [] };
          }
        }
      }
      await dispatch(batch);
    } finally {
      // Never leave a batch writing behind: a retry must not overlap it.
      await Promise.all(inflight);
    }
    if (failure !== null) throw failure;
    await context.reportProgress(source.rows, source.rows);
    return { rows: source.rows, batches: batch.units.length > 0 ? batch.seq + 1 : batch.seq };
  }

  /** An IUPD belongs to one group of consecutive rows: seen again later, the later rows are refused. */
  private checkRepeatedIupd(unit: ImportUnit, seen: Map<string, number>, layout: CsvLayout | null): void {
    if (unit.iupd === '' || unit.generatedIupd) return;
    const first = seen.get(unit.iupd);
    if (first === undefined) {
      seen.set(unit.iupd, unit.rows[0] as number);
      return;
    }
    const where = layout ? 'riga' : 'elemento';
    const column = layout ? layout.label('iupd') : 'position.iupd';
    for (let index = 0; index < unit.rows.length; index++) {
      addUnitError(
        unit,
        index,
        `${column}: lo IUPD ${unit.iupd} compare già alla ${where} ${first}; ${
          layout ? 'le righe della stessa posizione devono essere consecutive e ' : ''
        }una posizione compare una volta sola nel file`,
      );
    }
  }

  /** Validates the batch's rows and looks up the positions they name. Reads only. */
  private async check(
    batch: Batch,
    record: PositionImportRow,
    catalogue: DueTypeCatalogue,
    layout: CsvLayout | null,
  ): Promise<PlannedUnit[]> {
    for (const unit of batch.units) {
      if (unit.action !== 'CANCEL' && !catalogue.has(unit.dueTypeCode))
        await catalogue.load(unit.dueTypeCode);
    }
    const planned: PlannedUnit[] = batch.units.map((unit) => {
      const plan: PlannedUnit = {
        unit,
        dueType: null,
        position: null,
        existing: null,
        outcome: 'failed',
        noticeNumbers: null,
      };
      if (unit.action === 'CANCEL') {
        if (unit.errors === null) plan.outcome = 'cancel';
        return plan;
      }
      const entry = catalogue.get(unit.dueTypeCode);
      if (entry === null) {
        if (unit.input !== null && unit.dueTypeCode !== '') {
          addUnitError(
            unit,
            0,
            `${layout ? layout.label('codice_tipo_dovuto') : 'position.dueTypeCode'}: il tipo dovuto ${unit.dueTypeCode} non è nel catalogo dell’ente`,
          );
        }
        return plan;
      }
      plan.dueType = entry.dueType;
      const context =
        unit.action === 'UPDATE' && !entry.dueType.active
          ? { ...entry.context, dueType: { ...entry.context.dueType, active: true } }
          : entry.context;
      plan.position = validateUnit(unit, context, layout);
      if (plan.position !== null) plan.outcome = unit.action === 'CREATE' ? 'create' : 'update';
      return plan;
    });

    await this.lookUp(planned, record, layout, record.dryRun ? 'all' : 'sample');
    return planned;
  }

  /**
   * Finds the positions the batch's IUPDs name. Updates and cancellations always look theirs up. Creations are
   * new nearly always: a real run looks up only a sample of them, and all of them when the sample finds one (a
   * re-upload) or when the insert hits an IUPD taken in the meantime. A dry run looks up everything.
   */
  private async lookUp(
    planned: PlannedUnit[],
    record: PositionImportRow,
    layout: CsvLayout | null,
    creations: 'all' | 'sample' | 'only',
  ): Promise<void> {
    const creates = planned.filter((plan) => plan.outcome === 'create');
    const others =
      creations === 'only'
        ? []
        : planned.filter((plan) => plan.outcome === 'update' || plan.outcome === 'cancel');
    const sampled = creations === 'sample' ? creates.slice(0, CREATION_SAMPLE) : creates;
    let existing = await this.imports.existingPositions(
      record.entityId,
      [...others, ...sampled].map((plan) => plan.unit.iupd),
    );
    if (creations === 'sample' && creates.length > sampled.length) {
      const sampleHit = sampled.some((plan) => existing.has(plan.unit.iupd));
      if (sampleHit) {
        const rest = await this.imports.existingPositions(
          record.entityId,
          creates.slice(sampled.length).map((plan) => plan.unit.iupd),
        );
        existing = new Map([...existing, ...rest]);
      }
    }
    const unchangedIds: string[] = [];
    const iupdColumn = layout ? layout.label('iupd') : 'position.iupd';
    for (const plan of creations === 'only' ? creates : planned) {
      if (plan.outcome === 'failed') continue;
      const { unit } = plan;
      const found = existing.get(unit.iupd) ?? null;
      plan.existing = found;
      if (plan.outcome === 'create') {
        if (found === null) continue;
        if (sameAsExisting(found, plan)) {
          plan.outcome = 'unchanged';
          unchangedIds.push(found.id);
        } else {
          plan.outcome = 'failed';
          addUnitError(
            unit,
            0,
            `${iupdColumn}: lo IUPD ${unit.iupd} è già usato da un’altra posizione dell’ente con dati diversi (per modificarla usa ${layout ? 'AGGIORNA' : 'UPDATE'})`,
          );
        }
        continue;
      }
      if (found === null) {
        plan.outcome = 'failed';
        addUnitError(unit, 0, `${iupdColumn}: nessuna posizione dell’ente con IUPD ${unit.iupd}`);
        continue;
      }
      const status = found.status as Parameters<typeof positionEditBlocker>[0]['status'];
      const blocker =
        plan.outcome === 'cancel' ? positionCancelBlocker({ status }) : positionEditBlocker({ status });
      if (blocker !== null) {
        plan.outcome = 'failed';
        addUnitError(unit, 0, `${iupdColumn}: ${blocker}`);
      } else if (plan.outcome === 'update' && plan.dueType && found.dueTypeId !== plan.dueType.id) {
        plan.outcome = 'failed';
        addUnitError(
          unit,
          0,
          `${layout ? layout.label('codice_tipo_dovuto') : 'position.dueTypeCode'}: il tipo dovuto di una posizione non si cambia (annullala e creane una nuova)`,
        );
      } else if (plan.outcome === 'cancel' && (unit.cancelReason === null || unit.cancelReason.length < 3)) {
        plan.outcome = 'failed';
        addUnitError(
          unit,
          0,
          `${layout ? layout.label('motivo_annullamento') : 'position.reason'}: il motivo dell’annullamento è obbligatorio (da 3 a 500 caratteri)`,
        );
      }
    }
    if (unchangedIds.length > 0) {
      const numbers = await this.imports.noticeNumbersOf(unchangedIds);
      for (const plan of planned) {
        if (plan.outcome !== 'unchanged' || !plan.existing || !plan.position) continue;
        const options = numbers.get(plan.existing.id);
        plan.noticeNumbers = plan.position.options.map((option) => options?.get(option.installment) ?? '');
      }
    }
  }

  /** Dry run: the report only. Real run: reserve numbers, then positions + report + checkpoint in one transaction. */
  private async writeBatch(
    batch: Batch,
    planned: PlannedUnit[],
    record: PositionImportRow,
    layout: CsvLayout | null,
    known: KnownBatch | null,
  ): Promise<void> {
    if (record.dryRun) {
      await this.dataSource.transaction(async (manager) => {
        await manager.query(ASYNC_COMMIT);
        await this.imports.commitBatch(manager, {
          ...batchKey(record, batch),
          ...report(planned, layout, true),
        });
      });
      return;
    }
    let reserved = known;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.writeRows(batch, planned, record, layout, reserved, (range) => {
          reserved = {
            seq: batch.seq,
            committed: false,
            firstBase: range.firstBase,
            reservedCount: range.count,
          };
        });
        return;
      } catch (error) {
        // A creation met an existing IUPD the sample did not see: look them all up, then write again.
        if (attempt > 1 || uniqueViolation(error)?.constraint !== 'debt_position_entity_iupd_unique')
          throw error;
        for (const plan of planned) if (plan.outcome === 'create') plan.noticeNumbers = null;
        await this.lookUp(planned, record, layout, 'only');
      }
    }
  }

  private async writeRows(
    batch: Batch,
    planned: PlannedUnit[],
    record: PositionImportRow,
    layout: CsvLayout | null,
    known: KnownBatch | null,
    onReserved: (range: NoticeNumberRange) => void,
  ): Promise<void> {
    const creates = planned.filter((plan) => plan.outcome === 'create');
    const needed = creates.reduce((sum, plan) => sum + (plan.position?.options.length ?? 0), 0);
    const range = needed > 0 ? await this.reserve(batch, record, needed, known) : null;
    if (range) onReserved(range);
    let next = 0;
    const ids = new TimeOrderedIds();
    const rows: NewImportedPosition[] = creates.map((plan) => {
      const position = plan.position as NormalisedDebtPosition;
      const noticeNumbers = position.options.map(() => (range as NoticeNumberRange).noticeNumber(next++));
      plan.noticeNumbers = noticeNumbers;
      return {
        id: ids.next(),
        iupd: plan.unit.iupd,
        dueTypeId: (plan.dueType as PositionDueType).id,
        position,
        optionIds: position.options.map(() => ids.next()),
        noticeNumbers,
        // The import is on the position (import_id): the note names the row.
        note: `Creata dal caricamento massivo, ${record.format === 'CSV' ? 'riga' : 'elemento'} ${plan.unit.rows[0]}.`,
      };
    });

    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(ASYNC_COMMIT);
      await new PositionRowsWriter(this.insertMethod).write(runner, rows, {
        entityId: record.entityId,
        importId: record.id,
        actor: record.createdBy,
      });
      for (const plan of planned) {
        if (plan.outcome === 'update' || plan.outcome === 'cancel')
          await this.modify(runner, plan, record, layout);
      }
      await this.imports.commitBatch(runner.manager, {
        ...batchKey(record, batch),
        ...report(planned, layout, false),
      });
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * The batch's block of notice numbers: reserved in its own short transaction (so the counter's row lock is not
   * held while the batch writes) and recorded on the batch, or the block an earlier attempt reserved.
   */
  private async reserve(
    batch: Batch,
    record: PositionImportRow,
    needed: number,
    known: KnownBatch | null,
  ): Promise<NoticeNumberRange> {
    if (known?.firstBase != null && known.reservedCount >= needed) {
      const segregationCode = await this.imports.segregationCode(record.entityId);
      if (segregationCode !== null)
        return new NoticeNumberRange(segregationCode, known.firstBase, known.reservedCount);
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query(ASYNC_COMMIT);
      const range = await this.allocator.allocate(manager, record.entityId, needed);
      await this.imports.reserveBatch(manager, {
        ...batchKey(record, batch),
        firstBase: range.firstBase,
        reservedCount: range.count,
      });
      return range;
    });
  }

  /** An update or a cancellation through the positions service, under a savepoint so a refusal only fails its row. */
  private async modify(
    runner: QueryRunner,
    plan: PlannedUnit,
    record: PositionImportRow,
    layout: CsvLayout | null,
  ) {
    const manager: EntityManager = runner.manager;
    await runner.query('SAVEPOINT import_row');
    try {
      if (plan.outcome === 'cancel') {
        await this.positionsService.cancelWithin(
          manager,
          record.entityId,
          plan.unit.iupd,
          { reason: plan.unit.cancelReason ?? '' },
          record.createdBy,
        );
      } else {
        const input = plan.unit.input;
        await this.positionsService.updateWithin(
          manager,
          record.entityId,
          plan.unit.iupd,
          {
            debtor: input?.debtor,
            description: input?.description,
            metadata: input?.metadata,
            options: input?.options,
          },
          record.createdBy,
        );
      }
      await runner.query('RELEASE SAVEPOINT import_row');
    } catch (error) {
      await runner.query('ROLLBACK TO SAVEPOINT import_row');
      if (!(error instanceof ApiException)) throw error;
      plan.outcome = 'failed';
      if (error.fieldErrors && error.fieldErrors.length > 0)
        addValidationErrors(plan.unit, error.fieldErrors, layout);
      else addUnitError(plan.unit, 0, error.message);
    }
  }
}

function batchKey(record: PositionImportRow, batch: Batch) {
  return { importId: record.id, seq: batch.seq, firstRow: batch.firstRow, rowCount: batch.rowCount };
}

/** An IUPD already there with the same due type, debtor and amount: this file (or its twin) was imported before. */
function sameAsExisting(existing: ExistingPosition, plan: PlannedUnit): boolean {
  return (
    plan.dueType !== null &&
    plan.position !== null &&
    existing.dueTypeId === plan.dueType.id &&
    existing.debtorIdValue === plan.position.debtor.idValue &&
    existing.amountCents === plan.position.amountCents
  );
}

/** An ApiException the import cannot get past (e.g. the entity has no segregation code): a file-level error. */
function fatalApiProblem(error: unknown): string | null {
  return error instanceof ApiException && error.getStatus() === 409 ? error.message : null;
}

/** The batch's outcome lines, error lines and counts. */
function report(planned: PlannedUnit[], layout: CsvLayout | null, dryRun: boolean) {
  let outcomes = '';
  let errors = '';
  const counts = { created: 0, updated: 0, cancelled: 0, unchanged: 0, failedRows: 0 };
  for (const plan of planned) {
    const { unit } = plan;
    const action: PositionImportAction = unit.action;
    const failed = plan.outcome === 'failed';
    switch (plan.outcome) {
      case 'create':
        counts.created++;
        break;
      case 'update':
        counts.updated++;
        break;
      case 'cancel':
        counts.cancelled++;
        break;
      case 'unchanged':
        counts.unchanged++;
        break;
      case 'failed':
        counts.failedRows += unit.rows.length;
        break;
    }
    const outcome = failed
      ? OUTCOME.failed
      : plan.outcome === 'unchanged'
        ? OUTCOME.unchanged
        : dryRun
          ? OUTCOME.valid
          : plan.outcome === 'create'
            ? OUTCOME.created
            : plan.outcome === 'update'
              ? OUTCOME.updated
              : OUTCOME.cancelled;
    const firstErrorRow = unit.errors?.findIndex((messages) => messages !== undefined) ?? -1;
    for (let index = 0; index < unit.rows.length; index++) {
      const row = unit.rows[index] as number;
      const messages = unit.errors?.[index];
      const message = failed
        ? (messages?.join(' | ') ??
          (firstErrorRow >= 0
            ? `posizione non importata: errore alla ${layout ? 'riga' : 'elemento'} ${unit.rows[firstErrorRow]}`
            : 'posizione non importata'))
        : plan.outcome === 'unchanged'
          ? 'posizione già presente con gli stessi dati: non creata di nuovo'
          : '';
      const noticeNumbers = failed ? '' : noticeNumbersOfRow(plan, index, layout !== null);
      outcomes += csvLine([
        String(row),
        ACTION_LABELS[action],
        unit.iupd,
        outcome,
        noticeNumbers,
        noticeNumbers === ''
          ? ''
          : noticeNumbers
              .split(' ')
              .map((number) => number.slice(1))
              .join(' '),
        message,
      ]);
      if (failed) {
        const cells = unit.cells?.[index];
        errors += layout
          ? csvLine([...(cells ?? []), String(row), message])
          : csvLine([String(row), ACTION_LABELS[action], unit.iupd, message]);
      }
    }
  }
  return { ...counts, outcomes, errors };
}

/** The notice number(s) of one row: its own option in CSV (one row = one option), all of them for a JSON item. */
function noticeNumbersOfRow(plan: PlannedUnit, rowIndex: number, csv: boolean): string {
  if (plan.noticeNumbers === null || plan.position === null) return '';
  if (!csv) return plan.noticeNumbers.join(' ');
  const installment = plan.unit.input?.options[rowIndex]?.installment ?? null;
  const optionIndex = plan.position.options.findIndex((option) => option.installment === installment);
  return optionIndex < 0 ? '' : (plan.noticeNumbers[optionIndex] ?? '');
}
