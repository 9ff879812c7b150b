import { join } from 'node:path';
import { type ReceiptV2 } from '@pagamenti/pagopa';
import { JsonFile } from '../store/json-file';
import { type AttemptResult, type AttemptVerdict } from './retry-schedule';

export type DeliveryStatus =
  /** Waiting for its next attempt (possibly the first, possibly delayed on purpose). */
  | 'pending'
  /** The station answered OK or PAA_RECEIPT_DUPLICATA. */
  | 'delivered'
  /** The station refused it with a fault that a retry will not change. */
  | 'rejected'
  /** Attempts are over: only a manual re-send moves it. */
  | 'exhausted'
  /** The station's primitive version cannot carry this receipt (a stamp to a V1 station). */
  | 'not-deliverable';

export interface DeliveryAttempt {
  at: string;
  verdict: AttemptVerdict;
  result: AttemptResult;
  latencyMs: number;
  exchangeId: number;
}

/** One station the receipt must reach, with the state of its deliveries. */
export interface ReceiptDelivery {
  stationCode: string;
  idPA: string;
  status: DeliveryStatus;
  attemptCount: number;
  nextAttemptAt: string | null;
  /** The last attempts (older ones are dropped to bound the file). */
  attempts: DeliveryAttempt[];
}

export type ReceiptOrigin = 'psp' | 'checkout' | 'stand-in' | 'unknown-notice' | 'secondary-only';

/** A receipt the node produced: the money was collected, whatever happens to its deliveries. */
export interface StoredReceipt {
  receipt: ReceiptV2;
  origin: ReceiptOrigin;
  /** ISO instant of the payment (the receipt's paymentDateTime is local time without offset). */
  paidAt: string;
  deliveries: ReceiptDelivery[];
  /** idTransfer → id of the reporting flow that carries it, once settled. */
  reported: Record<string, string>;
}

const KEPT_ATTEMPTS = 20;

/**
 * Receipts and their pending deliveries, in `<data dir>/receipts.json`, so that a restart of the simulator resumes
 * the retries where they were and the reporting flows still see every collected payment.
 */
export class ReceiptStore {
  private readonly file: JsonFile<StoredReceipt[]>;
  private readonly receipts: StoredReceipt[];
  private readonly byId = new Map<string, StoredReceipt>();

  constructor(dataDir: string) {
    this.file = new JsonFile(join(dataDir, 'receipts.json'), () => []);
    this.receipts = this.file.load();
    for (const stored of this.receipts) this.byId.set(stored.receipt.receiptId, stored);
  }

  add(stored: StoredReceipt): void {
    this.receipts.push(stored);
    this.byId.set(stored.receipt.receiptId, stored);
    this.persist();
  }

  get(receiptId: string): StoredReceipt | undefined {
    return this.byId.get(receiptId);
  }

  all(): readonly StoredReceipt[] {
    return this.receipts;
  }

  /** Deliveries whose time has come, oldest due first. */
  due(now: Date): { stored: StoredReceipt; delivery: ReceiptDelivery }[] {
    const due: { stored: StoredReceipt; delivery: ReceiptDelivery }[] = [];
    for (const stored of this.receipts) {
      for (const delivery of stored.deliveries) {
        if (
          delivery.status === 'pending' &&
          delivery.nextAttemptAt &&
          new Date(delivery.nextAttemptAt) <= now
        )
          due.push({ stored, delivery });
      }
    }
    return due.sort((a, b) => (a.delivery.nextAttemptAt ?? '').localeCompare(b.delivery.nextAttemptAt ?? ''));
  }

  /** When the earliest pending delivery is due, if any. */
  nextDueAt(): Date | null {
    let earliest: string | null = null;
    for (const stored of this.receipts)
      for (const d of stored.deliveries)
        if (d.status === 'pending' && d.nextAttemptAt && (!earliest || d.nextAttemptAt < earliest))
          earliest = d.nextAttemptAt;
    return earliest ? new Date(earliest) : null;
  }

  recordAttempt(
    delivery: ReceiptDelivery,
    attempt: DeliveryAttempt,
    status: DeliveryStatus,
    nextAttemptAt: Date | null,
  ): void {
    delivery.attemptCount += 1;
    delivery.attempts.push(attempt);
    if (delivery.attempts.length > KEPT_ATTEMPTS)
      delivery.attempts.splice(0, delivery.attempts.length - KEPT_ATTEMPTS);
    delivery.status = status;
    delivery.nextAttemptAt = nextAttemptAt?.toISOString() ?? null;
    this.persist();
  }

  /** Puts an exhausted or rejected delivery back in the queue, due now. */
  requeue(delivery: ReceiptDelivery, at: Date): void {
    delivery.status = 'pending';
    delivery.nextAttemptAt = at.toISOString();
    this.persist();
  }

  markReported(stored: StoredReceipt, idTransfer: number, flowId: string): void {
    stored.reported[String(idTransfer)] = flowId;
  }

  persist(): void {
    this.file.save(this.receipts);
  }
}
