/** What the balance computation returns. All durations are whole minutes. */
import type { DayOfWeek, LocalDate } from '../types';
import type { DateRange } from '../time/local-date';

/**
 * Whether a day has happened, judged by the day's span (see `dayFrames`) against `now`:
 * `measured` — the span is over; `in-progress` — it contains `now` (the figures are those of its
 * elapsed part only); `planned` — it has not begun (the figures are what the calendar holds so far:
 * a forecast, never counted in the totals). With ordinary hours this is past / today / future in
 * the person's zone; a night shift still running after midnight keeps its day in progress.
 */
export type BalanceDayState = 'measured' | 'in-progress' | 'planned';

/** One day of a person's connect / disconnect balance, in their zone. */
export interface BalanceDay {
  date: LocalDate;
  state: BalanceDayState;
  dayOfWeek: DayOfWeek;
  /** Whether a shift starts this day (per working hours). */
  isWorkingDay: boolean;
  /** An all-day out-of-office event covers the day, or out-of-office events cover its whole shift. */
  outOfOffice: boolean;
  /** Length of this day's shift (0 on a day off; the elapsed part while in progress). `connectedMinutes + disconnectedMinutes + fragmentedMinutes` always equals it. */
  workingMinutes: number;
  /** Working time in a meeting or, with a presence timeline, online. */
  connectedMinutes: number;
  /** Working time in uninterrupted stretches of at least the shortest block with no meeting and no online time (protected blocks included). */
  disconnectedMinutes: number;
  /** Working time free of meetings and online time, but in stretches shorter than the shortest block: too broken up to count as disconnected. */
  fragmentedMinutes: number;
  /** Meeting or online time outside the shift (evenings, mornings, days off). */
  afterHoursConnectedMinutes: number;
  /** Of this day's time, meeting or online time inside quiet windows the person turned on. */
  quietTimeConnectedMinutes: number;
  /** All meeting time of the day, inside working hours or not. */
  meetingMinutes: number;
  /** Unplug blocks booked this day. */
  protectedMinutes: number;
  /** Of the protected minutes, those in which presence was away/offline/do-not-disturb and no meeting or call happened. 0 without a presence timeline. */
  honouredMinutes: number;
  /** Longest run of meetings, joining gaps under 5 minutes. */
  longestMeetingStreakMinutes: number;
  /** The daily disconnect target on a working day that is not out of office; otherwise 0. */
  targetMinutes: number;
  /** `disconnectedMinutes >= targetMinutes` (so also true when no target applies). */
  targetMet: boolean;
  /** `disconnectedMinutes / workingMinutes`, rounded to 3 decimals; `null` without working time. */
  balanceRatio: number | null;
}

/**
 * Sums over what has happened: the measured days and the elapsed part of the day in progress,
 * never planned days (the streak is the longest of any such day). A day in progress counts
 * among `targetDays` only once its target is met — until then it is still open.
 */
export interface BalanceTotals {
  /** Days counted: measured ones and the one in progress. */
  days: number;
  workingDays: number;
  workingMinutes: number;
  connectedMinutes: number;
  disconnectedMinutes: number;
  fragmentedMinutes: number;
  afterHoursConnectedMinutes: number;
  quietTimeConnectedMinutes: number;
  meetingMinutes: number;
  protectedMinutes: number;
  honouredMinutes: number;
  longestMeetingStreakMinutes: number;
  targetMinutes: number;
  /** Days with a target (`targetMinutes > 0`), and how many of them met it. */
  targetDays: number;
  targetDaysMet: number;
  balanceRatio: number | null;
}

/** Which inputs a balance was computed from, so the tab can say what a number rests on. */
export interface BalanceSources {
  calendar: true;
  presence: boolean;
}

/** The zone the figures were computed in; `problem` is set when the person's zone was unusable and UTC was used instead. */
export interface ZoneUsed {
  name: string;
  problem: { code: string; message: string } | null;
}

export interface Balance {
  range: DateRange;
  /** The shortest uninterrupted stretch that counts as disconnected (the person's shortest block). */
  minStretchMinutes: number;
  days: BalanceDay[];
  totals: BalanceTotals;
  sources: BalanceSources;
  timeZone: ZoneUsed;
}
