/** How the node re-sends a receipt the station did not take: exponential backoff, capped, a bounded number of tries. */
export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many attempts the receipt waits for a manual re-send (the real node: 48, then PagoPA support). */
  maxAttempts: number;
}

/** What one delivery attempt came back with. */
export type AttemptResult =
  | { kind: 'answer'; outcome: 'OK' | 'KO'; faultCode?: string }
  | { kind: 'transport'; reason: 'timeout' | 'unreachable' | 'http-status' | 'bad-response'; detail: string };

export type AttemptVerdict = 'delivered' | 'retry' | 'rejected';

/**
 * OK and PAA_RECEIPT_DUPLICATA both mean the station holds the receipt. Timeouts, connection errors, unreadable
 * answers and PAA_SYSTEM_ERROR are worth another try; any other fault is the station refusing this receipt, which
 * repeating will not change.
 */
export function judgeAttempt(result: AttemptResult): AttemptVerdict {
  if (result.kind === 'transport') return 'retry';
  if (result.outcome === 'OK') return 'delivered';
  if (result.faultCode === 'PAA_RECEIPT_DUPLICATA') return 'delivered';
  if (result.faultCode === 'PAA_SYSTEM_ERROR') return 'retry';
  return 'rejected';
}

/** Wait before attempt number `attemptsMade + 1`: base · 2^(attemptsMade − 1), capped; null when tries are over. */
export function nextRetryDelayMs(policy: RetryPolicy, attemptsMade: number): number | null {
  if (attemptsMade >= policy.maxAttempts) return null;
  const exponent = Math.max(0, attemptsMade - 1);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30));
}
