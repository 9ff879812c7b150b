import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { type EntityService, type ServiceStatus } from '@pagamenti/contracts';
import { CreditorEntity } from './creditor-entity.entity';

/** Whether one of the platform's services is switched on for an entity. Missing row = INACTIVE. */
@Entity('entity_service_activation')
@Check('entity_service_activation_status_known', `"status" IN ('INACTIVE','TESTING','ACTIVE','SUSPENDED')`)
export class ServiceActivationRow {
  @PrimaryColumn({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  service: EntityService;

  @ManyToOne(() => CreditorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entity_id' })
  entity?: CreditorEntity;

  @Column({ type: 'varchar', length: 20 })
  status: ServiceStatus;

  @Column({ name: 'updated_by', type: 'varchar', length: 200, nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
