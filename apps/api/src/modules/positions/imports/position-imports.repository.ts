import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type PositionImportCounts } from '@pagamenti/contracts';
import { PositionImportBatchRow, PositionImportChunkRow, PositionImportRow } from './position-import.entity';

/** How far an import has got: the sums over its committed batches. */
export interface ImportProgress extends PositionImportCounts {
  rowsDone: number;
  batches: number;
}

/** A batch already seen by an earlier attempt of the job. */
export interface KnownBatch {
  seq: number;
  committed: boolean;
  firstBase: bigint | null;
  reservedCount: number;
}

export type BatchOutcome = Pick<
  PositionImportBatchRow,
  'created' | 'updated' | 'cancelled' | 'unchanged' | 'failedRows' | 'outcomes' | 'errors'
>;

/** Every query of the bulk import: import rows, the stored file, batches and their reports. */
@Injectable()
export class PositionImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private runner(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async createImport(values: Partial<PositionImportRow>): Promise<PositionImportRow> {
    const repository = this.dataSource.getRepository(PositionImportRow);
    const result = await repository.insert(values);
    const id = (result.identifiers[0] as { id: string }).id;
    return repository.findOneByOrFail({ id });
  }

  async appendChunk(importId: string, seq: number, data: Buffer): Promise<void> {
    await this.dataSource.getRepository(PositionImportChunkRow).insert({ importId, seq, data });
  }

  async updateImport(id: string, values: Partial<PositionImportRow>, manager?: EntityManager): Promise<void> {
    await this.runner(manager).getRepository(PositionImportRow).update({ id }, values);
  }

  async deleteImport(id: string): Promise<void> {
    await this.dataSource.getRepository(PositionImportRow).delete({ id });
  }

  /** Uploads that never finished (the process died mid-upload) and are older than the cutoff. */
  async deleteAbandonedUploads(cutoff: Date): Promise<number> {
    const result = await this.dataSource
      .getRepository(PositionImportRow)
      .createQueryBuilder()
      .delete()
      .where(`status = 'UPLOADING' AND created_at < :cutoff`, { cutoff })
      .execute();
    return result.affected ?? 0;
  }

  findImport(id: string, manager?: EntityManager): Promise<PositionImportRow | null> {
    return this.runner(manager).getRepository(PositionImportRow).findOneBy({ id });
  }

  /** Newest first, keyset-paginated on (created_at, id); uploads still streaming in are left out. */
  async listImports(entityId: string, limit: number, before?: { createdAt: string; id: string }) {
    const query = this.dataSource
      .getRepository(PositionImportRow)
      .createQueryBuilder('i')
      .where(`i.entity_id = :entityId AND i.status <> 'UPLOADING'`, { entityId })
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(limit);
    if (before) {
      query.andWhere('(i.created_at, i.id) < (:createdAt::timestamptz, :id::uuid)', before);
    }
    return query.getMany();
  }

  /** The stored file, chunk after chunk, a few per query. */
  async *chunks(importId: string, perQuery = 8): AsyncGenerator<Buffer> {
    for (let from = 0; ; from += perQuery) {
      const rows: { data: Buffer | Uint8Array }[] = await this.dataSource.query(
        'SELECT data FROM position_import_chunk WHERE import_id = $1 AND seq >= $2 AND seq < $3 ORDER BY seq',
        [importId, from, from + perQuery],
      );
      for (const row of rows) yield Buffer.isBuffer(row.data) ? row.data : Buffer.from(row.data);
      if (rows.length < perQuery) return;
    }
  }

  async knownBatches(importId: string): Promise<Map<number, KnownBatch>> {
    const rows: { seq: number; committed: boolean; first_base: string | null; reserved_count: number }[] =
      await this.dataSource.query(
        'SELECT seq, committed, first_base, reserved_count FROM position_import_batch WHERE import_id = $1',
        [importId],
      );
    return new Map(
      rows.map((row) => [
        Number(row.seq),
        {
          seq: Number(row.seq),
          committed: row.committed,
          firstBase: row.first_base === null ? null : BigInt(row.first_base),
          reservedCount: Number(row.reserved_count),
        },
      ]),
    );
  }

  /** Records the block of notice numbers reserved for a batch, in the reserving transaction. */
  async reserveBatch(
    manager: EntityManager,
    values: {
      importId: string;
      seq: number;
      firstRow: number;
      rowCount: number;
      firstBase: bigint;
      reservedCount: number;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO position_import_batch (import_id, seq, first_row, row_count, first_base, reserved_count)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (import_id, seq) DO UPDATE SET first_base = EXCLUDED.first_base, reserved_count = EXCLUDED.reserved_count`,
      [
        values.importId,
        values.seq,
        values.firstRow,
        values.rowCount,
        values.firstBase.toString(),
        values.reservedCount,
      ],
    );
  }

  /** The batch's checkpoint, written in the transaction that writes its rows. */
  async commitBatch(
    manager: EntityManager,
    values: { importId: string; seq: number; firstRow: number; rowCount: number } & BatchOutcome,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO position_import_batch
              (import_id, seq, first_row, row_count, committed, created, updated, cancelled, unchanged, failed_rows,
               outcomes, errors, committed_at)
       VALUES ($1, $2, $3, $4, true, $5, $6, $7, $8, $9, $10, $11, now())
       ON CONFLICT (import_id, seq) DO UPDATE SET
              committed = true, created = EXCLUDED.created, updated = EXCLUDED.updated,
              cancelled = EXCLUDED.cancelled, unchanged = EXCLUDED.unchanged, failed_rows = EXCLUDED.failed_rows,
              outcomes = EXCLUDED.outcomes, errors = EXCLUDED.errors, committed_at = EXCLUDED.committed_at`,
      [
        values.importId,
        values.seq,
        values.firstRow,
        values.rowCount,
        values.created,
        values.updated,
        values.cancelled,
        values.unchanged,
        values.failedRows,
        values.outcomes,
        values.errors,
      ],
    );
  }

  async progress(importIds: string[]): Promise<Map<string, ImportProgress>> {
    if (importIds.length === 0) return new Map();
    const rows: {
      import_id: string;
      rows_done: string;
      batches: string;
      created: string;
      updated: string;
      cancelled: string;
      unchanged: string;
      failed_rows: string;
    }[] = await this.dataSource.query(
      `SELECT import_id, sum(row_count) AS rows_done, count(*) AS batches, sum(created) AS created,
              sum(updated) AS updated, sum(cancelled) AS cancelled, sum(unchanged) AS unchanged,
              sum(failed_rows) AS failed_rows
         FROM position_import_batch WHERE import_id = ANY($1::uuid[]) AND committed GROUP BY import_id`,
      [importIds],
    );
    return new Map(
      rows.map((row) => [
        row.import_id,
        {
          rowsDone: Number(row.rows_done),
          batches: Number(row.batches),
          created: Number(row.created),
          updated: Number(row.updated),
          cancelled: Number(row.cancelled),
          unchanged: Number(row.unchanged),
          failedRows: Number(row.failed_rows),
        },
      ]),
    );
  }

  /** One report column (`outcomes` or `errors`) of the committed batches, in file order, a few batches per query. */
  async *reportParts(importId: string, column: 'outcomes' | 'errors', perQuery = 10): AsyncGenerator<string> {
    for (let after = -1; ;) {
      const rows: { seq: number; part: string }[] = await this.dataSource.query(
        `SELECT seq, ${column} AS part FROM position_import_batch
          WHERE import_id = $1 AND committed AND seq > $2 ORDER BY seq LIMIT $3`,
        [importId, after, perQuery],
      );
      for (const row of rows) {
        if (row.part.length > 0) yield row.part;
        after = Number(row.seq);
      }
      if (rows.length < perQuery) return;
    }
  }

  async segregationCode(entityId: string): Promise<string | null> {
    const rows: { segregation_code: string | null }[] = await this.dataSource.query(
      'SELECT segregation_code FROM creditor_entity WHERE id = $1',
      [entityId],
    );
    return rows[0]?.segregation_code ?? null;
  }

  /** Existing positions among the IUPDs of a batch, with what tells a re-upload from a different position. */
  async existingPositions(
    entityId: string,
    iupds: string[],
    manager?: EntityManager,
  ): Promise<Map<string, ExistingPosition>> {
    if (iupds.length === 0) return new Map();
    const rows: {
      id: string;
      iupd: string;
      status: string;
      due_type_id: string;
      debtor_id_value: string;
      amount_cents: string;
      import_id: string | null;
    }[] = await this.runner(manager).query(
      `SELECT id, iupd, status, due_type_id, debtor_id_value, amount_cents, import_id
         FROM debt_position WHERE entity_id = $1 AND iupd = ANY($2::text[])`,
      [entityId, iupds],
    );
    return new Map(
      rows.map((row) => [
        row.iupd,
        {
          id: row.id,
          status: row.status,
          dueTypeId: row.due_type_id,
          debtorIdValue: row.debtor_id_value,
          amountCents: Number(row.amount_cents),
          importId: row.import_id,
        },
      ]),
    );
  }

  /** Notice numbers of positions (for the outcome of rows that found their position already there). */
  async noticeNumbersOf(
    positionIds: string[],
    manager?: EntityManager,
  ): Promise<Map<string, Map<number | null, string>>> {
    const result = new Map<string, Map<number | null, string>>();
    if (positionIds.length === 0) return result;
    const rows: { position_id: string; installment: number | null; notice_number: string }[] =
      await this.runner(manager).query(
        'SELECT position_id, installment, notice_number FROM payment_option WHERE position_id = ANY($1::uuid[])',
        [positionIds],
      );
    for (const row of rows) {
      let options = result.get(row.position_id);
      if (!options) result.set(row.position_id, (options = new Map()));
      options.set(row.installment === null ? null : Number(row.installment), row.notice_number);
    }
    return result;
  }
}

export interface ExistingPosition {
  id: string;
  status: string;
  dueTypeId: string;
  debtorIdValue: string;
  amountCents: number;
  importId: string | null;
}
