import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { type AccountKind } from '@pagamenti/contracts';
import { CreditorEntity } from './creditor-entity.entity';

/** An IBAN an entity is credited on (bank or postal account), with its use. */
@Entity('entity_account')
@Index('entity_account_entity_iban_unique', ['entityId', 'iban'], { unique: true })
@Check('entity_account_kind_known', `"kind" IN ('BANK','POSTAL')`)
@Check('entity_account_iban_format', `"iban" ~ '^IT[0-9]{2}[A-Z][0-9]{10}[A-Z0-9]{12}$'`)
export class EntityAccount {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @ManyToOne(() => CreditorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entity_id' })
  entity?: CreditorEntity;

  @Column({ type: 'varchar', length: 27 })
  iban: string;

  @Column({ type: 'varchar', length: 10 })
  kind: AccountKind;

  @Column({ type: 'varchar', length: 200 })
  description: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
