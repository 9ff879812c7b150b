import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The transactional outbox: a row written in the same transaction as the change it reports (e.g. a receipt
 * stored), so that consumers (notifications, webhooks) see every committed change exactly once and never one that
 * was rolled back. Consumers mark what they handled with `published_at`.
 */
@Entity('domain_event')
@Index('domain_event_unpublished_idx', ['id'], { where: '"published_at" IS NULL' })
@Index('domain_event_aggregate_idx', ['aggregateType', 'aggregateId'])
export class DomainEventRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** e.g. `receipt.stored`. */
  @Column({ type: 'varchar', length: 60 })
  type: string;

  @Column({ name: 'aggregate_type', type: 'varchar', length: 40 })
  aggregateType: string;

  @Column({ name: 'aggregate_id', type: 'varchar', length: 100 })
  aggregateId: string;

  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
