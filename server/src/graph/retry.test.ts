import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, RetryBudget, type RetryPolicy } from './retry';

const NOW = Date.parse('2025-03-10T08:00:00Z');
const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({ ...DEFAULT_RETRY_POLICY, sleep: async () => {}, ...overrides });

describe('parseRetryAfter', () => {
  it.each<[string | null | undefined, number | undefined]>([
    ['1', 1000],
    ['2.128', 2128], // as Graph's throttling docs publish it
    ['0', 0],
    ['Mon, 10 Mar 2025 08:00:30 GMT', 30_000],
    ['Mon, 10 Mar 2025 07:59:00 GMT', 0],
    ['soon', undefined],
    ['-1', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('%j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('RetryBudget', () => {
  it('honours Retry-After, up to maxRetries', () => {
    const budget = new RetryBudget(policy({ maxRetries: 2 }));
    expect([budget.take(1000), budget.take(1000), budget.take(1000)]).toEqual([1000, 1000, undefined]);
    expect(budget.attempts).toBe(3);
  });

  it('doubles from baseDelayMs without Retry-After', () => {
    const budget = new RetryBudget(policy({ baseDelayMs: 250, maxRetries: 4 }));
    expect([budget.take(undefined), budget.take(undefined), budget.take(undefined), budget.take(undefined)]).toEqual([250, 500, 1000, 2000]);
  });

  it('stops before the total wait would pass maxTotalWaitMs', () => {
    const budget = new RetryBudget(policy({ maxRetries: 10, maxTotalWaitMs: 2500 }));
    expect([budget.take(1000), budget.take(1000), budget.take(1000)]).toEqual([1000, 1000, undefined]);
  });

  it('does not wait at all for a Retry-After longer than maxSingleWaitMs', () => {
    expect(new RetryBudget(policy({ maxSingleWaitMs: 10_000 })).take(60_000)).toBeUndefined();
  });
});
