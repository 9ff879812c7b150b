import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreditorEntity } from './creditor-entity.entity';

/** The state of a manual checklist item of an entity (automatic items are derived, never stored). */
@Entity('onboarding_checklist_item')
export class OnboardingChecklistItem {
  @PrimaryColumn({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @PrimaryColumn({ name: 'item_key', type: 'varchar', length: 60 })
  itemKey: string;

  @ManyToOne(() => CreditorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entity_id' })
  entity?: CreditorEntity;

  @Column({ type: 'boolean' })
  done: boolean;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ name: 'done_by', type: 'varchar', length: 200, nullable: true })
  doneBy: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
