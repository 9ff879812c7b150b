import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * A durable background job. Workers in any replica claim jobs with `FOR UPDATE SKIP LOCKED` and hold them
 * under a lease; a job whose lease expired (its worker died) is claimed again, so a crash loses nothing.
 */
@Entity('job')
@Check('job_status_known', `"status" IN ('queued','running','succeeded','failed')`)
@Index('job_claimable_idx', ['runAt'], { where: `"status" IN ('queued','running')` })
export class Job {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  type: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status: JobStatus;

  @Column({ name: 'run_at', type: 'timestamptz', default: () => 'now()' })
  runAt: Date;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'max_attempts', type: 'integer', default: 5 })
  maxAttempts: number;

  @Column({ name: 'locked_by', type: 'varchar', length: 100, nullable: true })
  lockedBy: string | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** Idempotent enqueueing: a second job with the same key is not created. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true, unique: true })
  dedupeKey: string | null;

  @Column({ name: 'progress_done', type: 'integer', nullable: true })
  progressDone: number | null;

  @Column({ name: 'progress_total', type: 'integer', nullable: true })
  progressTotal: number | null;

  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
