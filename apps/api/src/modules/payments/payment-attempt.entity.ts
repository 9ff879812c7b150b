import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { centsColumn } from '../positions/debt-position.entity';

export type PaymentAttemptOrigin = 'PUBLIC' | 'CITIZEN' | 'SPONTANEOUS' | 'PORTAL';

/**
 * A Checkout cart we opened: who opened it (a person, an entity's API key, or nobody), when, and what the citizen
 * said on coming back. Its id is the cart's `idCart`, which pagoPA hands back as `paymentNote` in the activation
 * and the V2 receipt; the `reference` is the unguessable token of the outcome page. The outcome is never stored:
 * it is read from the receipts every time, so a late receipt always wins.
 */
@Entity('payment_attempt')
@Index('payment_attempt_reference_unique', ['reference'], { unique: true })
@Index('payment_attempt_person_idx', ['personFiscalCode', 'createdAt'], {
  where: '"person_fiscal_code" IS NOT NULL',
})
@Check('payment_attempt_origin_known', `"origin" IN ('PUBLIC','CITIZEN','SPONTANEOUS','PORTAL')`)
@Check(
  'payment_attempt_declared_outcome_known',
  `"declared_outcome" IS NULL OR "declared_outcome" IN ('CANCELLED','ERROR')`,
)
export class PaymentAttemptRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  reference: string;

  @Column({ type: 'varchar', length: 12 })
  origin: PaymentAttemptOrigin;

  /** The logged-in person who started it. */
  @Column({ name: 'person_fiscal_code', type: 'varchar', length: 16, nullable: true })
  personFiscalCode: string | null;

  /** The entity whose API key started it from the entity's portal. */
  @Column({ name: 'api_key_id', type: 'uuid', nullable: true })
  apiKeyId: string | null;

  @Column({ name: 'total_amount_cents', type: 'bigint', transformer: centsColumn })
  totalAmountCents: number;

  /** Spontaneous payments: the position created for it and the form as the citizen filled it in. */
  @Column({ name: 'position_id', type: 'uuid', nullable: true })
  positionId: string | null;

  @Column({ name: 'form_values', type: 'jsonb', nullable: true })
  formValues: Record<string, string | number | boolean> | null;

  /** What the citizen's browser reported through the cancel or error return URL. */
  @Column({ name: 'declared_outcome', type: 'varchar', length: 10, nullable: true })
  declaredOutcome: 'CANCELLED' | 'ERROR' | null;

  /** Why Checkout could not open the cart (the citizen never left our site). */
  @Column({ name: 'checkout_failure', type: 'text', nullable: true })
  checkoutFailure: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A notice of a cart, in the cart's order, with what we showed the citizen. */
@Entity('payment_attempt_notice')
@Index('payment_attempt_notice_notice_idx', ['entityFiscalCode', 'noticeNumber'])
export class PaymentAttemptNoticeRow {
  @PrimaryColumn({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;

  @PrimaryColumn({ type: 'smallint' })
  position: number;

  @ManyToOne(() => PaymentAttemptRow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: PaymentAttemptRow;

  @Column({ name: 'entity_fiscal_code', type: 'varchar', length: 11 })
  entityFiscalCode: string;

  @Column({ name: 'notice_number', type: 'char', length: 18 })
  noticeNumber: string;

  @Column({ name: 'entity_name', type: 'varchar', length: 255 })
  entityName: string;

  @Column({ type: 'varchar', length: 140 })
  description: string;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: centsColumn })
  amountCents: number;
}

export const PAYMENT_TABLES = [PaymentAttemptRow, PaymentAttemptNoticeRow];
