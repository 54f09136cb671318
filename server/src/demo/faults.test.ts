import { describe, expect, it } from 'vitest';
import { FaultInjector, faultProblems } from './faults';

describe('FaultInjector', () => {
  it('injects nothing by default', () => {
    const faults = new FaultInjector();
    for (let i = 0; i < 100; i++) expect(faults.next('request')).toBeUndefined();
  });

  it('injects about the configured share, with Retry-After, the same way every time', () => {
    const a = new FaultInjector({ rate429: 0.3, rate503: 0.1, retryAfterSeconds: 2 }, 'seed');
    const b = new FaultInjector({ rate429: 0.3, rate503: 0.1, retryAfterSeconds: 2 }, 'seed');
    const draws = Array.from({ length: 2000 }, () => a.next('request'));
    expect(Array.from({ length: 2000 }, () => b.next('request'))).toEqual(draws);
    const share = (status: number) => draws.filter((d) => d?.status === status).length / draws.length;
    expect(share(429)).toBeGreaterThan(0.25);
    expect(share(429)).toBeLessThan(0.35);
    expect(share(503)).toBeGreaterThan(0.07);
    expect(share(503)).toBeLessThan(0.13);
    expect(draws.find((d) => d)?.retryAfterSeconds).toBe(2);
  });

  it('spares batch parts when told to, and restarts its sequence on every change', () => {
    const faults = new FaultInjector({ rate429: 1 });
    expect(faults.next('batchPart')?.status).toBe(429);
    faults.set({ batchParts: false });
    expect(faults.next('batchPart')).toBeUndefined();
    expect(faults.next('request')?.status).toBe(429);
    expect(faults.set({ rate429: 0, rate503: 1 })).toMatchObject({ rate429: 0, rate503: 1, batchParts: false });
    expect(faults.next('request')?.status).toBe(503);
  });

  it('refuses settings out of range, naming them', () => {
    expect(faultProblems({ rate429: 1.5 })).toEqual(['rate429 must be from 0 to 1']);
    expect(faultProblems({ rate429: 0.6, rate503: 0.6 })).toEqual(['rate429 + rate503 must not exceed 1']);
    expect(faultProblems({ latencyMs: -1, retryAfterSeconds: 0.5 })).toHaveLength(2);
    expect(() => new FaultInjector({ rate503: 2 })).toThrow(/rate503/);
  });
});
