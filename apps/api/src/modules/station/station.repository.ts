import { Injectable } from '@nestjs/common';
import {
  type DebtorType,
  type MetadataEntry,
  type PaymentOptionStatus,
  type PositionStatus,
  type Transfer,
} from '@pagamenti/contracts';
import { type ReceiptAnomaly, type ReceiptSubject, type ReceiptTransfer } from './receipt.entity';
import { StationSql } from './station-sql';

/** A payment option with its position, as the station reads it (one query, no lock). */
export interface OptionRecord {
  optionId: string;
  positionId: string;
  noticeNumber: string;
  iuv: string;
  installment: number | null;
  amountCents: number;
  dueDate: string;
  validityDate: string | null;
  retentionDate: string | null;
  optionDescription: string;
  optionStatus: PaymentOptionStatus;
  transfers: Transfer[];
  positionStatus: PositionStatus;
  positionDescription: string;
  metadata: MetadataEntry[];
  debtor: {
    type: DebtorType;
    idValue: string;
    name: string;
    street: string | null;
    civicNumber: string | null;
    postalCode: string | null;
    city: string | null;
    province: string | null;
    country: string | null;
    email: string | null;
  };
}

/** A position and all its options as a receipt is decided on, with the version that guards the write. */
export interface PositionSnapshot {
  id: string;
  status: PositionStatus;
  paidCents: number;
  version: number;
  options: {
    id: string;
    noticeNumber: string;
    installment: number | null;
    status: PaymentOptionStatus;
    amountCents: number;
    dueDate: string;
    validityDate: string | null;
  }[];
}

export interface NewActivation {
  entityFiscalCode: string;
  noticeNumber: string;
  optionId: string;
  primitiveVersion: number;
  requestedAmountCents: number | null;
  amountCents: number;
  paymentNote: string | null;
  transferType: string | null;
  stationCode: string;
  correlationId: string | null;
}

/** What a receipt that settles an option changes, decided by the lifecycle before the write. */
export interface ReceiptPayment {
  optionId: string;
  positionId: string;
  /** The position's version when read: the write applies only if it is unchanged. */
  expectedVersion: number;
  fromStatus: PositionStatus;
  toStatus: PositionStatus;
  paidCents: number;
  actor: string;
  note: string;
}

export interface NewReceipt {
  receiptId: string;
  recipientFiscalCode: string;
  recipientEntityId: string;
  role: 'PRIMARY' | 'SECONDARY';
  brokerCode: string;
  stationCode: string;
  primitiveVersion: 1 | 2;
  noticeNumber: string;
  entityFiscalCode: string;
  creditorReferenceId: string;
  positionId: string | null;
  optionId: string | null;
  outcome: 'OK' | 'KO';
  amountCents: number;
  feeCents: number | null;
  primaryCiIncurredFeeCents: number | null;
  description: string;
  companyName: string;
  officeName: string | null;
  debtor: ReceiptSubject;
  payer: ReceiptSubject | null;
  transfers: ReceiptTransfer[];
  pspId: string;
  pspFiscalCode: string | null;
  pspVatNumber: string | null;
  pspCompanyName: string;
  channelId: string;
  channelDescription: string;
  paymentMethod: string | null;
  paymentNote: string | null;
  idBundle: string | null;
  idCiBundle: string | null;
  paymentDateTime: string | null;
  applicationDate: string | null;
  transferDate: string | null;
  metadata: MetadataEntry[];
  standIn: boolean;
  anomaly: ReceiptAnomaly | null;
  anomalyReason: string | null;
  correlationId: string | null;
  rawXml: string;
}

const OPTION_SQL = `SELECT o.id AS option_id, o.position_id, o.notice_number, o.iuv, o.installment, o.amount_cents,
  o.due_date, o.validity_date, o.retention_date, o.description AS option_description, o.status AS option_status,
  o.transfers, p.status AS position_status, p.description AS position_description, p.metadata, p.debtor_type,
  p.debtor_id_value, p.debtor_name, p.debtor_street, p.debtor_civic_number, p.debtor_postal_code, p.debtor_city,
  p.debtor_province, p.debtor_country, p.debtor_email
  FROM payment_option o JOIN debt_position p ON p.id = o.position_id
  WHERE o.entity_id = $1 AND o.notice_number = $2`;

interface OptionSqlRow {
  option_id: string;
  position_id: string;
  notice_number: string;
  iuv: string;
  installment: number | null;
  amount_cents: string | number;
  due_date: string;
  validity_date: string | null;
  retention_date: string | null;
  option_description: string;
  option_status: PaymentOptionStatus;
  transfers: Transfer[];
  position_status: PositionStatus;
  position_description: string;
  metadata: MetadataEntry[];
  debtor_type: DebtorType;
  debtor_id_value: string;
  debtor_name: string;
  debtor_street: string | null;
  debtor_civic_number: string | null;
  debtor_postal_code: string | null;
  debtor_city: string | null;
  debtor_province: string | null;
  debtor_country: string | null;
  debtor_email: string | null;
}

