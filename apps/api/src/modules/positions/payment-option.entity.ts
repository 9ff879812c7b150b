import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { type PaymentOptionStatus, type Transfer } from '@pagamenti/contracts';
import { centsColumn, DebtPositionRow } from './debt-position.entity';

/**
 * One way to pay a position: the single payment (installment null) or one installment, each with its own
 * notice number. Transfers live in a JSON array on the option: they are always read and written with it
 * (station, notice, receipt) and never queried alone, and one row per option keeps bulk imports fast.
 */
@Entity('payment_option')
@Index('payment_option_entity_notice_unique', ['entityId', 'noticeNumber'], { unique: true })
@Index('payment_option_entity_iuv_unique', ['entityId', 'iuv'], { unique: true })
@Index('payment_option_position_idx', ['positionId', 'installment'])
@Index('payment_option_entity_due_date_idx', ['entityId', 'dueDate', 'positionId'])
@Check('payment_option_status_known', `"status" IN ('UNPAID','PAID','REPORTED')`)
@Check('payment_option_notice_number_format', `"notice_number" ~ '^[0-3][0-9]{17}$'`)
@Check('payment_option_amount_positive', `"amount_cents" > 0`)
@Check('payment_option_installment_positive', `"installment" IS NULL OR "installment" > 0`)
@Check(
  'payment_option_transfers_count',
  `jsonb_typeof("transfers") = 'array' AND jsonb_array_length("transfers") BETWEEN 1 AND 5`,
)
export class PaymentOptionRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'position_id', type: 'uuid' })
  positionId: string;

  @ManyToOne(() => DebtPositionRow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'position_id' })
  position?: DebtPositionRow;

  /** Denormalised from the position: notice numbers and IUVs are unique per entity. */
  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ name: 'notice_number', type: 'char', length: 18 })
  noticeNumber: string;

  @Column({ type: 'varchar', length: 35 })
  iuv: string;

  @Column({ type: 'smallint', nullable: true })
  installment: number | null;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: centsColumn })
  amountCents: number;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ name: 'validity_date', type: 'date', nullable: true })
  validityDate: string | null;

  @Column({ name: 'retention_date', type: 'date', nullable: true })
  retentionDate: string | null;

  @Column({ type: 'varchar', length: 140 })
  description: string;

  @Column({ type: 'varchar', length: 10, default: 'UNPAID' })
  status: PaymentOptionStatus;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ type: 'jsonb' })
  transfers: Transfer[];
}
