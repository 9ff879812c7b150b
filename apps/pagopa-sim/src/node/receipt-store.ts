import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type ReceiptV2 } from '@pagamenti/pagopa/soap';
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
  /** Why the receipt cannot be delivered to this station, when it cannot. */
  problem?: string;
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

/** One change to the store, as appended to the journal. */
type JournalEntry =
  | { kind: 'receipt'; stored: StoredReceipt }
  | { kind: 'delivery'; receiptId: string; index: number; delivery: ReceiptDelivery }
  | { kind: 'reported'; receiptId: string; idTransfer: number; flowId: string };

/**
 * Receipts and their pending deliveries, so that a restart of the simulator resumes the retries where they were and
 * the reporting flows still see every collected payment. Every change is appended to
 * `<data dir>/receipts.journal.jsonl` (constant cost per change, nothing lost if the process dies); at start the
 * journal is replayed over the snapshot `<data dir>/receipts.json`, a new snapshot is written and the journal
 * emptied.
 */
export class ReceiptStore {
  private readonly receipts: StoredReceipt[];
  private readonly byId = new Map<string, StoredReceipt>();
  private readonly journalPath: string;
  private journal: number;

  constructor(dataDir: string) {
    const snapshot = new JsonFile<StoredReceipt[]>(join(dataDir, 'receipts.json'), () => []);
    this.receipts = snapshot.load();
    for (const stored of this.receipts) this.byId.set(stored.receipt.receiptId, stored);
    this.journalPath = join(dataDir, 'receipts.journal.jsonl');
    if (existsSync(this.journalPath)) {
      for (const line of readFileSync(this.journalPath, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          this.apply(JSON.parse(line) as JournalEntry);
        } catch {
          // A line cut short by a crash in the middle of a write: everything before it is intact.
        }
      }
    }
    snapshot.save(this.receipts);
    this.journal = openSync(this.journalPath, 'w');
  }

  add(stored: StoredReceipt): void {
    this.receipts.push(stored);
    this.byId.set(stored.receipt.receiptId, stored);
    this.append({ kind: 'receipt', stored });
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

  recordAttempt(
    stored: StoredReceipt,
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
    this.saveDelivery(stored, delivery);
  }

  /** Puts an exhausted or rejected delivery back in the queue, due now. */
  requeue(stored: StoredReceipt, delivery: ReceiptDelivery, at: Date): void {
    delivery.status = 'pending';
    delivery.nextAttemptAt = at.toISOString();
    this.saveDelivery(stored, delivery);
  }

  /** Records the current state of one delivery (after the caller changed it). */
  saveDelivery(stored: StoredReceipt, delivery: ReceiptDelivery): void {
    this.append({
      kind: 'delivery',
      receiptId: stored.receipt.receiptId,
      index: stored.deliveries.indexOf(delivery),
      delivery,
    });
  }

  markReported(stored: StoredReceipt, idTransfer: number, flowId: string): void {
    stored.reported[String(idTransfer)] = flowId;
    this.append({ kind: 'reported', receiptId: stored.receipt.receiptId, idTransfer, flowId });
  }

  /** Writes the snapshot and empties the journal (also what a restart does). */
  close(): void {
    new JsonFile<StoredReceipt[]>(join(dirname(this.journalPath), 'receipts.json'), () => []).save(
      this.receipts,
    );
    closeSync(this.journal);
    writeFileSync(this.journalPath, '');
  }

  private append(entry: JournalEntry): void {
    writeSync(this.journal, `${JSON.stringify(entry)}\n`);
  }

  private apply(entry: JournalEntry): void {
    switch (entry.kind) {
      case 'receipt':
        if (this.byId.has(entry.stored.receipt.receiptId)) return;
        this.receipts.push(entry.stored);
        this.byId.set(entry.stored.receipt.receiptId, entry.stored);
        return;
      case 'delivery': {
        const stored = this.byId.get(entry.receiptId);
        if (stored && entry.index >= 0 && entry.index < stored.deliveries.length)
          stored.deliveries[entry.index] = entry.delivery;
        return;
      }
      case 'reported': {
        const stored = this.byId.get(entry.receiptId);
        if (stored) stored.reported[String(entry.idTransfer)] = entry.flowId;
        return;
      }
    }
  }
}
