import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { type CallSummary } from './station.service';

export interface JournalEntry extends CallSummary {
  occurredAt: Date;
  httpStatus: number;
  latencyMs: number;
  remoteAddress: string | null;
  correlationId: string | null;
}

export interface JournalQuery {
  operation?: string;
  idPa?: string;
  noticeNumber?: string;
  outcome?: 'OK' | 'KO';
  faultCode?: string;
  from?: Date;
  to?: Date;
  /** Entries older than this id (the cursor of the previous page). */
  beforeId?: string;
  limit: number;
}

export interface JournalRecord extends JournalEntry {
  id: string;
}

export interface OperationLatency {
  operation: string;
  calls: number;
  ko: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Share of calls answered within 2 s, pagoPA's SLA threshold (98% required). */
  within2sRatio: number;
}

/** Entries wait at most this long in memory before they are written. */
const FLUSH_INTERVAL_MS = 200;
const FLUSH_BATCH = 500;
/** While the database is down entries are kept, up to this many; beyond, the oldest are dropped (and counted). */
const MAX_PENDING = 20_000;
const COLUMNS = 14;

/**
 * The station's journal ("giornale degli eventi"). Writes are batched: each call appends to memory and a timer
 * writes every 200 ms (or every 500 entries) with one multi-row INSERT. Trade-off, chosen for throughput: a crash
 * loses at most the last ~200 ms of journal lines — never a receipt, which is committed before its OK. While the
 * database is unavailable the lines wait in memory (bounded) and are written when it returns.
 */