/** Raw SQL on the station's hot path: verify and activate cost one indexed query each. */
@Injectable()
export class StationRepository {
  constructor(private readonly sql: StationSql) {}

  async findOption(entityId: string, noticeNumber: string): Promise<OptionRecord | null> {
    const rows = await this.sql.query<OptionSqlRow>('station_find_option', OPTION_SQL, [
      entityId,
      noticeNumber,
    ]);
    const row = rows[0];
    return row ? toOptionRecord(row) : null;
  }

  async insertActivation(activation: NewActivation): Promise<void> {
    await this.sql.query(
      'station_insert_activation',
      `INSERT INTO payment_activation (entity_fiscal_code, notice_number, option_id, primitive_version,
        requested_amount_cents, amount_cents, payment_note, transfer_type, station_code, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        activation.entityFiscalCode,
        activation.noticeNumber,
        activation.optionId,
        activation.primitiveVersion,
        activation.requestedAmountCents,
        activation.amountCents,
        activation.paymentNote,
        activation.transferType,
        activation.stationCode,
        activation.correlationId,
      ],
    );
  }

  /** The position owning the notice with all its options and its version, in one round trip (no lock). */
  async positionOfNotice(entityId: string, noticeNumber: string): Promise<PositionSnapshot | null> {
    const rows: {
      id: string;
      status: PositionStatus;
      paid_cents: string | number;
      version: number;
      options: {
        id: string;
        noticeNumber: string;
        installment: number | null;
        status: PaymentOptionStatus;
        amountCents: number | string;
        dueDate: string;
        validityDate: string | null;
      }[];
    }[] = await this.sql.query(
      'station_position_of_notice',
      `SELECT p.id, p.status, p.paid_cents, p.version,
         (SELECT json_agg(json_build_object('id', o.id, 'noticeNumber', o.notice_number, 'installment', o.installment,
            'status', o.status, 'amountCents', o.amount_cents, 'dueDate', o.due_date, 'validityDate', o.validity_date)
            ORDER BY o.installment NULLS FIRST)
          FROM payment_option o WHERE o.position_id = p.id) AS options
       FROM debt_position p
       WHERE p.id = (SELECT position_id FROM payment_option WHERE entity_id = $1 AND notice_number = $2)`,
      [entityId, noticeNumber],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      status: row.status,
      paidCents: Number(row.paid_cents),
      version: Number(row.version),
      options: (row.options ?? []).map((option) => ({
        ...option,
        installment: option.installment === null ? null : Number(option.installment),
        amountCents: Number(option.amountCents),
      })),
    };
  }

  /**
   * Stores a receipt and its effects in ONE statement (data-modifying CTEs, atomic and committed on return): when a
   * payment is applied, the position's new status first, guarded by the version read (optimistic concurrency: a
   * concurrent receipt of the same position makes it match nothing), then — only if that happened, or no payment
   * applies — the receipt row unless this delivery (receiptId, recipient) is already stored, and with it the option
   * marked PAID, the history line, the activation linked to the token and PSP, and the outbox event.
   * `stale`: the position changed since it was read (read again and retry); `duplicate`: already stored.
   */
  async storeReceipt(
    receipt: NewReceipt,
    payment: ReceiptPayment | null,
    event: { type: string; entityId: string; payload: Record<string, unknown> },
  ): Promise<{ stored: string } | { duplicate: true } | { stale: true }> {
    const rows: { id: string | null; proceed: boolean; duplicate: boolean }[] = await this.sql.query(
      'station_store_receipt',
      `WITH already AS (
         SELECT EXISTS (SELECT 1 FROM receipt WHERE receipt_id = $1 AND recipient_fiscal_code = $2) AS duplicate),
       paid_position AS (
         UPDATE debt_position
         SET status = $47::varchar, paid_cents = $48::bigint, version = version + 1, updated_at = now()
         WHERE $44::boolean AND id = $46::uuid AND version = $55::int AND NOT (SELECT duplicate FROM already)
         RETURNING id),
       go AS (SELECT NOT $44::boolean OR EXISTS (SELECT 1 FROM paid_position) AS proceed),
       r AS (
         INSERT INTO receipt (receipt_id, recipient_fiscal_code, recipient_entity_id, role, broker_code, station_code,
           primitive_version, notice_number, entity_fiscal_code, creditor_reference_id, position_id, option_id,
           outcome, amount_cents, fee_cents, primary_ci_incurred_fee_cents, description, company_name, office_name,
           debtor, debtor_id_value, payer, payer_id_value, transfers, psp_id, psp_fiscal_code, psp_vat_number,
           psp_company_name, channel_id, channel_description, payment_method, payment_note, id_bundle, id_ci_bundle,
           payment_date_time, application_date, transfer_date, metadata, stand_in, anomaly, anomaly_reason,
           correlation_id, raw_xml)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
           $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34,
           CASE WHEN $35::text IS NULL THEN NULL
                WHEN $35::text ~ '(Z|[+-][0-9]{2}:[0-9]{2})$' THEN $35::timestamptz
                ELSE $35::timestamp AT TIME ZONE 'Europe/Rome' END,
           $36, $37, $38, $39, $40, $41, $42, $43
         WHERE (SELECT proceed FROM go) AND NOT (SELECT duplicate FROM already)
         ON CONFLICT (receipt_id, recipient_fiscal_code) DO NOTHING
         RETURNING id),
       paid_option AS (
         UPDATE payment_option SET status = 'PAID', paid_at = now()
         WHERE $44::boolean AND id = $45::uuid AND EXISTS (SELECT 1 FROM paid_position)),
       history AS (
         INSERT INTO position_history (position_id, from_status, to_status, actor, note)
         SELECT $46::uuid, $49::varchar, $47::varchar, $50::varchar, $51::text
         WHERE EXISTS (SELECT 1 FROM paid_position)),
       activation AS (
         UPDATE payment_activation SET payment_token = $1, psp_id = $25
         WHERE id = (SELECT id FROM payment_activation
                     WHERE entity_fiscal_code = $9 AND notice_number = $8 AND payment_token IS NULL
                     ORDER BY activated_at DESC LIMIT 1)
           AND EXISTS (SELECT 1 FROM r)),
       event AS (
         INSERT INTO domain_event (type, aggregate_type, aggregate_id, entity_id, payload)
         SELECT $52::varchar, 'receipt', r.id::text, $53::uuid, $54::jsonb FROM r)
       SELECT (SELECT id FROM r) AS id, (SELECT proceed FROM go) AS proceed,
         (SELECT duplicate FROM already) AS duplicate`,
      [
        receipt.receiptId,
        receipt.recipientFiscalCode,
        receipt.recipientEntityId,
        receipt.role,
        receipt.brokerCode,
        receipt.stationCode,
        receipt.primitiveVersion,
        receipt.noticeNumber,
        receipt.entityFiscalCode,
        receipt.creditorReferenceId,
        receipt.positionId,
        receipt.optionId,
        receipt.outcome,
        receipt.amountCents,
        receipt.feeCents,
        receipt.primaryCiIncurredFeeCents,
        receipt.description,
        receipt.companyName,
        receipt.officeName,
        JSON.stringify(receipt.debtor),
        receipt.debtor.idValue.toUpperCase(),
        receipt.payer ? JSON.stringify(receipt.payer) : null,
        receipt.payer ? receipt.payer.idValue.toUpperCase() : null,
        JSON.stringify(receipt.transfers),
        receipt.pspId,
        receipt.pspFiscalCode,
        receipt.pspVatNumber,
        receipt.pspCompanyName,
        receipt.channelId,
        receipt.channelDescription,
        receipt.paymentMethod,
        receipt.paymentNote,
        receipt.idBundle,
        receipt.idCiBundle,
        receipt.paymentDateTime,
        receipt.applicationDate,
        receipt.transferDate,
        JSON.stringify(receipt.metadata),
        receipt.standIn,
        receipt.anomaly,
        receipt.anomalyReason,
        receipt.correlationId,
        receipt.rawXml,
        payment !== null,
        payment?.optionId ?? null,
        payment?.positionId ?? null,
        payment?.toStatus ?? null,
        payment?.paidCents ?? null,
        payment?.fromStatus ?? null,
        payment?.actor ?? null,
        payment?.note ?? null,
        event.type,
        event.entityId,
        JSON.stringify(event.payload),
        payment?.expectedVersion ?? null,
      ],
    );
    const row = rows[0];
    if (row?.id) return { stored: row.id };
    if (!row || row.duplicate || row.proceed) return { duplicate: true };
    return { stale: true };
  }
}

function toOptionRecord(row: OptionSqlRow): OptionRecord {
  return {
    optionId: row.option_id,
    positionId: row.position_id,
    noticeNumber: row.notice_number,
    iuv: row.iuv,
    installment: row.installment === null ? null : Number(row.installment),
    amountCents: Number(row.amount_cents),
    dueDate: row.due_date,
    validityDate: row.validity_date,
    retentionDate: row.retention_date,
    optionDescription: row.option_description,
    optionStatus: row.option_status,
    transfers: row.transfers,
    positionStatus: row.position_status,
    positionDescription: row.position_description,
    metadata: row.metadata ?? [],
    debtor: {
      type: row.debtor_type,
      idValue: row.debtor_id_value,
      name: row.debtor_name,
      street: row.debtor_street,
      civicNumber: row.debtor_civic_number,
      postalCode: row.debtor_postal_code,
      city: row.debtor_city,
      province: row.debtor_province,
      country: row.debtor_country,
      email: row.debtor_email,
    },
  };
}
