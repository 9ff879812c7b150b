import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CreditorEntity } from '../../entities/creditor-entity.entity';

export type NoticeBatchFormat = 'pdf' | 'zip';
export type NoticeBatchStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** Which positions a batch prints: the positions list's filters, explicit IUPDs, or a bulk upload. */
export type NoticeBatchSelection =
  | { kind: 'filters'; filters: Record<string, string | number> }
  | { kind: 'iupds'; iupds: string[] }
  | { kind: 'import'; importId: string };

/**
 * A request to print many notices at once, rendered by a background job into one merged PDF or a ZIP with one
 * PDF per notice. The output is stored in `notice_batch_chunk`, so any replica can serve the download.
 */
@Entity('notice_batch')
@Index('notice_batch_entity_created_idx', ['entityId', 'createdAt'])
@Check('notice_batch_format_known', `"format" IN ('pdf','zip')`)
@Check('notice_batch_status_known', `"status" IN ('queued','running','succeeded','failed')`)
export class NoticeBatchRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @ManyToOne(() => CreditorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entity_id' })
  entity?: CreditorEntity;

  @Column({ type: 'varchar', length: 3 })
  format: NoticeBatchFormat;

  @Column({ type: 'jsonb' })
  selection: NoticeBatchSelection;

  @Column({ type: 'varchar', length: 10, default: 'queued' })
  status: NoticeBatchStatus;

  /** Positions selected (known once the job has resolved the selection). */
  @Column({ type: 'integer', nullable: true })
  total: number | null;

  /** Positions handled so far: printed or skipped. */
  @Column({ type: 'integer', default: 0 })
  done: number;

  /** Positions left out: nothing left to pay (paid, cancelled, draft…). */
  @Column({ type: 'integer', default: 0 })
  skipped: number;

  @Column({ type: 'integer', nullable: true })
  pages: number | null;

  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true })
  fileName: string | null;

  @Column({ name: 'size_bytes', type: 'bigint', nullable: true })
  sizeBytes: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'requested_by', type: 'varchar', length: 200 })
  requestedBy: string;

  @Column({ name: 'job_id', type: 'uuid', nullable: true })
  jobId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

/** One piece (≤ 1 MiB) of a batch's output file, in order. */
@Entity('notice_batch_chunk')
export class NoticeBatchChunkRow {
  @PrimaryColumn({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @ManyToOne(() => NoticeBatchRow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'batch_id' })
  batch?: NoticeBatchRow;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'bytea' })
  data: Buffer;
}

export const NOTICE_TABLES = [NoticeBatchRow, NoticeBatchChunkRow];
