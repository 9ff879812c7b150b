import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The station's "giornale degli eventi": one row per call received, kept 24 months. */
@Entity('station_journal')
@Index('station_journal_occurred_idx', ['occurredAt'])
@Index('station_journal_operation_idx', ['operation', 'occurredAt'])
@Index('station_journal_id_pa_idx', ['idPa', 'occurredAt'])
@Index('station_journal_notice_idx', ['noticeNumber'])
export class StationJournalRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** paForNode operation, or `unknown` for what could not be attributed (garbage, refused callers). */
  @Column({ type: 'varchar', length: 40 })
  operation: string;

  @Column({ name: 'id_pa', type: 'varchar', length: 35, nullable: true })
  idPa: string | null;

  @Column({ name: 'id_broker_pa', type: 'varchar', length: 35, nullable: true })
  idBrokerPa: string | null;

  @Column({ name: 'id_station', type: 'varchar', length: 35, nullable: true })
  idStation: string | null;

  @Column({ name: 'notice_number', type: 'varchar', length: 18, nullable: true })
  noticeNumber: string | null;

  @Column({ name: 'psp_id', type: 'varchar', length: 35, nullable: true })
  pspId: string | null;

  @Column({ type: 'varchar', length: 2 })
  outcome: 'OK' | 'KO';

  @Column({ name: 'fault_code', type: 'varchar', length: 40, nullable: true })
  faultCode: string | null;

  @Column({ name: 'fault_description', type: 'varchar', length: 500, nullable: true })
  faultDescription: string | null;

  @Column({ name: 'http_status', type: 'smallint' })
  httpStatus: number;

  @Column({ name: 'latency_ms', type: 'real' })
  latencyMs: number;

  @Column({ name: 'remote_address', type: 'varchar', length: 64, nullable: true })
  remoteAddress: string | null;

  @Column({ name: 'correlation_id', type: 'varchar', length: 100, nullable: true })
  correlationId: string | null;
}
