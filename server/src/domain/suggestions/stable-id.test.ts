import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableId, stableIds } from './stable-id';

describe('stable ids', () => {
  it('are URL-safe, fixed-length and pinned (a change here would churn every stored suggestion id)', () => {
    expect(stableId('sg_', ['tenant-1', 'user-1', 'disconnect-block', 1_773_388_800_000, 1_773_394_200_000])).toBe('sg_10e0e4dfa82654017d17cc09b572');
    expect(stableId('sg_', ['t', 'u', 'recovery', 1, 2])).toBe('sg_12e4bd5b66abc5148ece52793615');
  });

  it('depend on every part and on where parts split', () => {
    const base = stableId('sg_', ['t', 'u', 'quiet-time', 10, 20]);
    expect(stableId('sg_', ['t', 'u', 'quiet-time', 10, 21])).not.toBe(base);
    expect(stableId('sg_', ['t', 'v', 'quiet-time', 10, 20])).not.toBe(base);
    expect(stableId('sg_', ['ab', 'c'])).not.toBe(stableId('sg_', ['a', 'bc']));
  });

  it('scoped makers equal the one-shot form', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string(), fc.nat())), fc.array(fc.oneof(fc.string(), fc.nat())), (scope, rest) => {
      expect(stableIds('x_', scope)(...rest)).toBe(stableId('x_', [...scope, ...rest]));
    }), { numRuns: 100 });
  });

  it('do not collide over a week of quarter-hour slots for many people', () => {
    const seen = new Set<string>();
    for (let person = 0; person < 50; person += 1) {
      const idFor = stableIds('sg_', ['tenant', `user-${person}`]);
      for (let slot = 0; slot < 672; slot += 1) seen.add(idFor('disconnect-block', 1_773_000_000_000 + slot * 900_000, 1_773_000_000_000 + slot * 900_000 + 5_400_000));
    }
    expect(seen.size).toBe(50 * 672);
  });
});
