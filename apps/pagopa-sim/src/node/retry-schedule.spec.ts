import { judgeAttempt, nextRetryDelayMs, type RetryPolicy } from './retry-schedule';

describe('receipt retry schedule', () => {
  const policy: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 30_000, maxAttempts: 6 };

  it('backs off exponentially, capped, and stops after the last attempt', () => {
    expect([1, 2, 3, 4, 5].map((n) => nextRetryDelayMs(policy, n))).toEqual([1000, 2000, 4000, 8000, 16_000]);
    expect(nextRetryDelayMs({ ...policy, maxAttempts: 100 }, 10)).toBe(30_000);
    expect(nextRetryDelayMs(policy, 6)).toBeNull();
  });

  it('stops on OK and PAA_RECEIPT_DUPLICATA, retries transport errors and PAA_SYSTEM_ERROR', () => {
    expect(judgeAttempt({ kind: 'answer', outcome: 'OK' })).toBe('delivered');
    expect(judgeAttempt({ kind: 'answer', outcome: 'KO', faultCode: 'PAA_RECEIPT_DUPLICATA' })).toBe(
      'delivered',
    );
    expect(judgeAttempt({ kind: 'answer', outcome: 'KO', faultCode: 'PAA_SYSTEM_ERROR' })).toBe('retry');
    expect(judgeAttempt({ kind: 'transport', reason: 'timeout', detail: '' })).toBe('retry');
    expect(judgeAttempt({ kind: 'transport', reason: 'bad-response', detail: '' })).toBe('retry');
    expect(judgeAttempt({ kind: 'answer', outcome: 'KO', faultCode: 'PAA_SEMANTICA' })).toBe('rejected');
  });
});
