/**
 * Times of day in the person's zone, as the API names it: an IANA name (Intl does the work), a
 * custom zone from Graph's `customTimeZone` (`custom:[bias, standard, daylight]`, computed here
 * from its Windows-style rules, as the server does), or anything else (shown in UTC, and said so).
 */
import { safeLocale } from './format';

interface TransitionRule {
  time: string;
  dayOccurrence: number;
  dayOfWeek: string;
  month: number;
}

type CustomRules = [bias: number, standard: TransitionRule | null, daylight: (TransitionRule & { daylightBias: number }) | null];

export interface ZoneClock {
  /** The zone as the API named it. */
  name: string;
  /** Whether Intl knows the zone by name (otherwise times are computed from a fixed rule). */
  kind: 'iana' | 'custom' | 'utc-fallback';
  /** Offset from UTC at an instant, in minutes (UTC+1 → 60). */
  offsetMinutesAt(instant: number): number;
  /** `YYYY-MM-DD` of an instant on the person's calendar. */
  localDateOf(instant: number): string;
  /** The time of day, e.g. `2:30 PM` (en-US) or `14:30` (de-DE). */
  formatTime(instant: number | string, locale: string): string;
  /** A span, e.g. `2:30 – 3:15 PM`. */
  formatTimeRange(start: number | string, end: number | string, locale: string): string;
  /** Weekday and date, e.g. `Tue, Mar 4`. */
  formatDay(instant: number | string, locale: string): string;
  /** How to name the zone to a person, e.g. `Pacific Time` or `UTC+01:00`. */
  describe(locale: string, at?: number): string;
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const toMs = (instant: number | string) => (typeof instant === 'number' ? instant : Date.parse(instant));

function isIanaZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function parseCustom(name: string): CustomRules | undefined {
  if (!name.startsWith('custom:')) return undefined;
  try {
    const rules: unknown = JSON.parse(name.slice('custom:'.length));
    if (!Array.isArray(rules) || typeof rules[0] !== 'number') return undefined;
    return rules as CustomRules;
  } catch {
    return undefined;
  }
}

/** Epoch day of "the n-th weekday of month" (n = 5: the last one). */
function nthWeekdayOfMonth(year: number, month: number, weekday: number, occurrence: number): number {
  const first = Date.UTC(year, month - 1, 1) / DAY_MS;
  const nextFirst = Date.UTC(year, month, 1) / DAY_MS;
  const firstWeekday = (first + 4) % 7; // 1970-01-01 was a Thursday
  let day = first + ((weekday - firstWeekday + 7) % 7) + (occurrence - 1) * 7;
  while (day >= nextFirst) day -= 7;
  return day;
}

function timeOfDayMs(time: string): number {
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  return ((h * 60 + m) * 60 + s) * 1000;
}

/** Offset in minutes at an instant for Graph's custom zone (UTC = local + bias [+ daylightBias]). */
function customOffsetMinutes([bias, standard, daylight]: CustomRules, instant: number): number {
  const standardMinutes = -bias;
  if (!standard || !daylight || standard.month === 0 || daylight.month === 0 || daylight.daylightBias === 0) return standardMinutes;
  const daylightMinutes = -(bias + daylight.daylightBias);
  const year = new Date(instant + standardMinutes * MINUTE_MS).getUTCFullYear();
  const at = (rule: TransitionRule, offsetBefore: number) =>
    nthWeekdayOfMonth(year, rule.month, DAYS.indexOf(rule.dayOfWeek.toLowerCase()), rule.dayOccurrence) * DAY_MS
    + timeOfDayMs(rule.time) - offsetBefore * MINUTE_MS;
  const daylightStart = at(daylight, standardMinutes);
  const standardStart = at(standard, daylightMinutes);
  const inDaylight = daylightStart < standardStart
    ? instant >= daylightStart && instant < standardStart
    : instant >= daylightStart || instant < standardStart;
  return inDaylight ? daylightMinutes : standardMinutes;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric' };

/**
 * A clock for the zone the API reported.
 * @example createZoneClock('Europe/Berlin').formatTime('2025-03-03T13:30:00Z', 'en-GB') // '14:30'
 */
export function createZoneClock(name: string): ZoneClock {
  const custom = isIanaZone(name) ? undefined : parseCustom(name);
  const kind: ZoneClock['kind'] = custom ? 'custom' : isIanaZone(name) ? 'iana' : 'utc-fallback';
  const intlZone = kind === 'iana' ? name : 'UTC';

  const offsetMinutesAt = (instant: number): number => {
    if (custom) return customOffsetMinutes(custom, instant);
    if (kind !== 'iana') return 0;
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(instant);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / MINUTE_MS);
  };
  /** Intl formats custom zones as UTC after the instant is moved by the zone's offset. */
  const shifted = (instant: number) => (custom ? instant + offsetMinutesAt(instant) * MINUTE_MS : instant);
  const format = (options: Intl.DateTimeFormatOptions, locale: string) =>
    new Intl.DateTimeFormat(safeLocale(locale), { ...options, timeZone: intlZone });

  const localDateOf = (instant: number) => new Date(instant + offsetMinutesAt(instant) * MINUTE_MS).toISOString().slice(0, 10);

  return {
    name,
    kind,
    offsetMinutesAt,
    localDateOf,
    formatTime: (instant, locale) => format(TIME, locale).format(shifted(toMs(instant))),
    formatTimeRange(start, end, locale) {
      const [from, to] = [toMs(start), toMs(end)];
      // Across midnight (evening quiet time, weekends) each end needs its day, or the end reads as earlier.
      const sameDay = localDateOf(from) === localDateOf(to);
      if (sameDay) return format(TIME, locale).formatRange(shifted(from), shifted(to));
      const withDay = format({ ...TIME, weekday: 'short' }, locale);
      return `${withDay.format(shifted(from))} – ${withDay.format(shifted(to))}`;
    },
    formatDay: (instant, locale) => format(DAY, locale).format(shifted(toMs(instant))),
    describe(locale, at = Date.now()) {
      if (kind !== 'iana') return formatOffset(offsetMinutesAt(at));
      const part = new Intl.DateTimeFormat(safeLocale(locale), { timeZone: name, timeZoneName: 'longGeneric' })
        .formatToParts(at).find((p) => p.type === 'timeZoneName');
      return part?.value ?? name;
    },
  };
}
