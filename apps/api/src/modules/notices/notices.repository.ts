import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type NoticeLanguage, type Transfer } from '@pagamenti/contracts';
import {
  NoticeBatchRow,
  type NoticeBatchFormat,
  type NoticeBatchSelection,
} from './batches/notice-batch.entity';
import type { NoticeOption, NoticeSource, ReceiptSource } from './notice-mapper';

/** The entity data a notice prints, with where its logo is. */
export interface NoticeEntityRow {
  id: string;
  fiscalCode: string;
  name: string;
  cbillCode: string | null;
  logoUrl: string | null;
  noticeLanguages: NoticeLanguage[];
  email: string | null;
  phone: string | null;
}

interface RawPosition {
  id: string;
  iupd: string;
  status: string;
  description: string;
  due_type_name: string;
  debtor_id_value: string;
  debtor_name: string;
  debtor_street: string | null;
  debtor_civic_number: string | null;
  debtor_postal_code: string | null;
  debtor_city: string | null;
  debtor_province: string | null;
}

interface RawOption {
  position_id: string;
  notice_number: string;
  installment: number | null;
  amount_cents: string;
  due_date: string;
  status: string;
  transfers: Transfer[];
}

/**
 * The read side of printing: positions with their options and entity in the shape notices need (one query for a
 * whole page of a batch), receipts, and the batches with their stored output. Positions are written only by
 * the positions module; this reads them.
 */
@Injectable()
export class NoticesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findEntity(entityId: string): Promise<NoticeEntityRow | null> {
    const rows: {
      id: string;
      fiscal_code: string;
      name: string;
      cbill_code: string | null;
      logo_url: string | null;
      notice_languages: NoticeLanguage[] | null;
      email: string | null;
      phone: string | null;
    }[] = await this.dataSource.query(
      `SELECT id, fiscal_code, name, cbill_code, logo_url, notice_languages, email, phone
         FROM creditor_entity WHERE id = $1`,
      [entityId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      fiscalCode: row.fiscal_code,
      name: row.name,
      cbillCode: row.cbill_code,
      logoUrl: row.logo_url,
      noticeLanguages: row.notice_languages ?? [],
      email: row.email,
      phone: row.phone,
    };
  }

