/** Why a call to the platform failed after every attempt. */
export class PlatformCallError extends Error {
  constructor(
    message: string,
    /** `unavailable`: network error, timeout, 5xx or 429 on the last attempt; `rejected`: another HTTP status. */
    readonly kind: 'unavailable' | 'rejected',
    readonly status: number | null,
    readonly attempts: number,
  ) {
    super(message);
    this.name = 'PlatformCallError';
  }
}

export interface RetryPolicy {
  timeoutMs: number;
  /** Further attempts after the first. */
  retries: number;
  /** First backoff; doubled at each attempt, with ±20% jitter. */
  baseDelayMs?: number;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/**
 * fetch with a per-attempt timeout and retries with exponential backoff on network errors, timeouts, 429 and 5xx.
 * Other statuses are answers, returned as they are (a 401 is not retried: the key is wrong, not the network).
 */
export async function fetchWithRetry(
  url: string,
  init: RequestInit,
  policy: RetryPolicy,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<Response> {
  const base = policy.baseDelayMs ?? 250;
  let lastProblem = '';
  let lastStatus: number | null = null;
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    if (attempt > 0) {
      const delay = base * 2 ** (attempt - 1);
      await sleep(Math.round(delay * (0.8 + Math.random() * 0.4)));
    }
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(policy.timeoutMs) });
      if (!RETRYABLE_STATUS.has(response.status)) return response;
      lastStatus = response.status;
      lastProblem = `HTTP ${response.status}`;
      await response.body?.cancel();
    } catch (error) {
      lastStatus = null;
      lastProblem =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
          ? `nessuna risposta entro ${policy.timeoutMs} ms`
          : `errore di rete (${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)})`;
    }
  }
  throw new PlatformCallError(
    `${url}: ${lastProblem} dopo ${policy.retries + 1} tentativi`,
    'unavailable',
    lastStatus,
    policy.retries + 1,
  );
}
