import { describe, expect, it } from 'vitest';
import { interleave } from './suite-order';

const durations: Record<string, number> = { B1: 60, B2: 20, u1: 30, u2: 30, u3: 10, u4: 10, u5: 5 };
const known = (f: string) => durations[f];
const unknown = () => undefined;

describe('interleave: browser files spread through the unit files', () => {
  it('follows each heavy file with light files worth its duration per other worker', () => {
    expect(interleave(['B1', 'B2'], ['u1', 'u2', 'u3', 'u4', 'u5'], 2, known)).toEqual(['B1', 'u1', 'u2', 'B2', 'u3', 'u4', 'u5']);
    expect(interleave(['B1', 'B2'], ['u1', 'u2', 'u3', 'u4', 'u5'], 3, known)).toEqual(['B1', 'u1', 'u2', 'u3', 'u4', 'u5', 'B2']);
  });

  it('shares the light files out evenly when a duration is unknown (a fresh clone)', () => {
    expect(interleave(['B1', 'B2'], ['u1', 'u2', 'u3', 'u4'], 2, unknown)).toEqual(['B1', 'u1', 'u2', 'B2', 'u3', 'u4']);
    expect(interleave(['B1', 'B2', 'B3'], ['u1', 'u2', 'u3', 'u4'], 2, (f) => (f === 'u4' ? undefined : 1))).toEqual(['B1', 'u1', 'u2', 'B2', 'u3', 'u4', 'B3']);
  });

  it('keeps every file exactly once, in each kind its own order', () => {
    const heavy = ['B1', 'B2', 'B3'];
    const light = Array.from({ length: 40 }, (_, i) => `u${i}`);
    const order = interleave(heavy, light, 2, (f) => (f.startsWith('B') ? 7 : 1));
    expect([...order].sort()).toEqual([...heavy, ...light].sort());
    expect(order.filter((f) => f.startsWith('B'))).toEqual(heavy);
    expect(order.filter((f) => f.startsWith('u'))).toEqual(light);
    expect(order.indexOf('B2') - order.indexOf('B1')).toBe(8);
  });

  it('leaves a list alone when the other is empty', () => {
    expect(interleave([], ['u1', 'u2'], 2, known)).toEqual(['u1', 'u2']);
    expect(interleave(['B1', 'B2'], [], 2, known)).toEqual(['B1', 'B2']);
  });
});
