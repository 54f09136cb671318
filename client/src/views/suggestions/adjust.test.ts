import { describe, expect, it } from 'vitest';
import { adjustBlock, adjustBlockedReason, isAdjusted, spanOf } from './adjust';

const at = (hhmm: string) => Date.parse(`2025-03-04T${hhmm}:00Z`);
const gap = { start: at('13:00'), end: at('16:00') };
const block = { start: at('14:00'), end: at('15:00') };
const now = at('09:00');

describe('adjustBlock', () => {
  it.each([
    ['earlier', { start: at('13:45'), end: at('14:45') }],
    ['later', { start: at('14:15'), end: at('15:15') }],
    ['shorter', { start: at('14:00'), end: at('14:45') }],
    ['longer', { start: at('14:00'), end: at('15:15') }],
  ] as const)('%s moves by 15 minutes', (adjustment, expected) => {
    expect(adjustBlock(block, gap, adjustment, now)).toEqual(expected);
  });

  it('stays inside the free gap', () => {
    expect(adjustBlock({ start: at('13:00'), end: at('14:00') }, gap, 'earlier', now)).toBeUndefined();
    expect(adjustBlock({ start: at('15:00'), end: at('16:00') }, gap, 'later', now)).toBeUndefined();
    expect(adjustBlock({ start: at('15:00'), end: at('16:00') }, gap, 'longer', now)).toBeUndefined();
  });

  it('never goes under 15 minutes or into the past', () => {
    expect(adjustBlock({ start: at('14:00'), end: at('14:15') }, gap, 'shorter', now)).toBeUndefined();
    expect(adjustBlock(block, gap, 'earlier', at('13:50'))).toBeUndefined();
  });

  it('reads API spans and tells an adjusted block from the suggestion', () => {
    const suggested = spanOf({ start: '2025-03-04T14:00:00Z', end: '2025-03-04T15:00:00Z' });
    expect(suggested).toEqual(block);
    expect(isAdjusted(block, suggested)).toBe(false);
    expect(isAdjusted({ ...block, end: at('15:15') }, suggested)).toBe(true);
  });
});

describe('adjustBlockedReason', () => {
  it('gives no reason for a step that is possible', () => {
    expect(adjustBlockedReason(block, gap, 'later', now)).toBeUndefined();
  });

  it.each([
    ['later', { start: at('15:00'), end: at('16:00') }, at('09:00'), /free time ends/],
    ['longer', { start: at('15:00'), end: at('16:00') }, at('09:00'), /free time ends/],
    ['earlier', { start: at('13:00'), end: at('14:00') }, at('09:00'), /free time starts/],
    ['earlier', { start: at('14:00'), end: at('15:00') }, at('13:50'), /in the past/],
    ['shorter', { start: at('14:00'), end: at('14:15') }, at('09:00'), /at least 15 minutes/],
  ] as const)('%s from %j: says why not', (adjustment, from, nowMs, reason) => {
    expect(adjustBlock(from, gap, adjustment, nowMs)).toBeUndefined();
    expect(adjustBlockedReason(from, gap, adjustment, nowMs)).toMatch(reason);
  });
});
