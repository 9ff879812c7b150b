import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { type MetadataEntry } from '@pagamenti/contracts';
import { centsColumn } from '../positions/debt-position.entity';

/** Why a stored receipt needs a human look (the money was taken all the same). */
export type ReceiptAnomaly =
  | 'UNKNOWN_POSITION'
  | 'UNPUBLISHED_POSITION'
  | 'EXPIRED_POSITION'
  | 'CANCELLED_POSITION'
  | 'ALREADY_PAID'
  | 'AMOUNT_MISMATCH'
  | 'STAND_IN'
  | 'OUTCOME_KO';

export const RECEIPT_ANOMALIES: readonly ReceiptAnomaly[] = [
  'UNKNOWN_POSITION',
  'UNPUBLISHED_POSITION',
  'EXPIRED_POSITION',
  'CANCELLED_POSITION',
  'ALREADY_PAID',
  'AMOUNT_MISMATCH',
  'STAND_IN',
  'OUTCOME_KO',
];

/** A subject of the receipt (debtor or payer) as received. */
export interface ReceiptSubject {
  type: 'F' | 'G';
  idValue: string;
  name: string;
  streetName?: string;
  civicNumber?: string;
  postalCode?: string;
  city?: string;
  province?: string;
  country?: string;
  email?: string;
}

/** A transfer of the receipt as received (all of them, also other entities'). */
export interface ReceiptTransfer {
  index: number;
  amountCents: number;
  beneficiaryFiscalCode: string;
  beneficiaryName?: string;
  iban?: string;
  /** V2: base64 of the signed marca da bollo. */
  stampAttachment?: string;
  remittanceInformation: string;
  category: string;
  metadata?: MetadataEntry[];
}

/**
 * A receipt (paSendRT / paSendRTV2) as delivered by the node, stored before we answer OK. One row per delivery
 * to one of our entities (`id_pa`): the same receipt may reach the primary entity and, as secondary creditor or
 * broadcast, another entity of ours. The raw XML is kept for disputes.
 */
