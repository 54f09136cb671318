/**
 * When periodic background work runs. A job is due when its `nextDueAt` has passed; running it
 * sets the next one a whole period after *now*, so work missed while every instance was down
 * runs once on start, not once per missed period.
 */
import type { Instant } from '../types';

export interface Due {
  due: boolean;
  /** When the job is due next, if it runs now. */
  nextDueAt: Instant;
}

/**
 * @example
 * isDue(Date.parse('2026-03-02T09:00Z'), Date.parse('2026-03-02T12:00Z'), 300_000)
 * // { due: true, nextDueAt: <12:05> } — three hours late, runs once
 */
export function isDue(nextDueAt: Instant | undefined, now: Instant, everyMs: number): Due {
  if (!(everyMs > 0)) throw new RangeError('everyMs must be positive');
  return { due: nextDueAt === undefined || nextDueAt <= now, nextDueAt: now + everyMs };
}
