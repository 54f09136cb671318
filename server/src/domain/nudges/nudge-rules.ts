/**
 * When a nudge may reach a person at all: inside their working hours and outside their own quiet
 * time and protected blocks. The one exception — the notice that quiet time is about to start —
 * is the caller's to make (see `dueNudges`). The windows come in as plain intervals, so the rule
 * works whether quiet time is computed from working hours or stored as windows.
 */
import type { Instant, Interval } from '../types';

export interface NudgeFrame {
  /** The person's working shifts around now. */
  shifts: readonly Interval[];
  /** Their quiet windows and accepted blocks around now (empty when quiet time is off). */
  quiet: readonly Interval[];
}

const inside = (intervals: readonly Interval[], now: Instant) => intervals.some((i) => i.start <= now && now < i.end);

/** `now` falls in one of the person's shifts (half-open). */
export function isWorkingAt(frame: Pick<NudgeFrame, 'shifts'>, now: Instant): boolean {
  return inside(frame.shifts, now);
}

/** `now` falls in the person's quiet time or a protected block (half-open). */
export function isQuietAt(frame: Pick<NudgeFrame, 'quiet'>, now: Instant): boolean {
  return inside(frame.quiet, now);
}

/**
 * Whether a nudge may be sent at `now`.
 * @example mayNudgeAt({ shifts: [{ start: t('09:00'), end: t('17:00') }], quiet: [] }, t('16:40')) // true
 */
export function mayNudgeAt(frame: NudgeFrame, now: Instant): boolean {
  return isWorkingAt(frame, now) && !isQuietAt(frame, now);
}
