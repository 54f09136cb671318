import { describe, expect, it } from 'vitest';
import { axisTicks, niceHourAxis, rowsThatAddUp } from './balance-figures';

describe('rowsThatAddUp', () => {
  it.each([
    [[20, 20, 20]],
    [[59, 59, 2]],
    [[110, 0, 3, 3, 3, 3]],
    [[119, 119, 119, 119, 119]],
    [[0, 0, 0]],
    [[480, 405, 377]],
  ])('%j: rows add up to the rounded exact total, each within a tenth of its value', (minutes) => {
    const { rows, total } = rowsThatAddUp(minutes);
    const exact = minutes.reduce((a, b) => a + b, 0);
    expect(rows.reduce((a, b) => a + b, 0)).toBe(total);
    expect(Math.abs(total - exact)).toBeLessThanOrEqual(3);
    rows.forEach((row, i) => {
      expect(row % 6).toBe(0);
      expect(Math.abs(row - (minutes[i] ?? 0))).toBeLessThan(6);
    });
  });

  it('fixes the case from issue 15: rows of 2.0 h against a total of 1.8 h', () => {
    // Five rows of 21 minutes each round to 0.4 h (2.0 h in all), yet the total is 105 minutes = 1.8 h.
    const { rows, total } = rowsThatAddUp([21, 21, 21, 21, 21]);
    expect(total).toBe(108);
    expect(rows.reduce((a, b) => a + b, 0)).toBe(108);
  });
});

describe('niceHourAxis', () => {
  it.each([
    [1.5, [0, 0.5, 1, 1.5]],
    [1.13, [0, 0.5, 1, 1.5]],
    [0.2, [0, 0.5]],
    [3, [0, 0.5, 1, 1.5, 2, 2.5, 3]],
    [4.6, [0, 1, 2, 3, 4, 5]],
    [8, [0, 2, 4, 6, 8]],
    [13.5, [0, 3, 6, 9, 12, 15]],
    [0, [0, 0.5, 1]],
  ])('%s h → ticks %j', (max, ticks) => {
    const axis = niceHourAxis(max);
    expect(axisTicks(axis)).toEqual(ticks);
    expect(axis.max).toBeGreaterThanOrEqual(max);
    for (const t of axisTicks(axis)) expect((t * 2) % 1).toBe(0); // whole or half hours only
  });
});
