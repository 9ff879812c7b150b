export type HealthStatus = 'ok' | 'degraded' | 'down';
export type DatabaseEngine = 'postgresql' | 'pglite';

export interface DatabaseHealth {
  status: 'up' | 'down';
  engine: DatabaseEngine;
  /** Round trip of a trivial query, in milliseconds; null when the database is down. */
  latencyMs: number | null;
  serverVersion: string | null;
  /** Names of migrations known to the code but not yet applied. */
  pendingMigrations: string[];
}

export interface JobsHealth {
  queued: number;
  running: number;
  failed: number;
}

export interface HealthResponse {
  status: HealthStatus;
  version: string;
  uptimeSeconds: number;
  checkedAt: string;
  database: DatabaseHealth;
  jobs: JobsHealth | null;
}