@Injectable()
export class StationJournalService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(StationJournalService.name);
  private pending: JournalEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private dropped = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  record(entry: JournalEntry): void {
    this.pending.push(entry);
    if (this.pending.length > MAX_PENDING) {
      this.dropped += this.pending.length - MAX_PENDING;
      this.pending.splice(0, this.pending.length - MAX_PENDING);
    }
    if (this.pending.length >= FLUSH_BATCH) void this.flush();
  }

  /** Writes what is pending (tests call it to read their own lines). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.pending.length === 0) return;
    const batch = this.pending.splice(0, FLUSH_BATCH * 4);
    this.flushing = this.write(batch)
      .catch((error: unknown) => {
        // Keep them for the next attempt, ahead of newer lines.
        this.pending.unshift(...batch);
        this.logger.warn(
          { err: error, pending: this.pending.length },
          'Station journal write failed; will retry',
        );
      })
      .finally(() => {
        this.flushing = null;
      });
    await this.flushing;
    if (this.dropped > 0) {
      this.logger.error(
        { dropped: this.dropped },
        'Station journal lines dropped while the database was down',
      );
      this.dropped = 0;
    }
  }

  private async write(batch: JournalEntry[]): Promise<void> {
    for (let start = 0; start < batch.length; start += FLUSH_BATCH) {
      const chunk = batch.slice(start, start + FLUSH_BATCH);
      const values: unknown[] = [];
      const rows = chunk.map((entry, index) => {
        values.push(
          entry.occurredAt,
          entry.operation,
          entry.idPa?.slice(0, 35) ?? null,
          entry.idBrokerPa?.slice(0, 35) ?? null,
          entry.idStation?.slice(0, 35) ?? null,
          entry.noticeNumber?.slice(0, 18) ?? null,
          entry.pspId?.slice(0, 35) ?? null,
          entry.outcome,
          entry.faultCode,
          entry.faultDescription?.slice(0, 500) ?? null,
          entry.httpStatus,
          entry.latencyMs,
          entry.remoteAddress?.slice(0, 64) ?? null,
          entry.correlationId?.slice(0, 100) ?? null,
        );
        const base = index * COLUMNS;
        return `(${Array.from({ length: COLUMNS }, (_, i) => `$${base + i + 1}`).join(', ')})`;
      });
      await this.dataSource.query(
        `INSERT INTO station_journal (occurred_at, operation, id_pa, id_broker_pa, id_station, notice_number, psp_id,
          outcome, fault_code, fault_description, http_status, latency_ms, remote_address, correlation_id)
         VALUES ${rows.join(', ')}`,
        values,
      );
    }
  }

  async search(query: JournalQuery): Promise<{ items: JournalRecord[]; nextCursor: string | null }> {
    const clauses: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    if (query.operation) clauses.push(`operation = ${param(query.operation)}`);
    if (query.idPa) clauses.push(`id_pa = ${param(query.idPa)}`);
    if (query.noticeNumber) clauses.push(`notice_number = ${param(query.noticeNumber)}`);
    if (query.outcome) clauses.push(`outcome = ${param(query.outcome)}`);
    if (query.faultCode) clauses.push(`fault_code = ${param(query.faultCode)}`);
    if (query.from) clauses.push(`occurred_at >= ${param(query.from)}`);
    if (query.to) clauses.push(`occurred_at < ${param(query.to)}`);
    if (query.beforeId) clauses.push(`id < ${param(query.beforeId)}`);
    const rows: {
      id: string;
      occurred_at: Date;
      operation: string;
      id_pa: string | null;
      id_broker_pa: string | null;
      id_station: string | null;
      notice_number: string | null;
      psp_id: string | null;
      outcome: 'OK' | 'KO';
      fault_code: string | null;
      fault_description: string | null;
      http_status: number;
      latency_ms: number;
      remote_address: string | null;
      correlation_id: string | null;
    }[] = await this.dataSource.query(
      `SELECT * FROM station_journal ${clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''}
       ORDER BY id DESC LIMIT ${param(query.limit + 1)}`,
      values,
    );
    const items = rows.slice(0, query.limit).map((row) => ({
      id: String(row.id),
      occurredAt: new Date(row.occurred_at),
      operation: row.operation,
      idPa: row.id_pa,
      idBrokerPa: row.id_broker_pa,
      idStation: row.id_station,
      noticeNumber: row.notice_number,
      pspId: row.psp_id,
      outcome: row.outcome,
      faultCode: row.fault_code,
      faultDescription: row.fault_description,
      httpStatus: Number(row.http_status),
      latencyMs: Number(row.latency_ms),
      remoteAddress: row.remote_address,
      correlationId: row.correlation_id,
    }));
    return { items, nextCursor: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null };
  }

  /** Per-operation latency percentiles and SLA share over a period. */
  async stats(from: Date, to: Date): Promise<OperationLatency[]> {
    const rows: {
      operation: string;
      calls: string;
      ko: string;
      p50: number | null;
      p95: number | null;
      p99: number | null;
      max: number | null;
      within: string;
    }[] = await this.dataSource.query(
      `SELECT operation, count(*) AS calls, count(*) FILTER (WHERE outcome = 'KO') AS ko,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
         percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95,
         percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) AS p99,
         max(latency_ms) AS max,
         count(*) FILTER (WHERE latency_ms <= 2000) AS within
       FROM station_journal WHERE occurred_at >= $1 AND occurred_at < $2
       GROUP BY operation ORDER BY operation`,
      [from, to],
    );
    const round = (value: number | null) => Math.round(Number(value ?? 0) * 100) / 100;
    return rows.map((row) => ({
      operation: row.operation,
      calls: Number(row.calls),
      ko: Number(row.ko),
      p50Ms: round(row.p50),
      p95Ms: round(row.p95),
      p99Ms: round(row.p99),
      maxMs: round(row.max),
      within2sRatio:
        Number(row.calls) > 0 ? Math.round((Number(row.within) / Number(row.calls)) * 10000) / 10000 : 1,
    }));
  }

  /** Deletes entries past the retention (24 months by default); returns how many. */
  async purge(now = new Date()): Promise<{ deleted: number }> {
    const cutoff = new Date(now);
    cutoff.setUTCMonth(cutoff.getUTCMonth() - this.config.station.journalRetentionMonths);
    const result: unknown = await this.dataSource.query(
      'WITH gone AS (DELETE FROM station_journal WHERE occurred_at < $1 RETURNING 1) SELECT count(*) AS n FROM gone',
      [cutoff],
    );
    const rows = result as { n: string }[];
    return { deleted: Number(rows[0]?.n ?? 0) };
  }
}
