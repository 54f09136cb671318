/** What the balance computation returns. All durations are whole minutes. */
import type { DayOfWeek, LocalDate } from '../types';
import type { DateRange } from '../time/local-date';

/** One day of a person's connect / disconnect balance, in their zone. */
export interface BalanceDay {
  date: LocalDate;
  dayOfWeek: DayOfWeek;
  /** Whether a shift starts this day (per working hours). */
  isWorkingDay: boolean;
  /** An all-day out-of-office event covers the day, or out-of-office events cover its whole shift. */
  outOfOffice: boolean;
  /** Length of this day's shift (0 on a day off). `connectedMinutes + disconnectedMinutes` always equals it. */
  workingMinutes: number;
  /** Working time in a meeting or, with a presence timeline, online. */
  connectedMinutes: number;
  /** Working time neither in a meeting nor online (protected blocks included). */
  disconnectedMinutes: number;
  /** Meeting or online time outside the shift (evenings, mornings, days off). */
  afterHoursConnectedMinutes: number;
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

/** Sums over the range (the streak is the longest of any day). */
export interface BalanceTotals {
  days: number;
  workingDays: number;
  workingMinutes: number;
  connectedMinutes: number;
  disconnectedMinutes: number;
  afterHoursConnectedMinutes: number;
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
  days: BalanceDay[];
  totals: BalanceTotals;
  sources: BalanceSources;
  timeZone: ZoneUsed;
}
