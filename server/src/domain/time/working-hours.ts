/**
 * Working hours (wall-clock times on some weekdays, in a zone) resolved to real intervals.
 *
 * A working day's *shift* is the interval from its start time to its end time. When the end time
 * is not after the start time the shift crosses midnight and ends the next day (22:00–06:00); an
 * end equal to the start means a 24-hour shift. A shift belongs to the date it starts on. Times
 * that a DST change skips move forward (a 02:30 start on a spring-forward day is 03:30), so
 * shifts on DST days are as long as the wall clock says, ± the change.
 */
import type { Instant, Interval, WorkingHours } from '../types';
import type { DateRange } from './local-date';
import { DAY_MS, DAYS_OF_WEEK, fromEpochDay, timeOfDayMs, toEpochDay, weekdayIndex } from './local-date';
import type { Zone } from './zone';
import { localMsToInstant } from './zone';

/** Working hours parsed once: which weekdays, and the start/end as ms after local midnight. */
export interface CompiledWorkingHours {
  /** Indexed 0 = Sunday … 6 = Saturday. */
  days: readonly boolean[];
  startMs: number;
  /** End as ms after the start day's midnight (so > `startMs`, possibly ≥ 24 h). */
  endMs: number;
}

/** @throws RangeError if a time is not `HH:mm[:ss]` (validated working hours never are). */
export function compileWorkingHours(hours: WorkingHours): CompiledWorkingHours {
  const days = DAYS_OF_WEEK.map(() => false);
  for (const d of hours.daysOfWeek) {
    const index = DAYS_OF_WEEK.indexOf(String(d).toLowerCase() as never);
    if (index >= 0) days[index] = true;
  }
  const startMs = timeOfDayMs(hours.startTime);
  let endMs = timeOfDayMs(hours.endTime);
  if (endMs <= startMs) endMs += DAY_MS;
  return { days, startMs, endMs };
}

/** Whether the weekday of an epoch day is a working day. */
export function isWorkingEpochDay(hours: CompiledWorkingHours, epochDay: number): boolean {
  return hours.days[weekdayIndex(epochDay)] === true;
}

/** The shift that starts on an epoch day, or `null` on a day off. */
export function shiftOnEpochDay(hours: CompiledWorkingHours, zone: Zone, epochDay: number): Interval | null {
  if (!isWorkingEpochDay(hours, epochDay)) return null;
  const midnight = epochDay * DAY_MS;
  const start = localMsToInstant(zone, midnight + hours.startMs);
  const end = localMsToInstant(zone, midnight + hours.endMs);
  return end > start ? { start, end } : null;
}

/** The instant the start time falls on a date, working day or not (quiet time ends there). */
export function startTimeOnEpochDay(hours: CompiledWorkingHours, zone: Zone, epochDay: number): Instant {
  return localMsToInstant(zone, epochDay * DAY_MS + hours.startMs);
}

/** One date of a range with its shift. */
export interface WorkingDay {
  date: string;
  shift: Interval | null;
}

/**
 * Each date of an inclusive range with its shift (`null` on days off).
 * @example
 * workingDays({ daysOfWeek: ['monday'], startTime: '09:00', endTime: '17:00', timeZone }, berlin, { from: '2026-03-30', to: '2026-03-30' })
 * // [{ date: '2026-03-30', shift: { start: Date.UTC(2026, 2, 30, 7), end: Date.UTC(2026, 2, 30, 15) } }]
 */
export function workingDays(hours: WorkingHours, zone: Zone, range: DateRange): WorkingDay[] {
  const compiled = compileWorkingHours(hours);
  const out: WorkingDay[] = [];
  for (let d = toEpochDay(range.from), last = toEpochDay(range.to); d <= last; d += 1) {
    out.push({ date: fromEpochDay(d), shift: shiftOnEpochDay(compiled, zone, d) });
  }
  return out;
}

/**
 * The working intervals of a date range as a normalised list: every shift that starts on one of
 * its dates (a night shift starting on the last date runs on past it).
 * @example
 * workingIntervals({ daysOfWeek: ['friday'], startTime: '22:00', endTime: '06:00', timeZone }, utc, { from: '2026-03-06', to: '2026-03-06' })
 * // [{ start: Date.UTC(2026, 2, 6, 22), end: Date.UTC(2026, 2, 7, 6) }]
 */
export function workingIntervals(hours: WorkingHours, zone: Zone, range: DateRange): Interval[] {
  return workingDays(hours, zone, range).flatMap((d) => (d.shift ? [d.shift] : []));
}

/**
 * A person's shifts and day starts, each computed once: balance, suggestions and quiet time all
 * ask for the same few days many times. Holds no clock — only a memo of pure results.
 */
export class ShiftCalendar {
  // Days are cached in arrays around the first day asked for (a computation looks at a few weeks),
  // falling back to maps for anything far from it.
  private base = Number.NaN;
  private readonly near: (Interval | null | undefined)[] = new Array<Interval | null | undefined>(NEAR_DAYS);
  private readonly nearStarts: (Instant | undefined)[] = new Array<Instant | undefined>(NEAR_DAYS);
  private readonly far = new Map<number, Interval | null>();
  private readonly farStarts = new Map<number, Instant>();

  constructor(readonly hours: CompiledWorkingHours, readonly zone: Zone) {}

  private slot(epochDay: number): number {
    if (Number.isNaN(this.base)) this.base = epochDay - NEAR_DAYS / 4;
    const k = epochDay - this.base;
    return k >= 0 && k < NEAR_DAYS ? k : -1;
  }

  /** The shift starting on an epoch day, or `null` on a day off. */
  shift(epochDay: number): Interval | null {
    const k = this.slot(epochDay);
    let shift = k >= 0 ? this.near[k] : this.far.get(epochDay);
    if (shift === undefined) {
      shift = shiftOnEpochDay(this.hours, this.zone, epochDay);
      if (k >= 0) this.near[k] = shift;
      else this.far.set(epochDay, shift);
    }
    return shift;
  }

  /** The instant an epoch day begins. */
  dayStart(epochDay: number): Instant {
    const k = this.slot(epochDay);
    let start = k >= 0 ? this.nearStarts[k] : this.farStarts.get(epochDay);
    if (start === undefined) {
      start = localMsToInstant(this.zone, epochDay * DAY_MS);
      if (k >= 0) this.nearStarts[k] = start;
      else this.farStarts.set(epochDay, start);
    }
    return start;
  }

  isWorkingDay(epochDay: number): boolean {
    return isWorkingEpochDay(this.hours, epochDay);
  }

  /** The instant the start time falls on an epoch day, working day or not. */
  startTime(epochDay: number): Instant {
    return this.shift(epochDay)?.start ?? startTimeOnEpochDay(this.hours, this.zone, epochDay);
  }
}

const NEAR_DAYS = 64;
