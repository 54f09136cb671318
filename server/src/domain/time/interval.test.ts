import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interval } from '../types';
import {
  anyOverlap, clipIntervals, contains, expandIntervals, intersectIntervals, mergeIntervals, msInside, overlaps, subtractIntervals, totalMs, unionIntervals,
} from './interval';

const iv = (start: number, end: number): Interval => ({ start, end });

describe('overlaps and contains (half-open)', () => {
  it.each([
    [iv(0, 10), iv(10, 20), false, 'touching intervals do not overlap'],
    [iv(0, 10), iv(9, 20), true, 'one shared instant overlaps'],
    [iv(0, 10), iv(3, 4), true, 'inside'],
    [iv(0, 10), iv(20, 30), false, 'apart'],
    [iv(5, 5), iv(0, 10), false, 'an empty interval overlaps nothing'],
  ])('%o and %o → %s (%s)', (a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });

  it('contains its own bounds but not beyond', () => {
    expect(contains(iv(0, 10), iv(0, 10))).toBe(true);
    expect(contains(iv(0, 10), iv(0, 11))).toBe(false);
    expect(contains(iv(0, 10), iv(20, 20))).toBe(true);
  });
});

describe('set operations, by example', () => {
  it.each([
    [[iv(5, 9), iv(0, 5), iv(20, 20)], [iv(0, 9)]],
    [[iv(0, 3), iv(1, 2), iv(4, 6)], [iv(0, 3), iv(4, 6)]],
    [[], []],
  ])('mergeIntervals(%o) = %o', (input, expected) => {
    expect(mergeIntervals(input)).toEqual(expected);
  });

  it('subtracts holes, edges and everything', () => {
    expect(subtractIntervals([iv(0, 10)], [iv(3, 5)])).toEqual([iv(0, 3), iv(5, 10)]);
    expect(subtractIntervals([iv(0, 10)], [iv(-5, 3), iv(8, 20)])).toEqual([iv(3, 8)]);
    expect(subtractIntervals([iv(0, 10), iv(20, 30)], [iv(0, 30)])).toEqual([]);
    expect(subtractIntervals([iv(0, 10)], [])).toEqual([iv(0, 10)]);
  });

  it('intersects and clips', () => {
    expect(intersectIntervals([iv(0, 10), iv(20, 30)], [iv(5, 25)])).toEqual([iv(5, 10), iv(20, 25)]);
    expect(clipIntervals([iv(0, 10), iv(20, 30)], iv(5, 25))).toEqual([iv(5, 10), iv(20, 25)]);
    expect(clipIntervals([iv(0, 10)], iv(10, 20))).toEqual([]);
    expect(msInside([iv(0, 10), iv(20, 30)], iv(5, 25))).toBe(10);
    expect(anyOverlap([iv(0, 10), iv(20, 30)], iv(10, 20))).toBe(false);
    expect(anyOverlap([iv(0, 10), iv(20, 30)], iv(19, 21))).toBe(true);
  });

  it('expands and re-merges', () => {
    expect(expandIntervals([iv(10, 20), iv(25, 30)], 3)).toEqual([iv(7, 33)]);
  });
});

// A model: sets of integer instants in [0, 60).
const arbIntervals = fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 })).map(([s, l]) => iv(s, s + l)), { maxLength: 8 });
const points = (list: readonly Interval[]): Set<number> => {
  const out = new Set<number>();
  for (const i of list) for (let t = i.start; t < i.end; t += 1) out.add(t);
  return out;
};
const isNormalised = (list: readonly Interval[]): boolean => list.every((i, k) => i.end > i.start && (k === 0 || (list[k - 1] as Interval).end < i.start));

describe('set operations agree with a model of sets of instants', () => {
  it('merge, union, intersect, subtract, clip', () => {
    fc.assert(fc.property(arbIntervals, arbIntervals, fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 40 }), (a, b, ws, wl) => {
      const na = mergeIntervals(a);
      const nb = mergeIntervals(b);
      const pa = points(a);
      const pb = points(b);
      expect(isNormalised(na)).toBe(true);
      expect(points(na)).toEqual(pa);
      const union = unionIntervals(na, nb);
      expect(isNormalised(union)).toBe(true);
      expect(points(union)).toEqual(new Set([...pa, ...pb]));
      const inter = intersectIntervals(na, nb);
      expect(isNormalised(inter)).toBe(true);
      expect(points(inter)).toEqual(new Set([...pa].filter((t) => pb.has(t))));
      const diff = subtractIntervals(na, nb);
      expect(isNormalised(diff)).toBe(true);
      expect(points(diff)).toEqual(new Set([...pa].filter((t) => !pb.has(t))));
      const window = iv(ws, ws + wl);
      const clipped = clipIntervals(na, window);
      expect(points(clipped)).toEqual(new Set([...pa].filter((t) => t >= window.start && t < window.end)));
      expect(msInside(na, window)).toBe(totalMs(clipped));
      expect(anyOverlap(na, window)).toBe(clipped.length > 0);
    }), { numRuns: 300 });
  });
});
