import { type CreateDebtPositionRequest, type UpdateDebtPositionRequest } from './positions';

/**
 * Bulk upload of debt positions (caricamento massivo): a CSV or JSON file runs as a durable background job that
 * reports its progress, an outcome per row and an error report. The CSV format is described in
 * `apps/api/src/modules/positions/IMPORT.md`.
 */

export const PositionImportStatus = {
  /** Stored, waiting for a worker. */
  Queued: 'QUEUED',
  Running: 'RUNNING',
  /** Every row has an outcome (some rows may have failed: see `counts.failed`). */
  Succeeded: 'SUCCEEDED',
  /** The file could not be processed at all (see `error`), or the job gave up after its retries. */
  Failed: 'FAILED',
} as const;
export type PositionImportStatus = (typeof PositionImportStatus)[keyof typeof PositionImportStatus];

export type PositionImportFormat = 'CSV' | 'JSON';

/** What a row asks for: in CSV the `azione` column (CREA when empty), in JSON the `action` field. */
export const PositionImportAction = { Create: 'CREATE', Update: 'UPDATE', Cancel: 'CANCEL' } as const;
export type PositionImportAction = (typeof PositionImportAction)[keyof typeof PositionImportAction];

export interface PositionImportCounts {
  /** Positions created (dry run: that would be created). */
  created: number;
  updated: number;
  cancelled: number;
  /** Positions already present with the same IUPD and data (a re-upload): left as they are. */
  unchanged: number;
  /** Rows refused, each with its reason in the error report. */
  failedRows: number;
}

export interface PositionImport {
  id: string;
  entityId: string;
  status: PositionImportStatus;
  /** Checks every row and writes only the report. */
  dryRun: boolean;
  format: PositionImportFormat;
  fileName: string | null;
  sizeBytes: number;
  sha256: string;
  /** Detected encoding, in Italian (`UTF-8`, `UTF-8 con BOM`, `Windows-1252 (Latin-1)`…); null for JSON. */
  encoding: string | null;
  /** Detected separator, in Italian (`punto e virgola`, `virgola`, `tabulazione`); null for JSON. */
  separator: string | null;
  /** Data rows (CSV, without the header) or array items (JSON). */
  totalRows: number;
  rowsDone: number;
  counts: PositionImportCounts;
  /** The file-level problem that stopped the import (bad header, unreadable file…), or null. */
  error: string | null;
  /** Things worth knowing about the file that did not stop it (e.g. a converted encoding). */
  warnings: string[];
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** From the rate so far; null before the first batch and once finished. */
  estimatedSecondsLeft: number | null;
}

/** One item of a JSON upload (`application/json`: an array of these). */
export type PositionImportItem =
  | { action: 'CREATE'; position: CreateDebtPositionRequest }
  | { action: 'UPDATE'; position: UpdateDebtPositionRequest & { iupd: string; dueTypeCode?: string } }
  | { action: 'CANCEL'; position: { iupd: string; reason?: string } };

/** Largest upload: 100 MB and 1,000,000 data rows (or JSON items). */
export const POSITION_IMPORT_LIMITS = { maxBytes: 100 * 1024 * 1024, maxRows: 1_000_000 } as const;
