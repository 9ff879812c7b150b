import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { type EntityCategory, type OnboardingStage } from '@pagamenti/contracts';

/** A creditor entity (ente creditore) connected to pagoPA through this intermediary. */
@Entity('creditor_entity')
@Check('creditor_entity_fiscal_code_format', `"fiscal_code" ~ '^[0-9]{11}$'`)
@Check(
  'creditor_entity_onboarding_stage_known',
  `"onboarding_stage" IN ('ADHESION_REQUESTED','AGREEMENT_SIGNED','CONFIGURATION','TESTING','PRODUCTION','SUSPENDED','WITHDRAWN')`,
)
export class CreditorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'fiscal_code', type: 'varchar', length: 11, unique: true })
  fiscalCode: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 40 })
  category: EntityCategory;

  @Column({ type: 'char', length: 2 })
  province: string;

  @Column({ name: 'onboarding_stage', type: 'varchar', length: 30 })
  onboardingStage: OnboardingStage;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
