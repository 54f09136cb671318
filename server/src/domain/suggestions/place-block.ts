/**
 * Where a block fits in a day's free time, and which place is best: right after a long run of
 * meetings first, then the preferred time of day, then the longest block, then the earliest.
 * Starts sit on local quarter hours where the gap allows.
 */
import type { Instant, Interval, TimeOfDay } from '../types';
import { runEndingBefore } from '../calendar/meeting-runs';
import { MINUTE_MS } from '../time/local-date';
import type { SuggestionReason } from './suggestion-types';
import type { Zone } from '../time/zone';

export const QUARTER_HOUR_MS = 15 * MINUTE_MS;
/** A run of meetings at least this long earns the block after it the top place. */
export const LONG_STREAK_MS = 120 * MINUTE_MS;

export interface PlacementContext {
  zone: Zone;
  now: Instant;
  minBlockMs: number;
  preferredTimeOfDay: TimeOfDay;
  /** Local noon of the day being planned. */
  noon: Instant;
  /** Normalised meeting time, to find the run of meetings a block would follow. */
  meetings: readonly Interval[];
  /** How far after a run's end a block still "follows" it (the buffer, plus room to align). */
  followWithinMs: number;
}

export interface Candidate extends Interval {
  gap: Interval;
  reason: SuggestionReason;
  /** Length of the meeting run the block follows (0 if none). */
  followsRunMs: number;
  tier: number;
  aligned: boolean;
}

export function alignUp(zone: Zone, t: Instant): Instant {
  const offset = zone.offsetMsAt(t);
  const local = t + offset;
  return Math.ceil(local / QUARTER_HOUR_MS) * QUARTER_HOUR_MS - offset;
}

export function alignDown(zone: Zone, t: Instant): Instant {
  const offset = zone.offsetMsAt(t);
  const local = t + offset;
  return Math.floor(local / QUARTER_HOUR_MS) * QUARTER_HOUR_MS - offset;
}

function candidateAt(start: Instant, gap: Interval, desiredMs: number, aligned: boolean, ctx: PlacementContext): Candidate | null {
  if (start < gap.start || start < ctx.now) return null;
  const end = Math.min(start + desiredMs, gap.end);
  if (end - start < ctx.minBlockMs) return null;
  const followsRunMs = runEndingBefore(ctx.meetings, start, ctx.followWithinMs);
  const preferred = (ctx.preferredTimeOfDay === 'morning' && end <= ctx.noon) || (ctx.preferredTimeOfDay === 'afternoon' && start >= ctx.noon);
  const [tier, reason]: [number, SuggestionReason] = followsRunMs >= LONG_STREAK_MS ? [3, 'after-meeting-streak'] : preferred ? [2, 'preferred-time-of-day'] : [1, 'daily-target'];
  return { start, end, gap, reason, followsRunMs, tier, aligned };
}

/**
 * Every place worth considering for a block of up to `desiredMs` in normalised free time: each
 * gap's first and last quarter hour that fit, the first after noon, the first after `now`, and the
 * gap's very start (unaligned, for gaps too tight to align).
 */
export function candidatesIn(free: readonly Interval[], desiredMs: number, ctx: PlacementContext): Candidate[] {
  const out: Candidate[] = [];
  for (const gap of free) {
    if (gap.end - Math.max(gap.start, ctx.now) < ctx.minBlockMs) continue;
    const starts = [
      alignUp(ctx.zone, gap.start),
      alignDown(ctx.zone, gap.end - desiredMs),
      alignUp(ctx.zone, Math.max(gap.start, ctx.noon)),
      alignUp(ctx.zone, Math.max(gap.start, ctx.now)),
    ];
    for (let k = 0; k < starts.length; k += 1) {
      const start = starts[k] as number;
      if (starts.indexOf(start) !== k) continue;
      const c = candidateAt(start, gap, desiredMs, true, ctx);
      if (c) out.push(c);
    }
    const loose = candidateAt(Math.max(gap.start, ctx.now), gap, desiredMs, false, ctx);
    if (loose && !starts.includes(loose.start)) out.push(loose);
  }
  return out;
}

/** Best first: higher tier, longer, aligned, earlier. A total order, so picks are deterministic. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return b.tier - a.tier || (b.end - b.start) - (a.end - a.start) || Number(b.aligned) - Number(a.aligned) || a.start - b.start;
}
