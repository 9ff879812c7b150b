/**
 * Payment notices as PDFs: single downloads (`…/positions/:iupd/notice.pdf`, `/me/positions/:id/notice.pdf`,
 * `…/receipts/:receiptId/receipt.pdf`) and bulk print batches (`…/notice-batches`).
 */
import type { DebtPositionFilters } from './positions';

/** `pdf`: one merged PDF; `zip`: one PDF per notice, named by its notice number. */
export type NoticeBatchFormat = 'pdf' | 'zip';
export type NoticeBatchStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** Exactly one of `filters` (the positions list's; `{}` = all), `iupds` or `importId` (a bulk upload). */
export interface CreateNoticeBatchRequest {
  format: NoticeBatchFormat;
  filters?: DebtPositionFilters;
  iupds?: string[];
  importId?: string;
}

export interface NoticeBatch {
  id: string;
  format: NoticeBatchFormat;
  status: NoticeBatchStatus;
  /** Positions selected; null until the job has resolved the selection. */
  total: number | null;
  /** Positions handled: printed or skipped. */
  done: number;
  /** Positions left out because nothing is left to pay (paid, cancelled, draft, expired). */
  skipped: number;
  /** Pages of the merged PDF. */
  pages: number | null;
  /** Estimated from the pace so far; null before the first notices and once finished. */
  secondsLeft: number | null;
  fileName: string | null;
  sizeBytes: number | null;
  /** Why the batch failed, in Italian. */
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}
