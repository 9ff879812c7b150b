import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { type OnboardingStage } from '@pagamenti/contracts';
import { CreditorEntity } from './creditor-entity.entity';

/** One step of an entity's onboarding history: append-only. `from_stage` is null for the creation. */
@Entity('onboarding_transition')
@Index('onboarding_transition_entity_idx', ['entityId', 'occurredAt'])
export class OnboardingTransition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @ManyToOne(() => CreditorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entity_id' })
  entity?: CreditorEntity;

  @Column({ name: 'from_stage', type: 'varchar', length: 30, nullable: true })
  fromStage: OnboardingStage | null;

  @Column({ name: 'to_stage', type: 'varchar', length: 30 })
  toStage: OnboardingStage;

  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
