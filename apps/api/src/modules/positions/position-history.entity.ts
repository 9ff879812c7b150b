import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { type PositionStatus } from '@pagamenti/contracts';

/** Append-only history of a position's status changes and edits; `from_status` is null for the creation. */
@Entity('position_history')
@Index('position_history_position_idx', ['positionId', 'occurredAt'])
export class PositionHistoryRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'position_id', type: 'uuid' })
  positionId: string;

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: PositionStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: PositionStatus;

  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
