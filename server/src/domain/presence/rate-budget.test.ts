import { describe, expect, it } from 'vitest';
import { PRESENCE_RATE_LIMIT, reserve } from './rate-budget';

describe('reserve (GCRA)', () => {
  it('spaces requests evenly, however they bunch up', () => {
    const limit = { requests: 4, perMs: 4000 };
    let tat: number | undefined;
    const waits: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const r = reserve(tat, 0, limit);
      tat = r.tat;
      waits.push(r.waitMs);
    }
    expect(waits).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it('never admits more than 1500 presence requests in any 30 s window', () => {
    let tat: number | undefined;
    const sentAt: number[] = [];
    let now = 0;
    for (let i = 0; i < 4000; i += 1) {
      const r = reserve(tat, now, PRESENCE_RATE_LIMIT);
      tat = r.tat;
      now += r.waitMs; // the caller waits, then sends
      sentAt.push(now);
      now += i % 7; // and some time passes between requests
    }
    for (let i = 1500; i < sentAt.length; i += 1) expect(sentAt[i]! - sentAt[i - 1500]!).toBeGreaterThanOrEqual(30_000);
  });

  it('does not save up idle time', () => {
    const first = reserve(undefined, 0, PRESENCE_RATE_LIMIT);
    expect(reserve(first.tat, 60_000, PRESENCE_RATE_LIMIT)).toEqual({ tat: 60_020, waitMs: 0 });
  });

  it('waits at most one window when the stored time is far ahead (a clock went back)', () => {
    expect(reserve(3_600_000, 0, PRESENCE_RATE_LIMIT)).toEqual({ tat: 30_020, waitMs: 30_000 });
  });
});
