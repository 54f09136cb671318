/**
 * Runs of meetings: back-to-back meetings, where gaps under 5 minutes (walking to the next room,
 * a late start) do not break the run. "After 3 h of back-to-back meetings" is a run of 3 h.
 */
import type { Instant, Interval } from '../types';
import { clipIntervals } from '../time/interval';
import { MINUTE_MS } from '../time/local-date';

/** Meetings closer than this join one run. */
export const STREAK_JOIN_GAP_MS = 5 * MINUTE_MS;

/**
 * Longest run of a normalised list inside normalised `windows`.
 * @example longestRunMs([{ start: 0, end: 60 }, { start: 62, end: 100 }], [{ start: 0, end: 1000 }], 5) // 100
 */
export function longestRunMs(list: readonly Interval[], windows: readonly Interval[], joinGapMs: number = STREAK_JOIN_GAP_MS): number {
  let longest = 0;
  let runStart = Number.NaN;
  let runEnd = Number.NaN;
  for (const w of windows) {
    for (const i of clipIntervals(list, w)) {
      if (i.start - runEnd < joinGapMs) {
        runEnd = i.end;
      } else {
        runStart = i.start;
        runEnd = i.end;
      }
      if (runEnd - runStart > longest) longest = runEnd - runStart;
    }
  }
  return longest;
}

/** Length of the run in normalised `meetings` that ends at most `withinMs` before `at` (0 if none). */
export function runEndingBefore(meetings: readonly Interval[], at: Instant, withinMs: number): number {
  let lo = 0;
  let hi = meetings.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((meetings[mid] as Interval).end <= at) lo = mid + 1;
    else hi = mid;
  }
  let k = lo - 1;
  const last = meetings[k];
  if (!last || at - last.end > withinMs) return 0;
  let runStart = last.start;
  while (k > 0 && runStart - (meetings[k - 1] as Interval).end < STREAK_JOIN_GAP_MS) {
    k -= 1;
    runStart = (meetings[k] as Interval).start;
  }
  return last.end - runStart;
}
