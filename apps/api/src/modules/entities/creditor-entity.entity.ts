import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { type EntityCategory, type NoticeLanguage, type OnboardingStage } from '@pagamenti/contracts';
import { Station } from './station.entity';

/** A creditor entity (ente creditore) connected to pagoPA through this intermediary. */
@Entity('creditor_entity')
@Check('creditor_entity_fiscal_code_format', `"fiscal_code" ~ '^[0-9]{11}$'`)
@Check(
  'creditor_entity_onboarding_stage_known',
  `"onboarding_stage" IN ('ADHESION_REQUESTED','AGREEMENT_SIGNED','CONFIGURATION','TESTING','PRODUCTION','SUSPENDED','WITHDRAWN')`,
)
@Check('creditor_entity_segregation_code_format', `"segregation_code" ~ '^[0-9]{2}$'`)
@Check('creditor_entity_aux_digit_range', `"aux_digit" BETWEEN 0 AND 3`)
@Check('creditor_entity_cbill_code_format', `"cbill_code" ~ '^[A-Z0-9]{5}$'`)
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

  /** Code in the IPA index (indicepa.gov.it), e.g. `c_g687`. */
  @Column({ name: 'ipa_code', type: 'varchar', length: 20, nullable: true })
  ipaCode: string | null;

  @Column({ name: 'logo_url', type: 'varchar', length: 500, nullable: true })
  logoUrl: string | null;

  /** Where the entity receives the platform's service messages ("Email ente"). */
  @Column({ type: 'varchar', length: 256, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 256, nullable: true })
  pec: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  /** The entity's referent ("Referente") for pagoPA. */
  @Column({ name: 'referent_name', type: 'varchar', length: 200, nullable: true })
  referentName: string | null;

  @Column({ name: 'segregation_code', type: 'char', length: 2, nullable: true })
  segregationCode: string | null;

  @Column({ name: 'aux_digit', type: 'smallint', default: 3 })
  auxDigit: number;

  @Column({ name: 'station_id', type: 'uuid', nullable: true })
  stationId: string | null;

  @ManyToOne(() => Station, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'station_id' })
  station?: Station | null;

  @Column({ name: 'cbill_code', type: 'varchar', length: 5, nullable: true })
  cbillCode: string | null;

  @Column({ name: 'notice_languages', type: 'jsonb', default: () => "'[]'" })
  noticeLanguages: NoticeLanguage[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
