import { SchemaWriteError } from '@pagamenti/pagopa/soap';
import { type NodeRegistry } from '../registry/node-registry';
import {
  type DeliveryAttempt,
  type ReceiptDelivery,
  type ReceiptStore,
  type StoredReceipt,
} from './receipt-store';
import { NotExpressibleInV1, toReceiptV1 } from './receipts';
import { type AttemptResult, judgeAttempt, nextRetryDelayMs, type RetryPolicy } from './retry-schedule';
import { type StationClient } from './station-client';

/**
 * Delivers receipts to stations (paSendRT or paSendRTV2 by the station's primitive version) and re-sends them with
 * backoff until the station holds them. The queue is the receipt store on disk, so a restart loses nothing.
 */
export class ReceiptDispatcher {
  private readonly inFlight = new Set<ReceiptDelivery>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(
    private readonly store: ReceiptStore,
    private readonly registry: NodeRegistry,
    private readonly client: StationClient,
    private readonly policy: RetryPolicy,
    private readonly pollMs = 500,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Attempts every delivery that is due; one pass at a time. */
  async tick(now = new Date()): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await Promise.all(
        this.store
          .due(now)
          .filter(({ delivery }) => !this.inFlight.has(delivery))
          .map(({ stored, delivery }) =>
            this.attempt(stored, delivery).catch((error: unknown) =>
              process.stderr.write(
                `${JSON.stringify({ level: 50, service: 'pagopa-sim', msg: `consegna ricevuta ${stored.receipt.receiptId} a ${delivery.stationCode}: ${(error as Error).message}` })}\n`,
              ),
            ),
          ),
      );
    } finally {
      this.ticking = false;
    }
  }

  /** One delivery attempt now; records the outcome and schedules the next try when one is wanted. */
  async attempt(
    stored: StoredReceipt,
    delivery: ReceiptDelivery,
    timeoutMs?: number,
  ): Promise<DeliveryAttempt | null> {
    if (this.inFlight.has(delivery)) return null;
    this.inFlight.add(delivery);
    try {
      let call;
      try {
        call = await this.send(stored, delivery, timeoutMs);
      } catch (error) {
        // A receipt the schema refuses (our bug or odd data echoed from an activation) would fail forever.
        if (!(error instanceof SchemaWriteError)) throw error;
        call = { problem: `ricevuta non conforme all’XSD: ${error.message}` } as const;
      }
      if (call === 'not-deliverable' || 'problem' in call) {
        delivery.status = 'not-deliverable';
        delivery.nextAttemptAt = null;
        delivery.problem =
          call === 'not-deliverable'
            ? 'la stazione non è nel registro o usa le primitive V1 e la ricevuta contiene una marca da bollo'
            : call.problem;
        this.store.saveDelivery(stored, delivery);
        return null;
      }
      const verdict = judgeAttempt(call.result);
      const attempt: DeliveryAttempt = {
        at: new Date().toISOString(),
        verdict,
        result: call.result,
        latencyMs: call.latencyMs,
        exchangeId: call.exchangeId,
      };
      if (verdict === 'retry') {
        const delay = nextRetryDelayMs(this.policy, delivery.attemptCount + 1);
        this.store.recordAttempt(
          stored,
          delivery,
          attempt,
          delay === null ? 'exhausted' : 'pending',
          delay === null ? null : new Date(Date.now() + delay),
        );
      } else {
        this.store.recordAttempt(stored, delivery, attempt, verdict, null);
      }
      return attempt;
    } finally {
      this.inFlight.delete(delivery);
    }
  }

  /**
   * Sends the receipt once more to a station that already holds it, outside the queue (the "duplicate receipt"
   * fault): the answer is returned, the delivery's state is left alone.
   */
  async resend(
    stored: StoredReceipt,
    delivery: ReceiptDelivery,
  ): Promise<{ result: AttemptResult; latencyMs: number; exchangeId: number } | 'not-deliverable'> {
    return this.send(stored, delivery);
  }

  private async send(
    stored: StoredReceipt,
    delivery: ReceiptDelivery,
    timeoutMs?: number,
  ): Promise<{ result: AttemptResult; latencyMs: number; exchangeId: number } | 'not-deliverable'> {
    const station = this.registry.station(delivery.stationCode);
    if (!station) return 'not-deliverable';
    const header = { idPA: delivery.idPA, idBrokerPA: station.brokerCode, idStation: station.stationCode };
    let call;
    if (station.primitiveVersion === 2) {
      call = await this.client.call('paSendRTV2', { ...header, receipt: stored.receipt }, timeoutMs);
    } else {
      let receipt;
      try {
        receipt = toReceiptV1(stored.receipt);
      } catch (error) {
        if (error instanceof NotExpressibleInV1) return 'not-deliverable';
        throw error;
      }
      call = await this.client.call('paSendRT', { ...header, receipt }, timeoutMs);
    }
    if (call.kind === 'transport') {
      return {
        result: { kind: 'transport', reason: call.reason, detail: call.detail },
        latencyMs: call.latencyMs,
        exchangeId: call.exchangeId,
      };
    }
    return {
      result: {
        kind: 'answer',
        outcome: call.response.outcome,
        ...(call.response.fault ? { faultCode: call.response.fault.faultCode } : {}),
      },
      latencyMs: call.latencyMs,
      exchangeId: call.exchangeId,
    };
  }
}
