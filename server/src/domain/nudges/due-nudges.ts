/**
 * Which nudges are due for a person now (before their figures are read): a block or quiet window
 * starting within 5 minutes, and near the end of a shift the long-day notice and — on the week's
 * last shift — the weekly summary. Each kind only when turned on and not yet sent on the person's
 * local date; never inside quiet time or protected blocks, never outside working hours, except
 * the notice that quiet time is about to start (it comes after the working day by nature).
 */
import type { Instant, Interval } from '../types';
import type { QuietWindow } from '../suggestions/suggestion-types';
import { statusWindows } from '../status/status-windows';
import { addDays, MINUTE_MS } from '../time/local-date';
import { weekOf } from '../time/week';
import { localDateOf, startOfLocalDay, type Zone } from '../time/zone';
import { isQuietAt, mayNudgeAt, type NudgeFrame } from './nudge-rules';
import { NUDGE_PREFERENCE, type NudgeCandidate, type NudgeKind, type NudgePreferences } from './nudge-types';

/** "Starts in 5 minutes": a window starting within this lead is announced. */
export const STARTING_SOON_LEAD_MS = 5 * MINUTE_MS;
/** The end-of-day nudges go out in the last half hour of a shift. */
export const END_OF_DAY_LEAD_MS = 30 * MINUTE_MS;

export interface NudgeSituation {
  now: Instant;
  /** The person's zone: "a day" and "a week" are theirs. */
  zone: Zone;
  preferences: NudgePreferences;
  /** Working shifts from a day before `now` to at least the Monday after it. */
  shifts: readonly Interval[];
  /** The person's quiet windows around now; empty when their quiet time is off. */
  quietWindows: readonly QuietWindow[];
  /** Their accepted disconnect blocks around now. */
  blocks: readonly Interval[];
  /** Kinds already sent (or being sent) on today's local date. */
  sentToday: ReadonlySet<NudgeKind>;
}

/**
 * @example
 * dueNudges({ now: t('Mon 15:26'), zone: berlin, preferences: { startingSoon: true, … }, shifts, quietWindows: [],
 *   blocks: [{ start: t('Mon 15:30'), end: t('Mon 16:30') }], sentToday: new Set() })
 * // [{ kind: 'starting-soon', date: '2026-03-02', window: { start: t('Mon 15:30'), end: t('Mon 16:30'), kind: 'block' } }]
 */
export function dueNudges(s: NudgeSituation): NudgeCandidate[] {
  const { now } = s;
  const date = localDateOf(now, s.zone);
  const frame: NudgeFrame = { shifts: s.shifts, quiet: [...s.quietWindows, ...s.blocks] };
  const wants = (kind: NudgeKind) => s.preferences[NUDGE_PREFERENCE[kind]] && !s.sentToday.has(kind);
  const due: NudgeCandidate[] = [];

  if (wants('starting-soon')) {
    const next = statusWindows(s.blocks, s.quietWindows).find((w) => w.start > now && w.start - now <= STARTING_SOON_LEAD_MS);
    // Quiet time starts after the working day: its notice is the one allowed outside working hours.
    const allowed = next && (next.kind === 'block' ? mayNudgeAt(frame, now) : !isQuietAt(frame, now));
    if (next && allowed) due.push({ kind: 'starting-soon', date, window: next });
  }

  const shift = s.shifts.find((sh) => sh.start <= now && now < sh.end && sh.end - now <= END_OF_DAY_LEAD_MS);
  if (shift && mayNudgeAt(frame, now)) {
    if (wants('long-day')) due.push({ kind: 'long-day', date, shift });
    if (wants('weekly-summary')) {
      const week = weekOf(shift.start, s.zone);
      const nextMonday = startOfLocalDay(addDays(week.from, 7), s.zone);
      const last = !s.shifts.some((other) => other.start > shift.start && other.start < nextMonday);
      if (last) due.push({ kind: 'weekly-summary', date, shift, weekStart: week.from });
    }
  }
  return due;
}
