import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type ValueTransformer,
} from 'typeorm';
import { type DebtorType, type MetadataEntry, type PositionStatus } from '@pagamenti/contracts';
import { CreditorEntity } from '../entities/creditor-entity.entity';
import { DueType } from '../entities/due-type.entity';

/** bigint cents ↔ number: amounts stay below 2^53 (max 999.999.999,99 €). */
export const centsColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A debt position (posizione debitoria): what one debtor owes one entity for one due type. */
@Entity('debt_position')
@Index('debt_position_entity_iupd_unique', ['entityId', 'iupd'], { unique: true })
@Index('debt_position_entity_creation_key_unique', ['entityId', 'creationKey'], {
  unique: true,
  where: '"creation_key" IS NOT NULL',
})
@Index('debt_position_entity_created_idx', ['entityId', 'createdAt', 'id'])
@Index('debt_position_entity_debtor_idx', ['entityId', 'debtorIdValue'])
@Index('debt_position_debtor_idx', ['debtorIdValue'])
@Index('debt_position_entity_amount_idx', ['entityId', 'amountCents'])
// Declared in migration 1795701600000-PositionListIndexes (INCLUDE columns and an expression TypeORM cannot describe).
@Index('debt_position_entity_status_created_idx', { synchronize: false })
@Index('debt_position_entity_due_type_created_idx', { synchronize: false })
@Index('debt_position_entity_debtor_name_idx', { synchronize: false })
@Check(
  'debt_position_status_known',
  `"status" IN ('DRAFT','VALID','PARTIALLY_PAID','PAID','REPORTED','EXPIRED','CANCELLED')`,
)
@Check('debt_position_debtor_type_known', `"debtor_type" IN ('F','G')`)
@Check('debt_position_amounts_positive', `"amount_cents" > 0 AND "paid_cents" >= 0`)
export class DebtPositionRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @ManyToOne(() => CreditorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entity_id' })
  entity?: CreditorEntity;

  @Column({ type: 'varchar', length: 70 })
  iupd: string;

  @Column({ name: 'due_type_id', type: 'uuid' })
  dueTypeId: string;

  @ManyToOne(() => DueType, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'due_type_id' })
  dueType?: DueType;

  @Column({ name: 'debtor_type', type: 'char', length: 1 })
  debtorType: DebtorType;

  /** Fiscal code, VAT number or ANONIMO; upper case. */
  @Column({ name: 'debtor_id_value', type: 'varchar', length: 16 })
  debtorIdValue: string;

  @Column({ name: 'debtor_name', type: 'varchar', length: 140 })
  debtorName: string;

  @Column({ name: 'debtor_street', type: 'varchar', length: 70, nullable: true })
  debtorStreet: string | null;

  @Column({ name: 'debtor_civic_number', type: 'varchar', length: 16, nullable: true })
  debtorCivicNumber: string | null;

  @Column({ name: 'debtor_postal_code', type: 'varchar', length: 16, nullable: true })
  debtorPostalCode: string | null;

  @Column({ name: 'debtor_city', type: 'varchar', length: 35, nullable: true })
  debtorCity: string | null;

  @Column({ name: 'debtor_province', type: 'char', length: 2, nullable: true })
  debtorProvince: string | null;

  @Column({ name: 'debtor_country', type: 'char', length: 2, nullable: true })
  debtorCountry: string | null;

  @Column({ name: 'debtor_email', type: 'varchar', length: 256, nullable: true })
  debtorEmail: string | null;

  @Column({ type: 'varchar', length: 140 })
  description: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  metadata: MetadataEntry[];

  @Column({ type: 'varchar', length: 20 })
  status: PositionStatus;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: centsColumn })
  amountCents: number;

  @Column({ name: 'paid_cents', type: 'bigint', default: 0, transformer: centsColumn })
  paidCents: number;

  /** Optimistic lock, bumped by every change. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  /** Idempotency-Key of the create request (API) or `<job id>:<row>` (bulk import). */
  @Column({ name: 'creation_key', type: 'varchar', length: 200, nullable: true })
  creationKey: string | null;

  /** SHA-256 of the create request, to refuse a reused key with a different body. */
  @Column({ name: 'creation_hash', type: 'char', length: 64, nullable: true })
  creationHash: string | null;

  /** The bulk upload that created it. */
  @Column({ name: 'import_id', type: 'uuid', nullable: true })
  importId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}
