/** Nudges: short notices in the Teams activity feed, each kind opted into by the person. */
import type { Interval, LocalDate } from '../types';
import type { StatusWindow } from '../status/status-windows';

export type NudgeKind = 'starting-soon' | 'long-day' | 'weekly-summary';

export const NUDGE_KINDS: readonly NudgeKind[] = ['starting-soon', 'long-day', 'weekly-summary'];

/** Which nudges a person asked for. Every kind is off until they turn it on. */
export interface NudgePreferences {
  /** A booked block or quiet window starts in 5 minutes. */
  startingSoon: boolean;
  /** At the end of a day with long connected time, a suggestion for tomorrow. */
  longDay: boolean;
  /** At the end of the last working day of the week: the week's balance, its trend, one suggestion. */
  weeklySummary: boolean;
}

export const DEFAULT_NUDGE_PREFERENCES: NudgePreferences = { startingSoon: false, longDay: false, weeklySummary: false };

/** The preference that turns a kind on. */
export const NUDGE_PREFERENCE: Record<NudgeKind, keyof NudgePreferences> = {
  'starting-soon': 'startingSoon',
  'long-day': 'longDay',
  'weekly-summary': 'weeklySummary',
};

/** A nudge that is due now, before its figures are read (what the job must gather for it). */
export type NudgeCandidate =
  /** `window`: the stretch (block or quiet window, merged where they touch) about to start. */
  | { kind: 'starting-soon'; date: LocalDate; window: StatusWindow }
  /** `shift`: today's shift, near its end. */
  | { kind: 'long-day'; date: LocalDate; shift: Interval }
  /** `shift`: the week's last shift, near its end; `weekStart`: the Monday of the week. */
  | { kind: 'weekly-summary'; date: LocalDate; shift: Interval; weekStart: LocalDate };

/** Where in the tab a nudge leads (the deep link's sub-page). */
export type NudgeTarget = 'balance' | 'suggestions' | 'quiet-time';

/** A nudge ready to send: what the activity feed shows, in the product's words. */
export interface Nudge {
  kind: NudgeKind;
  /** The person's local date it counts against (one of a kind a day). */
  date: LocalDate;
  /** Shown under the title; Teams shows the first 150 characters. */
  previewText: string;
  /** Values for the activity type's template in the app manifest. */
  templateParameters: Record<string, string>;
  target: NudgeTarget;
}

/** A week's measured totals (minutes), as the balance snapshot keeps them. */
export interface WeekFigures {
  weekStart: LocalDate;
  workingMinutes: number;
  connectedMinutes: number;
  disconnectedMinutes: number;
  afterHoursConnectedMinutes: number;
  targetDays: number;
  targetDaysMet: number;
}

/** Graph: `sendActivityNotification` to a user, 5 requests per second per app per tenant. */
export const ACTIVITY_RATE_LIMIT = { requests: 5, perMs: 1000 } as const;
