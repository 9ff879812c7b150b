import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { type AuditEvent as AuditEventDto, type AuditOutcome } from '@pagamenti/contracts';

/** One line of the activity register: who did what, when, on which entity and object, from where. */
@Entity('audit_event')
@Index('audit_event_at_idx', ['at', 'id'])
@Index('audit_event_entity_at_idx', ['entityId', 'at'])
@Index('audit_event_actor_at_idx', ['actorFiscalCode', 'at'])
export class AuditEventRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'varchar', length: 80 })
  action: string;

  @Column({ type: 'varchar', length: 10 })
  outcome: AuditOutcome;

  @Column({ name: 'actor_fiscal_code', type: 'varchar', length: 16, nullable: true })
  actorFiscalCode: string | null;

  @Column({ name: 'actor_kind', type: 'varchar', length: 10 })
  actorKind: AuditEventDto['actorKind'];

  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId: string | null;

  @Column({ name: 'object_type', type: 'varchar', length: 60, nullable: true })
  objectType: string | null;

  @Column({ name: 'object_id', type: 'varchar', length: 200, nullable: true })
  objectId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'correlation_id', type: 'varchar', length: 100, nullable: true })
  correlationId: string | null;

  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;
}
