import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AmountMode,
  type DueTypeFormSchema,
  type MyReceiptsQuery,
  type PaymentOptionStatus,
  type PositionStatus,
  type SpontaneousService,
  type SpontaneousServiceDetail,
  type SpontaneousServicesQuery,
} from '@pagamenti/contracts';
import {
  PaymentAttemptNoticeRow,
  type PaymentAttemptOrigin,
  PaymentAttemptRow,
} from './payment-attempt.entity';

export interface NewAttempt {
  reference: string;
  origin: PaymentAttemptOrigin;
  personFiscalCode: string | null;
  apiKeyId: string | null;
  positionId: string | null;
  formValues: Record<string, string | number | boolean> | null;
  notices: Omit<PaymentAttemptNoticeRow, 'attemptId' | 'position' | 'attempt'>[];
}

export interface StoredAttempt {
  attempt: PaymentAttemptRow;
  notices: PaymentAttemptNoticeRow[];
}

/** A receipt as the citizen area shows it: one per pagoPA receipt id, the primary delivery first. */
export interface ReceiptLine {
  id: string;
  receiptId: string;
  recipientEntityId: string | null;
  noticeNumber: string;
  entityFiscalCode: string;
  companyName: string;
  description: string;
  outcome: 'OK' | 'KO';
  amountCents: number;
  feeCents: number | null;
  paidAt: Date;
  pspCompanyName: string;
  debtorIdValue: string;
  debtorName: string;
  payerIdValue: string | null;
}

export interface DebtorPositionRow {
  id: string;
  entityId: string;
  entityFiscalCode: string;
  entityName: string;
  dueTypeName: string;
  description: string;
  status: PositionStatus;
  amountCents: number;
  paidCents: number;
  updatedAt: Date;
  options: {
    noticeNumber: string;
    installment: number | null;
    amountCents: number;
    dueDate: string;
    validityDate: string | null;
    description: string;
    status: PaymentOptionStatus;
    paidAt: Date | null;
  }[];
}

/** A receipt's place in the citizen's list (paid instant, our id), for the cursor. */
export interface ReceiptCursor {
  paidAt: string;
  id: string;
}

/** Who may download a receipt, decided by the query that finds it. */
export interface ReceiptAccess {
  id: string;
  recipientEntityId: string;
}

interface ReceiptSqlRow {
  id: string;
  receipt_id: string;
  recipient_entity_id: string | null;
  notice_number: string;
  entity_fiscal_code: string;
  company_name: string;
  description: string;
  outcome: 'OK' | 'KO';
  amount_cents: string | number;
  fee_cents: string | number | null;
  paid_at: Date | string;
  paid_at_text: string;
  psp_company_name: string;
  debtor_id_value: string;
  debtor_name: string;
  payer_id_value: string | null;
}

const RECEIPT_COLUMNS = `r.id, r.receipt_id, r.recipient_entity_id, r.notice_number, r.entity_fiscal_code, r.company_name,
  r.description, r.outcome, r.amount_cents, r.fee_cents, COALESCE(r.payment_date_time, r.received_at) AS paid_at,
  to_char(COALESCE(r.payment_date_time, r.received_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS paid_at_text,
  r.psp_company_name, r.debtor_id_value, r.debtor->>'name' AS debtor_name, r.payer_id_value`;

/** Positions a citizen still sees in "I miei avvisi": payable, partly paid, or expired (with the entity's contact). */
const OPEN_STATUSES: PositionStatus[] = ['VALID', 'PARTIALLY_PAID', 'EXPIRED'];

/** `%` and `_` typed by a citizen are letters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toReceiptLine(row: ReceiptSqlRow): ReceiptLine & { cursor: ReceiptCursor } {
  return {
    id: row.id,
    receiptId: row.receipt_id,
    recipientEntityId: row.recipient_entity_id,
    noticeNumber: row.notice_number,
    entityFiscalCode: row.entity_fiscal_code,
    companyName: row.company_name,
    description: row.description,
    outcome: row.outcome,
    amountCents: Number(row.amount_cents),
    feeCents: row.fee_cents === null ? null : Number(row.fee_cents),
    paidAt: new Date(row.paid_at),
    pspCompanyName: row.psp_company_name,
    debtorIdValue: row.debtor_id_value,
    debtorName: row.debtor_name,
    payerIdValue: row.payer_id_value,
    cursor: { paidAt: row.paid_at_text, id: row.id },
  };
}

/**
 * Every query of the payments module: Checkout attempts, and the citizen's reads across entities (positions where
 * the person is the debtor, receipts where they are debtor or payer, the spontaneous-payment catalogue). Notices are
 * looked up through the station's repository, positions are created through PositionsService.
 */
