import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type DebtPositionFilters,
  type DebtPositionSummary,
  type AccountKind,
  type PositionStatus,
} from '@pagamenti/contracts';
import { DebtPositionRow } from './debt-position.entity';
import { PaymentOptionRow } from './payment-option.entity';
import { PositionHistoryRow } from './position-history.entity';

/** What the rules need to know about the entity a position belongs to. */
export interface PositionEntity {
  id: string;
  fiscalCode: string;
  name: string;
}

/** A due type with the account its money goes to by default. */
export interface PositionDueType {
  id: string;
  code: string;
  name: string;
  taxonomyCode: string;
  amountMode: 'FIXED' | 'FREE';
  fixedAmountCents: number | null;
  minAmountCents: number | null;
  maxAmountCents: number | null;
  active: boolean;
  accountIban: string | null;
  accountKind: AccountKind | null;
}

/** A position with its options and the codes the wire type shows. */
export interface PositionAggregate {
  position: DebtPositionRow;
  options: PaymentOptionRow[];
  entityFiscalCode: string;
  dueTypeCode: string;
}

export type NewPaymentOption = Omit<PaymentOptionRow, 'id' | 'position' | 'positionId' | 'paidAt' | 'status'>;

/** Keyset position in the list: `created_at` as PostgreSQL prints it (microseconds kept) and the id. */
export interface ListCursor {
  createdAt: string;
  id: string;
}

export interface ListQuery extends DebtPositionFilters {
  /** Position ids matched by `q` (notice number, IUV or IUPD), resolved beforehand through unique indexes. */
  ids?: string[];
  dueTypeId?: string;
  /** How to apply dueFrom/dueTo: `narrow` when few options fall due in the window (see fewOptionsDue). */
  dueWindow?: 'narrow' | 'wide';
  limit: number;
  after?: ListCursor;
}

export interface SummaryRow extends DebtPositionSummary {
  cursorCreatedAt: string;
}

interface RawSummary {
  id: string;
  iupd: string;
  due_type_code: string;
  debtor_id_value: string;
  debtor_name: string;
  description: string;
  status: PositionStatus;
  amount_cents: string;
  paid_cents: string;
  notice_number: string | null;
  due_date: string | null;
  installments: string;
  created_at: string;
  cursor_created_at: string;
}

