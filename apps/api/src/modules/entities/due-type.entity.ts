import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type ValueTransformer,
} from 'typeorm';
import { type AmountMode, type DueTypeFormSchema } from '@pagamenti/contracts';
import { CreditorEntity } from './creditor-entity.entity';
import { EntityAccount } from './entity-account.entity';

/** bigint cents ↔ number: amounts stay below 2^53 (max 999.999.999,99 €). */
const cents: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A type of due (tipo dovuto) in an entity's catalogue. */
@Entity('due_type')
@Index('due_type_entity_code_unique', ['entityId', 'code'], { unique: true })
@Check('due_type_amount_mode_known', `"amount_mode" IN ('FIXED','FREE')`)
@Check('due_type_taxonomy_code_format', `"taxonomy_code" ~ '^[6-9]/[0-9]{7}(IM|TS|SP|SA|AP)/$'`)
@Check(
  'due_type_amounts_consistent',
  `("amount_mode" = 'FIXED' AND "fixed_amount_cents" IS NOT NULL AND "fixed_amount_cents" > 0 AND "min_amount_cents" IS NULL AND "max_amount_cents" IS NULL) OR ("amount_mode" = 'FREE' AND "fixed_amount_cents" IS NULL AND ("min_amount_cents" IS NULL OR "min_amount_cents" > 0) AND ("max_amount_cents" IS NULL OR "max_amount_cents" >= COALESCE("min_amount_cents", 1)))`,
)
export class DueType {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @ManyToOne(() => CreditorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entity_id' })
  entity?: CreditorEntity;

  @Column({ type: 'varchar', length: 35 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Column({ name: 'taxonomy_code', type: 'varchar', length: 20 })
  taxonomyCode: string;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @ManyToOne(() => EntityAccount, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'account_id' })
  account?: EntityAccount | null;

  @Column({ name: 'amount_mode', type: 'varchar', length: 10 })
  amountMode: AmountMode;

  @Column({ name: 'fixed_amount_cents', type: 'bigint', nullable: true, transformer: cents })
  fixedAmountCents: number | null;

  @Column({ name: 'min_amount_cents', type: 'bigint', nullable: true, transformer: cents })
  minAmountCents: number | null;

  @Column({ name: 'max_amount_cents', type: 'bigint', nullable: true, transformer: cents })
  maxAmountCents: number | null;

  @Column({ type: 'boolean', default: false })
  spontaneous: boolean;

  @Column({ name: 'form_schema', type: 'jsonb', nullable: true })
  formSchema: DueTypeFormSchema | null;

  @Column({ name: 'debtor_required', type: 'boolean', default: true })
  debtorRequired: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'preset_key', type: 'varchar', length: 40, nullable: true })
  presetKey: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