@Injectable()
export class PaymentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ---------------------------------------------------------------- attempts

  async insertAttempt(attempt: NewAttempt, manager?: EntityManager): Promise<PaymentAttemptRow> {
    const run = async (tx: EntityManager) => {
      const row = await tx.getRepository(PaymentAttemptRow).save(
        tx.getRepository(PaymentAttemptRow).create({
          reference: attempt.reference,
          origin: attempt.origin,
          personFiscalCode: attempt.personFiscalCode,
          apiKeyId: attempt.apiKeyId,
          positionId: attempt.positionId,
          formValues: attempt.formValues,
          totalAmountCents: attempt.notices.reduce((sum, notice) => sum + notice.amountCents, 0),
          declaredOutcome: null,
          checkoutFailure: null,
        }),
      );
      await tx
        .getRepository(PaymentAttemptNoticeRow)
        .insert(
          attempt.notices.map((notice, index) => ({ ...notice, attemptId: row.id, position: index + 1 })),
        );
      return row;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async findAttempt(reference: string): Promise<StoredAttempt | null> {
    const attempt = await this.dataSource.getRepository(PaymentAttemptRow).findOneBy({ reference });
    if (!attempt) return null;
    const notices = await this.dataSource
      .getRepository(PaymentAttemptNoticeRow)
      .find({ where: { attemptId: attempt.id }, order: { position: 'ASC' } });
    return { attempt, notices };
  }

  /** Records the first outcome the citizen's browser declares; later ones do not overwrite it. */
  async declareOutcome(attemptId: string, outcome: 'CANCELLED' | 'ERROR'): Promise<void> {
    await this.dataSource.query(
      'UPDATE payment_attempt SET declared_outcome = $2 WHERE id = $1 AND declared_outcome IS NULL',
      [attemptId, outcome],
    );
  }

  async recordCheckoutFailure(attemptId: string, failure: string): Promise<void> {
    await this.dataSource.query('UPDATE payment_attempt SET checkout_failure = $2 WHERE id = $1', [
      attemptId,
      failure.slice(0, 2000),
    ]);
  }

  /**
   * Receipts of an attempt: those whose V2 `paymentNote` is the cart id, or whose payment token was activated with
   * it (paGetPayment carries the paymentNote, the receipt then links its token to the activation).
   */
  async receiptsOfAttempt(attemptId: string): Promise<ReceiptLine[]> {
    const rows: ReceiptSqlRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (r.receipt_id) ${RECEIPT_COLUMNS}
         FROM receipt r
        WHERE r.receipt_id IN (
                SELECT receipt_id FROM receipt WHERE payment_note = $1
                UNION
                SELECT payment_token FROM payment_activation WHERE payment_note = $1 AND payment_token IS NOT NULL)
          AND EXISTS (SELECT 1 FROM payment_attempt_notice n
                       WHERE n.attempt_id = $1::uuid AND n.entity_fiscal_code = r.entity_fiscal_code
                         AND n.notice_number = r.notice_number)
        ORDER BY r.receipt_id, (r.role = 'PRIMARY') DESC, r.received_at`,
      [attemptId],
    );
    return rows.map(toReceiptLine);
  }

  /** Notices (`<entity fiscal code>:<notice number>`) of carts opened since `since` that have not ended. */
  async noticesInProgress(
    notices: { entityFiscalCode: string; noticeNumber: string }[],
    since: Date,
  ): Promise<Set<string>> {
    if (notices.length === 0) return new Set();
    const rows: { entity_fiscal_code: string; notice_number: string }[] = await this.dataSource.query(
      `SELECT DISTINCT n.entity_fiscal_code, n.notice_number
         FROM payment_attempt_notice n JOIN payment_attempt a ON a.id = n.attempt_id
        WHERE (n.entity_fiscal_code, n.notice_number) IN (
                SELECT * FROM unnest($1::varchar[], $2::bpchar[]))
          AND a.created_at >= $3 AND a.declared_outcome IS NULL AND a.checkout_failure IS NULL`,
      [notices.map((n) => n.entityFiscalCode), notices.map((n) => n.noticeNumber), since],
    );
    return new Set(rows.map((row) => `${row.entity_fiscal_code}:${row.notice_number}`));
  }

  /** A receipt of the attempt, by our id: the reference is the only key to it. */
  async receiptOfAttempt(attemptId: string, id: string): Promise<ReceiptAccess | null> {
    const receipts = await this.receiptsOfAttempt(attemptId);
    const found = receipts.find((receipt) => receipt.id === id && receipt.outcome === 'OK');
    return found?.recipientEntityId ? { id: found.id, recipientEntityId: found.recipientEntityId } : null;
  }

  // ---------------------------------------------------------------- the citizen

  /** Positions where `fiscalCode` is the debtor, still open, across every entity; one of them with `positionId`. */
  async positionsOfDebtor(fiscalCode: string, positionId?: string): Promise<DebtorPositionRow[]> {
    const params: unknown[] = [fiscalCode, OPEN_STATUSES];
    if (positionId) params.push(positionId);
    const positions: {
      id: string;
      entity_id: string;
      entity_fiscal_code: string;
      entity_name: string;
      due_type_name: string;
      description: string;
      status: PositionStatus;
      amount_cents: string | number;
      paid_cents: string | number;
      updated_at: Date;
    }[] = await this.dataSource.query(
      `SELECT p.id, p.entity_id, e.fiscal_code AS entity_fiscal_code, e.name AS entity_name, d.name AS due_type_name,
              p.description, p.status, p.amount_cents, p.paid_cents, p.updated_at
         FROM debt_position p
         JOIN creditor_entity e ON e.id = p.entity_id
         JOIN due_type d ON d.id = p.due_type_id
        WHERE p.debtor_id_value = $1 AND p.status = ANY($2::varchar[]) ${positionId ? 'AND p.id = $3' : ''}
        ORDER BY p.created_at DESC, p.id
        LIMIT 200`,
      params,
    );
    if (positions.length === 0) return [];
    const options: {
      position_id: string;
      notice_number: string;
      installment: number | null;
      amount_cents: string | number;
      due_date: string;
      validity_date: string | null;
      description: string;
      status: PaymentOptionStatus;
      paid_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT position_id, notice_number, installment, amount_cents, to_char(due_date, 'YYYY-MM-DD') AS due_date,
              to_char(validity_date, 'YYYY-MM-DD') AS validity_date, description, status, paid_at
         FROM payment_option WHERE position_id = ANY($1::uuid[])
        ORDER BY position_id, installment NULLS FIRST`,
      [positions.map((position) => position.id)],
    );
    const byPosition = new Map<string, DebtorPositionRow['options']>();
    for (const option of options) {
      const list = byPosition.get(option.position_id) ?? [];
      list.push({
        noticeNumber: option.notice_number,
        installment: option.installment === null ? null : Number(option.installment),
        amountCents: Number(option.amount_cents),
        dueDate: option.due_date,
        validityDate: option.validity_date,
        description: option.description,
        status: option.status,
        paidAt: option.paid_at ? new Date(option.paid_at) : null,
      });
      byPosition.set(option.position_id, list);
    }
    return positions.map((position) => ({
      id: position.id,
      entityId: position.entity_id,
      entityFiscalCode: position.entity_fiscal_code,
      entityName: position.entity_name,
      dueTypeName: position.due_type_name,
      description: position.description,
      status: position.status,
      amountCents: Number(position.amount_cents),
      paidCents: Number(position.paid_cents),
      updatedAt: new Date(position.updated_at),
      options: byPosition.get(position.id) ?? [],
    }));
  }

  /** Receipts (outcome OK) where the person is the debtor or the payer, newest first. */
  async receiptsOfPerson(
    fiscalCode: string,
    query: Omit<MyReceiptsQuery, 'cursor' | 'limit'>,
    limit: number,
    after: ReceiptCursor | null,
  ): Promise<(ReceiptLine & { cursor: ReceiptCursor })[]> {
    const params: unknown[] = [fiscalCode];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const entity = query.entity?.trim();
    if (entity) {
      where.push(
        /^\d{11}$/.test(entity)
          ? `r.entity_fiscal_code = ${param(entity)}`
          : `r.company_name ILIKE ${param(likePattern(entity))}`,
      );
    }
    const paidAt = 'COALESCE(r.payment_date_time, r.received_at)';
    if (query.from)
      where.push(`${paidAt} >= (${param(query.from)}::date::timestamp AT TIME ZONE 'Europe/Rome')`);
    if (query.to)
      where.push(`${paidAt} < ((${param(query.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')`);
    if (query.minAmountCents !== undefined) where.push(`r.amount_cents >= ${param(query.minAmountCents)}`);
    if (query.maxAmountCents !== undefined) where.push(`r.amount_cents <= ${param(query.maxAmountCents)}`);
    const cursor = after
      ? `WHERE (x.paid_at, x.id) < (${param(after.paidAt)}::timestamptz, ${param(after.id)}::uuid)`
      : '';
    const rows: ReceiptSqlRow[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (r.receipt_id) ${RECEIPT_COLUMNS}
           FROM receipt r
          WHERE r.outcome = 'OK' AND (r.debtor_id_value = $1 OR r.payer_id_value = $1)
                ${where.map((clause) => `AND ${clause}`).join(' ')}
          ORDER BY r.receipt_id, (r.role = 'PRIMARY') DESC, r.received_at) x
       ${cursor}
       ORDER BY x.paid_at DESC, x.id DESC
       LIMIT ${param(limit)}`,
      params,
    );
    return rows.map(toReceiptLine);
  }

  /** A receipt (our id) where the person is the debtor or the payer. */
  async receiptOfPerson(fiscalCode: string, id: string): Promise<ReceiptAccess | null> {
    const rows: { id: string; recipient_entity_id: string | null }[] = await this.dataSource.query(
      `SELECT id, recipient_entity_id FROM receipt
        WHERE id = $2 AND outcome = 'OK' AND (debtor_id_value = $1 OR payer_id_value = $1)`,
      [fiscalCode, id],
    );
    const row = rows[0];
    return row?.recipient_entity_id ? { id: row.id, recipientEntityId: row.recipient_entity_id } : null;
  }

  // ---------------------------------------------------------------- spontaneous payments

  /**
   * Due types open to spontaneous payment: spontaneous and active, of entities in production with the
   * PAGAMENTI_SPONTANEI service active and a station. `q` matches words of the service's or the entity's name.
   */
  async spontaneousServices(query: SpontaneousServicesQuery, limit = 100): Promise<SpontaneousService[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    for (const word of (query.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5)) {
      const pattern = param(likePattern(word));
      where.push(`(d.name ILIKE ${pattern} OR d.description ILIKE ${pattern} OR e.name ILIKE ${pattern})`);
    }
    const entity = query.entity?.trim();
    if (entity) {
      if (/^[0-9a-f-]{36}$/i.test(entity)) where.push(`e.id = ${param(entity)}::uuid`);
      else if (/^\d{11}$/.test(entity)) where.push(`e.fiscal_code = ${param(entity)}`);
      else where.push(`e.name ILIKE ${param(likePattern(entity))}`);
    }
    const rows: ServiceSqlRow[] = await this.dataSource.query(
      `${SERVICE_SELECT} ${where.map((clause) => `AND ${clause}`).join(' ')}
        ORDER BY e.name, d.name LIMIT ${param(limit)}`,
      params,
    );
    return rows.map(toService);
  }

  async spontaneousService(dueTypeId: string): Promise<SpontaneousServiceDetail | null> {
    const rows: (ServiceSqlRow & { form_schema: DueTypeFormSchema | null; debtor_required: boolean })[] =
      await this.dataSource.query(`${SERVICE_SELECT} AND d.id = $1`, [dueTypeId]);
    const row = rows[0];
    if (!row) return null;
    return { ...toService(row), formSchema: row.form_schema, debtorRequired: row.debtor_required };
  }
}

interface ServiceSqlRow {
  id: string;
  code: string;
  name: string;
  description: string | null;
  entity_id: string;
  entity_fiscal_code: string;
  entity_name: string;
  amount_mode: AmountMode;
  fixed_amount_cents: string | number | null;
  min_amount_cents: string | number | null;
  max_amount_cents: string | number | null;
}

const SERVICE_SELECT = `SELECT d.id, d.code, d.name, d.description, e.id AS entity_id, e.fiscal_code AS entity_fiscal_code,
    e.name AS entity_name, d.amount_mode, d.fixed_amount_cents, d.min_amount_cents, d.max_amount_cents,
    d.form_schema, d.debtor_required
  FROM due_type d
  JOIN creditor_entity e ON e.id = d.entity_id
  JOIN entity_service_activation s ON s.entity_id = e.id AND s.service = 'PAGAMENTI_SPONTANEI'
 WHERE d.spontaneous AND d.active AND e.onboarding_stage = 'PRODUCTION' AND e.station_id IS NOT NULL
   AND s.status = 'ACTIVE'`;

function toService(row: ServiceSqlRow): SpontaneousService {
  const cents = (value: string | number | null) => (value === null ? null : Number(value));
  return {
    dueTypeId: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    entityId: row.entity_id,
    entityFiscalCode: row.entity_fiscal_code,
    entityName: row.entity_name,
    amountMode: row.amount_mode,
    fixedAmountCents: cents(row.fixed_amount_cents),
    minAmountCents: cents(row.min_amount_cents),
    maxAmountCents: cents(row.max_amount_cents),
  };
}
