import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { centsColumn } from '../positions/debt-position.entity';

/**
 * An activation (paGetPayment / paGetPaymentV2): recorded, never a lock. paGetPayment carries neither the payment
 * token nor the PSP (XSD), so those are filled in from the receipt that completes the payment.
 */
@Entity('payment_activation')
@Index('payment_activation_notice_idx', ['entityFiscalCode', 'noticeNumber', 'activatedAt'])
@Index('payment_activation_token_idx', ['paymentToken'], { where: '"payment_token" IS NOT NULL' })
export class PaymentActivationRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'entity_fiscal_code', type: 'varchar', length: 11 })
  entityFiscalCode: string;

  @Column({ name: 'notice_number', type: 'char', length: 18 })
  noticeNumber: string;

  @Column({ name: 'option_id', type: 'uuid' })
  optionId: string;

  @Column({ name: 'primitive_version', type: 'smallint' })
  primitiveVersion: number;

  /** The amount the payer was about to pay (request), when given. */
  @Column({ name: 'requested_amount_cents', type: 'bigint', nullable: true, transformer: centsColumn })
  requestedAmountCents: number | null;

  /** The current amount we answered with. */
  @Column({ name: 'amount_cents', type: 'bigint', transformer: centsColumn })
  amountCents: number;

  @Column({ name: 'payment_note', type: 'varchar', length: 210, nullable: true })
  paymentNote: string | null;

  @Column({ name: 'transfer_type', type: 'varchar', length: 10, nullable: true })
  transferType: string | null;

  @Column({ name: 'station_code', type: 'varchar', length: 35 })
  stationCode: string;

  @Column({ name: 'payment_token', type: 'varchar', length: 100, nullable: true })
  paymentToken: string | null;

  @Column({ name: 'psp_id', type: 'varchar', length: 35, nullable: true })
  pspId: string | null;

  @Column({ name: 'correlation_id', type: 'varchar', length: 100, nullable: true })
  correlationId: string | null;

  @Column({ name: 'activated_at', type: 'timestamptz', default: () => 'now()' })
  activatedAt: Date;
}
