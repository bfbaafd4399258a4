import { describe, expect, it } from 'vitest';
import { UnlockBackoff } from '../../../electron/core/unlock-backoff';

describe('unlock backoff', () => {
  it('doubles the wait after the third failure and caps it at five minutes', () => {
    let now = 0;
    const backoff = new UnlockBackoff(() => now);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      backoff.recordFailure(new Date(now).toISOString());
      try {
        backoff.assertAllowed();
        waits.push(0);
      } catch (error) {
        const retry = (error as { retryAfterMs: number }).retryAfterMs;
        waits.push(retry);
        now += retry;
      }
    }
    expect(waits).toEqual([0, 0, 0, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000]);
    expect(backoff.takeFailures()).toHaveLength(12);
    expect(() => backoff.assertAllowed()).not.toThrow();
  });
});