/** Every query of the positions module. Writes take the caller's transaction (`manager`). */
@Injectable()
export class PositionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private runner(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async findEntity(entityId: string, manager?: EntityManager): Promise<PositionEntity | null> {
    const rows: { id: string; fiscal_code: string; name: string }[] = await this.runner(manager).query(
      'SELECT id, fiscal_code, name FROM creditor_entity WHERE id = $1',
      [entityId],
    );
    const row = rows[0];
    return row ? { id: row.id, fiscalCode: row.fiscal_code, name: row.name } : null;
  }

  /** Fiscal codes of every entity of the platform (possible transfer beneficiaries). */
  async platformEntityFiscalCodes(manager?: EntityManager): Promise<Set<string>> {
    const rows: { fiscal_code: string }[] = await this.runner(manager).query(
      'SELECT fiscal_code FROM creditor_entity',
    );
    return new Set(rows.map((row) => row.fiscal_code));
  }

  async findDueType(
    entityId: string,
    by: { code: string } | { id: string },
    manager?: EntityManager,
  ): Promise<PositionDueType | null> {
    const [column, value] = 'code' in by ? ['code', by.code] : ['id', by.id];
    const rows: {
      id: string;
      code: string;
      name: string;
      taxonomy_code: string;
      amount_mode: 'FIXED' | 'FREE';
      fixed_amount_cents: string | null;
      min_amount_cents: string | null;
      max_amount_cents: string | null;
      active: boolean;
      iban: string | null;
      kind: AccountKind | null;
    }[] = await this.runner(manager).query(
      `SELECT d.id, d.code, d.name, d.taxonomy_code, d.amount_mode, d.fixed_amount_cents, d.min_amount_cents,
              d.max_amount_cents, d.active, a.iban, a.kind
         FROM due_type d LEFT JOIN entity_account a ON a.id = d.account_id AND a.active
        WHERE d.entity_id = $1 AND d.${column} = $2`,
      [entityId, value],
    );
    const row = rows[0];
    if (!row) return null;
    const cents = (value: string | null) => (value === null ? null : Number(value));
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      taxonomyCode: row.taxonomy_code,
      amountMode: row.amount_mode,
      fixedAmountCents: cents(row.fixed_amount_cents),
      minAmountCents: cents(row.min_amount_cents),
      maxAmountCents: cents(row.max_amount_cents),
      active: row.active,
      accountIban: row.iban,
      accountKind: row.kind,
    };
  }

  async insertPosition(manager: EntityManager, values: Partial<DebtPositionRow>): Promise<string> {
    const result = await manager.getRepository(DebtPositionRow).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async insertOptions(
    manager: EntityManager,
    positionId: string,
    options: NewPaymentOption[],
  ): Promise<void> {
    if (options.length === 0) return;
    await manager
      .getRepository(PaymentOptionRow)
      .insert(options.map((option) => ({ ...option, positionId, status: 'UNPAID' as const })));
  }

  async updatePosition(manager: EntityManager, id: string, values: Partial<DebtPositionRow>): Promise<void> {
    await manager.getRepository(DebtPositionRow).update({ id }, values);
  }

  async updateOption(
    manager: EntityManager,
    id: string,
    values: Pick<
      PaymentOptionRow,
      'amountCents' | 'dueDate' | 'validityDate' | 'retentionDate' | 'description' | 'transfers'
    >,
  ): Promise<void> {
    await manager.getRepository(PaymentOptionRow).update({ id }, values);
  }

  async deleteOptions(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await manager.getRepository(PaymentOptionRow).delete(ids);
  }

  async insertHistory(
    manager: EntityManager,
    entry: Pick<PositionHistoryRow, 'positionId' | 'fromStatus' | 'toStatus' | 'actor' | 'note'>,
  ): Promise<void> {
    await manager.getRepository(PositionHistoryRow).insert(entry);
  }

  /** The position by IUPD; `lock` takes the row lock for the rest of the transaction. */
  async findByIupd(
    entityId: string,
    iupd: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<DebtPositionRow | null> {
    const query = this.runner(manager)
      .getRepository(DebtPositionRow)
      .createQueryBuilder('p')
      .where('p.entity_id = :entityId AND p.iupd = :iupd', { entityId, iupd });
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  findById(id: string, manager?: EntityManager): Promise<DebtPositionRow | null> {
    return this.runner(manager).getRepository(DebtPositionRow).findOneBy({ id });
  }

  findByCreationKey(entityId: string, creationKey: string): Promise<DebtPositionRow | null> {
    return this.dataSource.getRepository(DebtPositionRow).findOneBy({ entityId, creationKey });
  }

  async findPositionIdByOption(
    entityId: string,
    by: { noticeNumber: string } | { iuv: string },
  ): Promise<string | null> {
    const option = await this.dataSource
      .getRepository(PaymentOptionRow)
      .findOne({ select: { positionId: true }, where: { entityId, ...by } });
    return option?.positionId ?? null;
  }

  /** Positions whose IUPD, or one of whose options' notice number or IUV, is exactly `text`. */
  async idsMatching(entityId: string, text: string): Promise<string[]> {
    const compact = text.replace(/\s+/g, '');
    // One indexed lookup per identifier; `bpchar` keeps the char(18) index usable without truncating the text.
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM debt_position WHERE entity_id = $1 AND iupd = $2
       UNION
       SELECT position_id FROM payment_option WHERE entity_id = $1 AND iuv = $3
       UNION
       SELECT position_id FROM payment_option WHERE entity_id = $1 AND notice_number = $3::bpchar`,
      [entityId, text, compact],
    );
    return rows.map((row) => row.id);
  }

  optionsOf(positionId: string, manager?: EntityManager): Promise<PaymentOptionRow[]> {
    return this.runner(manager)
      .getRepository(PaymentOptionRow)
      .createQueryBuilder('o')
      .where('o.position_id = :positionId', { positionId })
      .orderBy('o.installment', 'ASC', 'NULLS FIRST')
      .getMany();
  }

  async aggregate(position: DebtPositionRow, manager?: EntityManager): Promise<PositionAggregate> {
    const runner = this.runner(manager);
    const [options, codes] = await Promise.all([
      this.optionsOf(position.id, manager),
      runner.query(
        `SELECT e.fiscal_code, d.code FROM creditor_entity e, due_type d WHERE e.id = $1 AND d.id = $2`,
        [position.entityId, position.dueTypeId],
      ) as Promise<{ fiscal_code: string; code: string }[]>,
    ]);
    const code = codes[0] as { fiscal_code: string; code: string };
    return { position, options, entityFiscalCode: code.fiscal_code, dueTypeCode: code.code };
  }

  history(positionId: string): Promise<PositionHistoryRow[]> {
    return this.dataSource
      .getRepository(PositionHistoryRow)
      .find({ where: { positionId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }

  /**
   * One page of the list, newest first. The page's ids are picked first, from the indexes alone when they can be
   * (`(entity_id, created_at, id)`, `(entity_id, status, created_at, id) INCLUDE (due_type_id, amount_cents)`,
   * `(entity_id, due_type_id, created_at, id) INCLUDE (status, amount_cents)`, debtor and amount indexes); then
   * only those rows are read, with their first option and installment count.
   */
  async list(entityId: string, query: ListQuery): Promise<SummaryRow[]> {
    const params: unknown[] = [entityId];
    const where = ['p.entity_id = $1', ...this.filterClauses(query, params)];
    if (query.after) {
      params.push(query.after.createdAt, query.after.id);
      where.push(`(p.created_at, p.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(query.limit);
    const rows: RawSummary[] = await this.dataSource.query(
      `SELECT p.id, p.iupd, d.code AS due_type_code, p.debtor_id_value, p.debtor_name, p.description, p.status,
              p.amount_cents, p.paid_cents, first.notice_number, first.due_date::text AS due_date,
              counts.installments,
              to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
              to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_created_at
         FROM (SELECT p.id FROM debt_position p
                WHERE ${where.join(' AND ')}
                ORDER BY p.created_at DESC, p.id DESC
                LIMIT $${params.length}) page
         JOIN debt_position p ON p.id = page.id
         JOIN due_type d ON d.id = p.due_type_id
         LEFT JOIN LATERAL (
              SELECT o.notice_number, o.due_date FROM payment_option o
               WHERE o.position_id = p.id ORDER BY o.installment ASC NULLS FIRST LIMIT 1) first ON true
         LEFT JOIN LATERAL (
              SELECT count(o.installment) AS installments FROM payment_option o WHERE o.position_id = p.id) counts
           ON true
        ORDER BY p.created_at DESC, p.id DESC`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      iupd: row.iupd,
      dueTypeCode: row.due_type_code,
      debtorIdValue: row.debtor_id_value,
      debtorName: row.debtor_name,
      description: row.description,
      status: row.status,
      amountCents: Number(row.amount_cents),
      paidCents: Number(row.paid_cents),
      noticeNumber: row.notice_number ?? '',
      dueDate: row.due_date ?? '',
      installments: Number(row.installments),
      createdAt: row.created_at,
      cursorCreatedAt: row.cursor_created_at,
    }));
  }

  private filterClauses(query: ListQuery, params: unknown[]): string[] {
    const clauses: string[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.ids) clauses.push(`p.id = ANY(${param(query.ids)}::uuid[])`);
    if (query.status) clauses.push(`p.status = ${param(query.status)}`);
    if (query.dueTypeId) clauses.push(`p.due_type_id = ${param(query.dueTypeId)}`);
    if (query.debtor) {
      const text = query.debtor.trim();
      // A fiscal code, a VAT number or ANONIMO is matched exactly; anything else is the start of a name.
      if (/^([A-Za-z0-9]{16}|\d{11}|anonimo)$/i.test(text)) {
        clauses.push(`p.debtor_id_value = ${param(text.toUpperCase())}`);
      } else {
        clauses.push(`lower(p.debtor_name) LIKE ${param(`${escapeLike(text.toLowerCase())}%`)}`);
      }
    }
    if (query.dueFrom || query.dueTo) {
      const range = this.dueRange(query, param);
      // Few options due in the window: collect their positions through the due-date index, once. Many: walk
      // the newest positions and probe their options, the page fills quickly.
      clauses.push(
        query.dueWindow === 'narrow'
          ? `p.id = ANY(ARRAY(SELECT o.position_id FROM payment_option o WHERE o.entity_id = $1 AND ${range}))`
          : `EXISTS (SELECT 1 FROM payment_option o WHERE o.position_id = p.id AND ${range})`,
      );
    }
    // Creation days are Europe/Rome days, whatever the server's time zone.
    if (query.createdFrom) {
      clauses.push(
        `p.created_at >= (${param(query.createdFrom)}::date::timestamp AT TIME ZONE 'Europe/Rome')`,
      );
    }
    if (query.createdTo) {
      clauses.push(
        `p.created_at < ((${param(query.createdTo)}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')`,
      );
    }
    if (query.minAmountCents !== undefined) clauses.push(`p.amount_cents >= ${param(query.minAmountCents)}`);
    if (query.maxAmountCents !== undefined) clauses.push(`p.amount_cents <= ${param(query.maxAmountCents)}`);
    return clauses;
  }

  private dueRange(query: DebtPositionFilters, param: (value: unknown) => string): string {
    const range: string[] = [];
    if (query.dueFrom) range.push(`o.due_date >= ${param(query.dueFrom)}::date`);
    if (query.dueTo) range.push(`o.due_date <= ${param(query.dueTo)}::date`);
    return range.join(' AND ');
  }

  /**
   * Whether at most `threshold` options of the entity fall due in the window (an index-only count that stops
   * there), which decides how the list looks for their positions.
   */
  async fewOptionsDue(entityId: string, query: DebtPositionFilters, threshold: number): Promise<boolean> {
    const params: unknown[] = [entityId];
    const range = this.dueRange(query, (value) => {
      params.push(value);
      return `$${params.length}`;
    });
    params.push(threshold + 1);
    const rows: { n: string }[] = await this.dataSource.query(
      `SELECT count(*) AS n FROM (SELECT 1 FROM payment_option o WHERE o.entity_id = $1 AND ${range}
                                  LIMIT $${params.length}) due`,
      params,
    );
    return Number(rows[0]?.n ?? 0) <= threshold;
  }

  /** VALID positions whose unpaid options are all past their validity date (`today` excluded). */
  async expiredCandidates(today: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT p.id FROM debt_position p
        WHERE p.status = 'VALID'
          AND EXISTS (SELECT 1 FROM payment_option o WHERE o.position_id = p.id AND o.status = 'UNPAID')
          AND NOT EXISTS (
                SELECT 1 FROM payment_option o
                 WHERE o.position_id = p.id AND o.status = 'UNPAID'
                   AND COALESCE(o.validity_date, o.due_date) >= $1::date)`,
      [today],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Moves the given positions to EXPIRED if they still qualify (checked again under the row locks: a payment or
   * an edit may have happened since they were picked) and writes their history. Returns how many moved.
   */
  async expire(
    manager: EntityManager,
    ids: string[],
    today: string,
    actor: string,
    note: string,
  ): Promise<number> {
    const rows: { id: string }[] = await manager.query(
      `WITH expired AS (
         UPDATE debt_position p SET status = 'EXPIRED', version = p.version + 1, updated_at = now()
          WHERE p.id = ANY($1::uuid[]) AND p.status = 'VALID'
            AND EXISTS (SELECT 1 FROM payment_option o WHERE o.position_id = p.id AND o.status = 'UNPAID')
            AND NOT EXISTS (
                  SELECT 1 FROM payment_option o
                   WHERE o.position_id = p.id AND o.status = 'UNPAID'
                     AND COALESCE(o.validity_date, o.due_date) >= $2::date)
          RETURNING p.id),
       logged AS (
         INSERT INTO position_history (position_id, from_status, to_status, actor, note)
         SELECT id, 'VALID', 'EXPIRED', $3, $4 FROM expired
         RETURNING position_id)
       SELECT position_id AS id FROM logged`,
      [ids, today, actor, note],
    );
    return rows.length;
  }

  /** Streams the list's rows in pages for the export: same filters, same order, no page size limit. */
  async *iterate(entityId: string, query: Omit<ListQuery, 'limit' | 'after'>, pageSize = 1000) {
    let after: ListCursor | undefined;
    for (;;) {
      const page = await this.list(entityId, { ...query, limit: pageSize, ...(after ? { after } : {}) });
      yield page;
      const last = page[page.length - 1];
      if (page.length < pageSize || !last) return;
      after = { createdAt: last.cursorCreatedAt, id: last.id };
    }
  }
}

/** Escapes LIKE wildcards in user text (the default escape character is the backslash). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