  async positionIdByIupd(entityId: string, iupd: string): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM debt_position WHERE entity_id = $1 AND iupd = $2',
      [entityId, iupd],
    );
    return rows[0]?.id ?? null;
  }

  /** The position when `fiscalCode` is its debtor (a citizen's own notice), with its entity. */
  async positionOfDebtor(
    positionId: string,
    fiscalCode: string,
  ): Promise<{ id: string; entityId: string } | null> {
    const rows: { id: string; entity_id: string }[] = await this.dataSource.query(
      'SELECT id, entity_id FROM debt_position WHERE id = $1 AND debtor_id_value = $2',
      [positionId, fiscalCode.toUpperCase()],
    );
    const row = rows[0];
    return row ? { id: row.id, entityId: row.entity_id } : null;
  }

  /** Ids of the entity's positions with the given IUPDs, in the order asked. */
  async positionIdsByIupds(entityId: string, iupds: string[]): Promise<string[]> {
    const rows: { id: string; iupd: string }[] = await this.dataSource.query(
      'SELECT id, iupd FROM debt_position WHERE entity_id = $1 AND iupd = ANY($2::varchar[])',
      [entityId, iupds],
    );
    const byIupd = new Map(rows.map((row) => [row.iupd, row.id]));
    return iupds.map((iupd) => byIupd.get(iupd)).filter((id): id is string => id !== undefined);
  }

  /** Ids of the positions a bulk upload created, in creation order, page after page. */
  async *positionIdsOfImport(entityId: string, importId: string, pageSize = 500): AsyncGenerator<string[]> {
    let after: { createdAt: string; id: string } | undefined;
    for (;;) {
      const rows: { id: string; created_at: string }[] = await this.dataSource.query(
        `SELECT id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at
           FROM debt_position
          WHERE entity_id = $1 AND import_id = $2
            ${after ? 'AND (created_at, id) > ($4::timestamptz, $5::uuid)' : ''}
          ORDER BY created_at, id
          LIMIT $3`,
        after ? [entityId, importId, pageSize, after.createdAt, after.id] : [entityId, importId, pageSize],
      );
      if (rows.length) yield rows.map((row) => row.id);
      const last = rows[rows.length - 1];
      if (rows.length < pageSize || !last) return;
      after = { createdAt: last.created_at, id: last.id };
    }
  }

  async importExists(entityId: string, importId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM position_import WHERE entity_id = $1 AND id = $2',
      [entityId, importId],
    );
    return rows.length > 0;
  }

  /** Positions of one entity with their options, in the order of `ids` (ids of other entities are dropped). */
  async noticeSources(entityId: string, ids: string[]): Promise<NoticeSource[]> {
    if (!ids.length) return [];
    const positions: RawPosition[] = await this.dataSource.query(
      `SELECT p.id, p.iupd, p.status, p.description, d.name AS due_type_name, p.debtor_id_value, p.debtor_name,
              p.debtor_street, p.debtor_civic_number, p.debtor_postal_code, p.debtor_city, p.debtor_province
         FROM debt_position p JOIN due_type d ON d.id = p.due_type_id
        WHERE p.entity_id = $1 AND p.id = ANY($2::uuid[])`,
      [entityId, ids],
    );
    const options: RawOption[] = await this.dataSource.query(
      `SELECT position_id, notice_number, installment, amount_cents, due_date::text AS due_date, status, transfers
         FROM payment_option WHERE position_id = ANY($1::uuid[])
        ORDER BY position_id, installment ASC NULLS FIRST`,
      [positions.map((position) => position.id)],
    );
    const optionsOf = new Map<string, NoticeOption[]>();
    for (const option of options) {
      const list = optionsOf.get(option.position_id) ?? [];
      list.push({
        noticeNumber: option.notice_number,
        installment: option.installment === null ? null : Number(option.installment),
        amountCents: Number(option.amount_cents),
        dueDate: option.due_date,
        status: option.status,
        transfers: option.transfers,
      });
      optionsOf.set(option.position_id, list);
    }
    const byId = new Map(
      positions.map((row) => [
        row.id,
        {
          positionId: row.id,
          iupd: row.iupd,
          status: row.status,
          description: row.description,
          dueTypeName: row.due_type_name,
          debtor: {
            idValue: row.debtor_id_value,
            name: row.debtor_name,
            street: row.debtor_street,
            civicNumber: row.debtor_civic_number,
            postalCode: row.debtor_postal_code,
            city: row.debtor_city,
            province: row.debtor_province,
          },
          options: optionsOf.get(row.id) ?? [],
        } satisfies NoticeSource,
      ]),
    );
    return ids.map((id) => byId.get(id)).filter((source): source is NoticeSource => source !== undefined);
  }

  /**
   * A receipt the entity received, by pagoPA receipt id (or our row id); the delivery as primary creditor comes
   * first when the entity also received it as a transfer beneficiary.
   */
  async receiptOfEntity(entityId: string, receiptId: string): Promise<ReceiptSource | null> {
    const rows: {
      receipt_id: string;
      notice_number: string;
      outcome: 'OK' | 'KO';
      amount_cents: string;
      fee_cents: string | null;
      payment_date_time: Date | null;
      received_at: Date;
      description: string;
      debtor: { idValue: string; name: string };
      payer: { idValue: string; name: string } | null;
      psp_company_name: string;
      payment_method: string | null;
      transfers: ReceiptSource['transfers'];
    }[] = await this.dataSource.query(
      `SELECT receipt_id, notice_number, outcome, amount_cents, fee_cents, payment_date_time, received_at,
              description, debtor, payer, psp_company_name, payment_method, transfers
         FROM receipt
        WHERE recipient_entity_id = $1 AND (receipt_id = $2 OR id::text = $2)
        ORDER BY (role = 'PRIMARY') DESC
        LIMIT 1`,
      [entityId, receiptId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      receiptId: row.receipt_id,
      noticeNumber: row.notice_number,
      outcome: row.outcome,
      amountCents: Number(row.amount_cents),
      feeCents: row.fee_cents === null ? null : Number(row.fee_cents),
      paymentDateTime: row.payment_date_time ? new Date(row.payment_date_time) : null,
      receivedAt: new Date(row.received_at),
      description: row.description,
      debtor: { idValue: row.debtor.idValue, name: row.debtor.name },
      payer: row.payer ? { idValue: row.payer.idValue, name: row.payer.name } : null,
      pspCompanyName: row.psp_company_name,
      paymentMethod: row.payment_method,
      transfers: row.transfers,
    };
  }

  /** Names of our entities by fiscal code (payees of receipt transfers). */
  async entityNames(fiscalCodes: string[]): Promise<Map<string, string>> {
    const rows: { fiscal_code: string; name: string }[] = await this.dataSource.query(
      'SELECT fiscal_code, name FROM creditor_entity WHERE fiscal_code = ANY($1::varchar[])',
      [fiscalCodes],
    );
    return new Map(rows.map((row) => [row.fiscal_code, row.name]));
  }

  // ---------------------------------------------------------------- batches

  async insertBatch(values: {
    entityId: string;
    format: NoticeBatchFormat;
    selection: NoticeBatchSelection;
    requestedBy: string;
  }): Promise<NoticeBatchRow> {
    const repository = this.dataSource.getRepository(NoticeBatchRow);
    return repository.save(repository.create({ ...values, status: 'queued' }));
  }

  async setBatchJob(batchId: string, jobId: string): Promise<void> {
    await this.dataSource.query('UPDATE notice_batch SET job_id = $2 WHERE id = $1', [batchId, jobId]);
  }

  findBatch(entityId: string, batchId: string): Promise<NoticeBatchRow | null> {
    return this.dataSource.getRepository(NoticeBatchRow).findOne({ where: { id: batchId, entityId } });
  }

  findBatchById(batchId: string): Promise<NoticeBatchRow | null> {
    return this.dataSource.getRepository(NoticeBatchRow).findOne({ where: { id: batchId } });
  }

  /** Starts (or restarts, after a crash) a batch: previous output and counters are dropped. */
  async startBatch(batchId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM notice_batch_chunk WHERE batch_id = $1', [batchId]);
      await manager.query(
        `UPDATE notice_batch SET status = 'running', started_at = now(), done = 0, skipped = 0, total = NULL,
                pages = NULL, error = NULL, size_bytes = NULL, file_name = NULL WHERE id = $1`,
        [batchId],
      );
    });
  }

  async reportBatch(
    batchId: string,
    progress: { total?: number; done: number; skipped: number },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE notice_batch SET done = $2, skipped = $3, total = COALESCE($4, total) WHERE id = $1`,
      [batchId, progress.done, progress.skipped, progress.total ?? null],
    );
  }

  async finishBatch(
    batchId: string,
    outcome: { fileName: string; sizeBytes: number; pages: number | null; done: number; skipped: number },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE notice_batch SET status = 'succeeded', finished_at = now(), file_name = $2, size_bytes = $3,
              pages = $4, done = $5, skipped = $6, total = $5 WHERE id = $1`,
      [batchId, outcome.fileName, outcome.sizeBytes, outcome.pages, outcome.done, outcome.skipped],
    );
  }

  async failBatch(batchId: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notice_batch SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`,
      [batchId, error],
    );
  }

  async insertChunk(batchId: string, seq: number, data: Buffer): Promise<void> {
    await this.dataSource.query('INSERT INTO notice_batch_chunk (batch_id, seq, data) VALUES ($1, $2, $3)', [
      batchId,
      seq,
      data,
    ]);
  }

  async chunkCount(batchId: string): Promise<number> {
    const rows: { n: string }[] = await this.dataSource.query(
      'SELECT count(*) AS n FROM notice_batch_chunk WHERE batch_id = $1',
      [batchId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async chunk(batchId: string, seq: number): Promise<Buffer | null> {
    const rows: { data: Buffer | Uint8Array }[] = await this.dataSource.query(
      'SELECT data FROM notice_batch_chunk WHERE batch_id = $1 AND seq = $2',
      [batchId, seq],
    );
    const data = rows[0]?.data;
    return data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : null;
  }

  /** Drops an entity's batches older than the retention, with their files. */
  async purgeBatches(entityId: string, olderThanDays: number): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM notice_batch WHERE entity_id = $1 AND created_at < now() - make_interval(days => $2)`,
      [entityId, olderThanDays],
    );
  }
}
