/** What the suggestion engine and quiet time return. */
import type { Instant, Interval, LocalDate } from '../types';

export type SuggestionKind = 'disconnect-block' | 'recovery' | 'quiet-time';

/**
 * Why a suggestion was made (stable codes; the tab may word them itself).
 * - `after-meeting-streak`: a disconnect block right after a long run of meetings.
 * - `preferred-time-of-day`: a disconnect block in the preferred morning or afternoon.
 * - `daily-target`: a disconnect block toward the daily target.
 * - `after-hours-meetings`: recovery after meetings outside working hours the day before.
 * - `long-meeting-streak`: recovery after a long run of meetings the day before.
 * - `evening`: quiet time from the end of a working day to the next start.
 * - `weekend`: quiet time over days off.
 */
export type SuggestionReason =
  | 'after-meeting-streak'
  | 'preferred-time-of-day'
  | 'daily-target'
  | 'after-hours-meetings'
  | 'long-meeting-streak'
  | 'evening'
  | 'weekend';

export interface Suggestion {
  /** `sg_` + 28 hex digits, derived from person + kind + interval: the same slot always has the same id. */
  id: string;
  kind: SuggestionKind;
  /** The local date the suggestion starts on, in the person's zone. */
  date: LocalDate;
  start: Instant;
  end: Instant;
  durationMinutes: number;
  reason: SuggestionReason;
  /** One sentence for the person, e.g. "After 3 h of back-to-back meetings, take 45 min offline." */
  explanation: string;
  /** The free time around the suggestion: it may be moved (±15 min) or resized within this and stay valid. */
  gap: Interval;
}

/** A stretch of after-hours quiet time. */
export interface QuietWindow extends Interval {
  /** `weekend` when it covers a day off, `evening` otherwise. */
  kind: 'evening' | 'weekend';
}

/** A meeting already scheduled inside quiet time. */
export interface QuietTimeWarning {
  /** `qw_` + hex, derived from person + event + window. */
  id: string;
  eventId: string;
  start: Instant;
  end: Instant;
  window: QuietWindow;
  overlapMinutes: number;
  reason: 'meeting-in-quiet-time';
  explanation: string;
}
