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
import { type PositionImportFormat, type PositionImportStatus } from '@pagamenti/contracts';
import { CreditorEntity } from '../../entities/creditor-entity.entity';
import { type FileEncoding } from './text-decoding';

/**
 * A bulk upload of debt positions: the file's facts (size, hash, encoding, separator), who sent it, and the
 * state of its background job. Counts and progress live in its batches (`position_import_batch`).
 */
@Entity('position_import')
@Index('position_import_entity_created_idx', ['entityId', 'createdAt'])
@Check('position_import_status_known', `"status" IN ('UPLOADING','QUEUED','RUNNING','SUCCEEDED','FAILED')`)
@Check('position_import_format_known', `"format" IN ('CSV','JSON')`)
export class PositionImportRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @ManyToOne(() => CreditorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entity_id' })
  entity?: CreditorEntity;

  /** UPLOADING while the body streams in; then the job's states. */
  @Column({ type: 'varchar', length: 20 })
  status: PositionImportStatus | 'UPLOADING';

  @Column({ name: 'dry_run', type: 'boolean' })
  dryRun: boolean;

  @Column({ type: 'varchar', length: 4 })
  format: PositionImportFormat;

  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  @Column({
    name: 'size_bytes',
    type: 'bigint',
    default: 0,
    transformer: { to: (v: number) => v, from: Number },
  })
  sizeBytes: number;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  encoding: FileEncoding | null;

  /** `;`, `,` or a tab. */
  @Column({ type: 'varchar', length: 1, nullable: true })
  separator: string | null;

  /** The CSV header as uploaded, mirrored by the error report. */
  @Column({ type: 'jsonb', nullable: true })
  header: string[] | null;

  /** Counted at upload (records outside quotes), corrected by the job once it has read the whole file. */
  @Column({ name: 'total_rows', type: 'integer', default: 0 })
  totalRows: number;

  /** Rows per batch: fixed at upload so that a resumed job cuts the file exactly as the first attempt did. */
  @Column({ name: 'batch_size', type: 'integer' })
  batchSize: number;

  /** The whole-file problem that stopped the import, in Italian. */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings: string[];

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @Column({ name: 'job_id', type: 'uuid', nullable: true })
  jobId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

/** The uploaded bytes, in chunks of about 1 MB: in the database, so every replica can run the job. */
@Entity('position_import_chunk')
export class PositionImportChunkRow {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId: string;

  @ManyToOne(() => PositionImportRow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  positionImport?: PositionImportRow;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'bytea' })
  data: Buffer;
}

/**
 * One batch of rows of an import and its checkpoint. The row is written with the notice numbers reserved for
 * the batch (so a retry reuses exactly those: no gaps), and marked `committed` in the same transaction that
 * writes the batch's positions, outcomes and error lines: a crash leaves either all of it or none.
 */
@Entity('position_import_batch')
export class PositionImportBatchRow {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId: string;

  @ManyToOne(() => PositionImportRow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  positionImport?: PositionImportRow;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ name: 'first_row', type: 'integer' })
  firstRow: number;

  @Column({ name: 'row_count', type: 'integer' })
  rowCount: number;

  /** First IUV base of the block reserved for this batch's new options (null: nothing to number). */
  @Column({ name: 'first_base', type: 'bigint', nullable: true })
  firstBase: string | null;

  @Column({ name: 'reserved_count', type: 'integer', default: 0 })
  reservedCount: number;

  @Column({ type: 'boolean', default: false })
  committed: boolean;

  @Column({ type: 'integer', default: 0 })
  created: number;

  @Column({ type: 'integer', default: 0 })
  updated: number;

  @Column({ type: 'integer', default: 0 })
  cancelled: number;

  @Column({ type: 'integer', default: 0 })
  unchanged: number;

  @Column({ name: 'failed_rows', type: 'integer', default: 0 })
  failedRows: number;

  /** Lines of `outcomes.csv` for these rows. */
  @Column({ type: 'text', default: '' })
  outcomes: string;

  /** Lines of `errors.csv` for these rows (input cells mirrored, then `riga` and `errore`). */
  @Column({ type: 'text', default: '' })
  errors: string;

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt: Date | null;
}

export const POSITION_IMPORT_TABLES = [PositionImportRow, PositionImportChunkRow, PositionImportBatchRow];