@Entity('receipt')
@Index('receipt_receipt_id_recipient_unique', ['receiptId', 'recipientFiscalCode'], { unique: true })
@Index('receipt_entity_notice_idx', ['entityFiscalCode', 'noticeNumber'])
@Index('receipt_position_idx', ['positionId'])
@Index('receipt_debtor_idx', ['debtorIdValue'])
@Index('receipt_payer_idx', ['payerIdValue'])
@Index('receipt_received_idx', ['receivedAt'])
@Index('receipt_anomaly_idx', ['anomaly', 'receivedAt'], { where: '"anomaly" IS NOT NULL' })
@Check('receipt_version_known', `"primitive_version" IN (1, 2)`)
@Check('receipt_role_known', `"role" IN ('PRIMARY','SECONDARY')`)
export class ReceiptRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The payment token (= IUR in the reporting flows). */
  @Column({ name: 'receipt_id', type: 'varchar', length: 100 })
  receiptId: string;

  /** idPA of the call: the entity of ours that received this delivery. */
  @Column({ name: 'recipient_fiscal_code', type: 'varchar', length: 11 })
  recipientFiscalCode: string;

  /** Our entity that received it (null when idPA is not ours: never stored in that case, kept for clarity). */
  @Column({ name: 'recipient_entity_id', type: 'uuid', nullable: true })
  recipientEntityId: string | null;

  /** PRIMARY: the recipient owns the notice; SECONDARY: it is the beneficiary of a transfer (EC-PSP-03). */
  @Column({ type: 'varchar', length: 10 })
  role: 'PRIMARY' | 'SECONDARY';

  @Column({ name: 'broker_code', type: 'varchar', length: 35 })
  brokerCode: string;

  @Column({ name: 'station_code', type: 'varchar', length: 35 })
  stationCode: string;

  @Column({ name: 'primitive_version', type: 'smallint' })
  primitiveVersion: 1 | 2;

  @Column({ name: 'notice_number', type: 'char', length: 18 })
  noticeNumber: string;

  /** The primary entity of the notice (receipt `fiscalCode`). */
  @Column({ name: 'entity_fiscal_code', type: 'varchar', length: 11 })
  entityFiscalCode: string;

  /** IUV. */
  @Column({ name: 'creditor_reference_id', type: 'varchar', length: 35 })
  creditorReferenceId: string;

  @Column({ name: 'position_id', type: 'uuid', nullable: true })
  positionId: string | null;

  @Column({ name: 'option_id', type: 'uuid', nullable: true })
  optionId: string | null;

  @Column({ type: 'varchar', length: 2 })
  outcome: 'OK' | 'KO';

  @Column({ name: 'amount_cents', type: 'bigint', transformer: centsColumn })
  amountCents: number;

  @Column({ name: 'fee_cents', type: 'bigint', nullable: true, transformer: centsColumn })
  feeCents: number | null;

  @Column({ name: 'primary_ci_incurred_fee_cents', type: 'bigint', nullable: true, transformer: centsColumn })
  primaryCiIncurredFeeCents: number | null;

  @Column({ type: 'varchar', length: 140 })
  description: string;

  @Column({ name: 'company_name', type: 'varchar', length: 140 })
  companyName: string;

  @Column({ name: 'office_name', type: 'varchar', length: 140, nullable: true })
  officeName: string | null;

  @Column({ type: 'jsonb' })
  debtor: ReceiptSubject;

  @Column({ name: 'debtor_id_value', type: 'varchar', length: 16 })
  debtorIdValue: string;

  @Column({ type: 'jsonb', nullable: true })
  payer: ReceiptSubject | null;

  @Column({ name: 'payer_id_value', type: 'varchar', length: 16, nullable: true })
  payerIdValue: string | null;

  @Column({ type: 'jsonb' })
  transfers: ReceiptTransfer[];

  @Column({ name: 'psp_id', type: 'varchar', length: 35 })
  pspId: string;

  @Column({ name: 'psp_fiscal_code', type: 'varchar', length: 70, nullable: true })
  pspFiscalCode: string | null;

  @Column({ name: 'psp_vat_number', type: 'varchar', length: 20, nullable: true })
  pspVatNumber: string | null;

  @Column({ name: 'psp_company_name', type: 'varchar', length: 70 })
  pspCompanyName: string;

  @Column({ name: 'channel_id', type: 'varchar', length: 35 })
  channelId: string;

  @Column({ name: 'channel_description', type: 'varchar', length: 35 })
  channelDescription: string;

  @Column({ name: 'payment_method', type: 'varchar', length: 35, nullable: true })
  paymentMethod: string | null;

  /** V2; carries the idCart of payments started on our portal. */
  @Column({ name: 'payment_note', type: 'varchar', length: 210, nullable: true })
  paymentNote: string | null;

  @Column({ name: 'id_bundle', type: 'varchar', length: 70, nullable: true })
  idBundle: string | null;

  @Column({ name: 'id_ci_bundle', type: 'varchar', length: 70, nullable: true })
  idCiBundle: string | null;

  /** Legally binding payment time; offset-less values read as Europe/Rome. */
  @Column({ name: 'payment_date_time', type: 'timestamptz', nullable: true })
  paymentDateTime: Date | null;

  @Column({ name: 'application_date', type: 'date', nullable: true })
  applicationDate: string | null;

  @Column({ name: 'transfer_date', type: 'date', nullable: true })
  transferDate: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  metadata: MetadataEntry[];

  @Column({ name: 'stand_in', type: 'boolean', default: false })
  standIn: boolean;

  /** Null when the receipt settled its option as expected. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  anomaly: ReceiptAnomaly | null;

  @Column({ name: 'anomaly_reason', type: 'text', nullable: true })
  anomalyReason: string | null;

  @Column({ name: 'correlation_id', type: 'varchar', length: 100, nullable: true })
  correlationId: string | null;

  @Column({ name: 'raw_xml', type: 'text' })
  rawXml: string;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
