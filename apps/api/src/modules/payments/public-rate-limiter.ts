import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiErrorCode } from '@pagamenti/contracts';
import { ApiException } from '../../common/api-exception';

/** Requests per minute and client IP for each public action that could be used to enumerate or to flood. */
export const PUBLIC_RATE_LIMITS = {
  /** Looking a notice up by its code: a person types a few codes, a script tries thousands. */
  noticeLookup: 30,
  /** Opening a Checkout cart (each one calls pagoPA). */
  checkout: 20,
  /** Creating a position for a spontaneous payment. */
  spontaneousPayment: 10,
} as const;

export type RateLimitedAction = keyof typeof PUBLIC_RATE_LIMITS;

const WINDOW_MS = 60_000;
/** Above this many tracked clients, finished windows are dropped before counting a new one. */
const SWEEP_THRESHOLD = 10_000;

/**
 * A fixed one-minute window per client IP and action, in this replica's memory (N replicas allow N times the
 * limit: still far from an enumeration). Behind a proxy set TRUST_PROXY so that the IP is the client's.
 */
@Injectable()
export class PublicRateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  /** Counts the request; throws 429 `RATE_LIMITED` when the client is over the limit. */
  hit(action: RateLimitedAction, clientIp: string | undefined, now = Date.now()): void {
    const key = `${action}|${clientIp ?? 'unknown'}`;
    if (this.windows.size > SWEEP_THRESHOLD) this.sweep(now);
    const window = this.windows.get(key);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      this.windows.set(key, { startedAt: now, count: 1 });
      return;
    }
    window.count += 1;
    if (window.count > PUBLIC_RATE_LIMITS[action]) {
      const seconds = Math.ceil((window.startedAt + WINDOW_MS - now) / 1000);
      throw new ApiException(
        ApiErrorCode.RateLimited,
        `Troppe richieste in poco tempo: riprova tra ${seconds} secondi.`,
        HttpStatus.TOO_MANY_REQUESTS,
        undefined,
        { retryAfterSeconds: seconds },
      );
    }
  }

  /** Forgets every count (tests). */
  reset(): void {
    this.windows.clear();
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= WINDOW_MS) this.windows.delete(key);
    }
  }
}
