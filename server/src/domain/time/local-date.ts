/**
 * Wall-calendar dates and wall-clock times, with no zone. Dates are handled as *epoch days* (whole
 * days since 1970-01-01) inside the domain, because integer arithmetic is exact and fast; they
 * become `YYYY-MM-DD` strings only at the edges. Nothing here reads the machine's time zone.
 */
import type { DayOfWeek, LocalDate, LocalTime } from '../types';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** An inclusive range of wall-calendar dates: `{ from: '2026-03-02', to: '2026-03-08' }` is 7 days. */
export interface DateRange {
  from: LocalDate;
  to: LocalDate;
}

/** Index 0 is Sunday, as in `Date#getUTCDay`. */
export const DAYS_OF_WEEK: readonly DayOfWeek[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];


/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date of an epoch day (Howard Hinnant's `civil_from_days`). */
export function civilFromDays(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days in a month of a year (proleptic Gregorian). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Digits `from..to` of a string as a number, or -1 if any is not a digit (no regex: this is hot). */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The epoch day of a `YYYY-MM-DD` string, or `null` if it is not a real date. */
function parseEpochDay(value: string): number | null {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

/** Whether `value` is a real `YYYY-MM-DD` date (so `2026-02-30` is not). */
export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && parseEpochDay(value) !== null;
}

/**
 * The epoch day of a `YYYY-MM-DD` date.
 * @example toEpochDay('1970-01-02') // 1
 * @throws RangeError for anything that is not a real date (callers validate input first).
 */
export function toEpochDay(date: LocalDate): number {
  const epochDay = typeof date === 'string' ? parseEpochDay(date) : null;
  if (epochDay === null) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return epochDay;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formatted dates, memoised: the same few hundred dates are formatted over and over. */
const formatted = new Map<number, LocalDate>();

/** @example fromEpochDay(20_520) // '2026-03-08' */
export function fromEpochDay(epochDay: number): LocalDate {
  let text = formatted.get(epochDay);
  if (text === undefined) {
    const { year, month, day } = civilFromDays(epochDay);
    const y = year >= 0 && year < 10_000 ? String(year).padStart(4, '0') : String(year);
    text = `${y}-${pad2(month)}-${pad2(day)}`;
    if (formatted.size >= 20_000) formatted.clear();
    formatted.set(epochDay, text);
  }
  return text;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayIndex(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** @example dayOfWeek('2026-03-08') // 'sunday' */
export function dayOfWeek(date: LocalDate): DayOfWeek {
  return DAYS_OF_WEEK[weekdayIndex(toEpochDay(date))] as DayOfWeek;
}

/** @example addDays('2026-02-28', 1) // '2026-03-01' */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Negative if `a` is before `b`, 0 if equal, positive after. ISO dates compare as strings. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every date of an inclusive range, in order; empty if `to` is before `from`. */
export function datesInRange(range: DateRange): LocalDate[] {
  const first = toEpochDay(range.from);
  const last = toEpochDay(range.to);
  const out: LocalDate[] = [];
  for (let d = first; d <= last; d += 1) out.push(fromEpochDay(d));
  return out;
}

/** Milliseconds after midnight of `HH:mm`, `HH:mm:ss` or `HH:mm:ss.f…` (up to 12 fraction digits, as Graph allows; hours 00–23), or `null`. */
function parseTimeOfDay(value: string): number | null {
  const n = value.length;
  if (n !== 5 && n < 8) return null;
  if (value.charCodeAt(2) !== 58) return null;
  const hours = digits(value, 0, 2);
  const minutes = digits(value, 3, 5);
  let seconds = 0;
  if (n > 5) {
    if (value.charCodeAt(5) !== 58) return null;
    seconds = digits(value, 6, 8);
    if (n > 8 && (value.charCodeAt(8) !== 46 || n > 21 || n === 9 || digits(value, 9, n) < 0)) return null;
  }
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return null;
  return hours * HOUR_MS + minutes * MINUTE_MS + seconds * 1000;
}

/** Whether `value` is `HH:mm`, `HH:mm:ss` or Graph's `HH:mm:ss.fffffff`, with hours 00–23. */
export function isLocalTime(value: unknown): value is LocalTime {
  return typeof value === 'string' && parseTimeOfDay(value) !== null;
}

/**
 * Milliseconds after midnight of a wall-clock time (fractions of a second are dropped).
 * @example timeOfDayMs('09:30') // 34_200_000
 * @throws RangeError for anything that is not a valid time.
 */
export function timeOfDayMs(time: LocalTime): number {
  const ms = typeof time === 'string' ? parseTimeOfDay(time) : null;
  if (ms === null) throw new RangeError(`Not an HH:mm time: ${JSON.stringify(time)}`);
  return ms;
}

/** `HH:mm` of a number of milliseconds after midnight (wraps at 24 h). @example formatTimeOfDay(34_200_000) // '09:30' */
export function formatTimeOfDay(ms: number): LocalTime {
  const minutes = Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}
