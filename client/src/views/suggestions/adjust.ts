/**
 * Adjusting a suggested block before accepting it: moves and resizes in 15-minute steps, always
 * inside the free gap it came from, never into the past, never shorter than 15 minutes (the rules
 * the server checks again).
 */

export const ADJUST_STEP_MINUTES = 15;
export const MIN_BLOCK_MINUTES = 15;
const MINUTE_MS = 60_000;

export interface Span {
  start: number;
  end: number;
}

export type Adjustment = 'earlier' | 'later' | 'shorter' | 'longer';

export const ADJUSTMENTS: readonly Adjustment[] = ['earlier', 'later', 'shorter', 'longer'];

/**
 * The block after one step, or undefined when that step would leave the gap, start in the past,
 * or make the block too short.
 * @example adjustBlock({ start: t(14), end: t(15) }, { start: t(13), end: t(16) }, 'later', now) // { start: t(14.25), end: t(15.25) }
 */
export function adjustBlock(block: Span, gap: Span, adjustment: Adjustment, nowMs: number): Span | undefined {
  const step = ADJUST_STEP_MINUTES * MINUTE_MS;
  const next: Span = {
    earlier: { start: block.start - step, end: block.end - step },
    later: { start: block.start + step, end: block.end + step },
    shorter: { start: block.start, end: block.end - step },
    longer: { start: block.start, end: block.end + step },
  }[adjustment];
  if (next.start < gap.start || next.end > gap.end) return undefined;
  if (next.end - next.start < MIN_BLOCK_MINUTES * MINUTE_MS) return undefined;
  if (next.start < nowMs) return undefined;
  return next;
}

/** Whether the block differs from what was suggested. */
export function isAdjusted(block: Span, suggested: Span): boolean {
  return block.start !== suggested.start || block.end !== suggested.end;
}

export const spanOf = (value: { start: string; end: string }): Span => ({ start: Date.parse(value.start), end: Date.parse(value.end) });

/**
 * Why a step is not possible, in words for a disabled button's tooltip, or undefined when it is.
 * @example adjustBlockedReason(block, gap, 'later', now) // 'Not possible: the free time ends where the block ends (a meeting or its buffer follows).'
 */
export function adjustBlockedReason(block: Span, gap: Span, adjustment: Adjustment, nowMs: number): string | undefined {
  if (adjustBlock(block, gap, adjustment, nowMs)) return undefined;
  const step = ADJUST_STEP_MINUTES * MINUTE_MS;
  if ((adjustment === 'later' || adjustment === 'longer') && block.end + step > gap.end) {
    return 'Not possible: the free time ends where the block ends (a meeting or its buffer follows).';
  }
  if (adjustment === 'earlier' && block.start - step < nowMs) return 'Not possible: it would start in the past.';
  if (adjustment === 'earlier') return 'Not possible: the free time starts where the block starts (a meeting or its buffer comes before).';
  return `Not possible: a block lasts at least ${MIN_BLOCK_MINUTES} minutes.`;
}
