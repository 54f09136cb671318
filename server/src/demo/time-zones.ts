import { findIana } from 'windows-iana';

/**
 * Time zone arithmetic for the demo tenant: IANA zones (through `Intl`), Windows zone names
 * (through CLDR's mapping) and Graph's custom zones (bias and transition rules). The demo needs it
 * to seed calendars on people's wall clocks and to answer `Prefer: outlook.timezone`.
 */

/** "The `dayOccurrence`-th `dayOfWeek` (0 = Sunday) of `month` at `time`"; 5 = the last one. */
export interface TransitionRule {
  month: number;
  dayOccurrence: number;
  dayOfWeek: number;
  /** `HH:mm:ss` wall-clock time at which the switch happens. */
  time: string;
}

/**
 * Graph's `customTimeZone`, Windows' convention: UTC = local time + `bias` (minutes), so bias
 * −120 is UTC+2; during daylight time UTC = local + bias + daylightBias.
 */
export interface CustomZoneRule {
  bias: number;
  standard?: TransitionRule;
  daylight?: TransitionRule & { daylightBias: number };
}

export type DemoZone = { kind: 'iana'; name: string } | { kind: 'custom'; name: string; rule: CustomZoneRule };

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export const UTC_ZONE: DemoZone = { kind: 'iana', name: 'UTC' };

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const validIana = new Map<string, boolean>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

function isIanaZone(name: string): boolean {
  let ok = validIana.get(name);
  if (ok === undefined) {
    try {
      formatterFor(name);
      ok = true;
    } catch {
      ok = false;
    }
    validIana.set(name, ok);
  }
  return ok;
}

/**
 * A zone from the name a Graph client may give (`Prefer: outlook.timezone`, an event's
 * `start.timeZone`): a Windows name ("Pacific Standard Time"), an IANA name, or "UTC".
 * `undefined` when the name is unknown.
 */
export function resolveTimeZoneName(name: string): DemoZone | undefined {
  if (resolved.has(name)) return resolved.get(name);
  const zone = resolveUncached(name);
  if (resolved.size > 1000) resolved.clear();
  resolved.set(name, zone);
  return zone;
}

const resolved = new Map<string, DemoZone | undefined>();

function resolveUncached(name: string): DemoZone | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return undefined;
  if (/^(utc|etc\/utc|gmt)$/i.test(trimmed)) return UTC_ZONE;
  const iana = findIana(trimmed)[0];
  if (iana && isIanaZone(iana)) return { kind: 'iana', name: iana };
  if (isIanaZone(trimmed)) return { kind: 'iana', name: trimmed };
  return undefined;
}

/** The zone's offset from UTC at `instant`, in minutes east of UTC (UTC+2 → 120). */
export function zoneOffsetMinutes(zone: DemoZone, instant: number): number {
  return zone.kind === 'iana' ? ianaOffsetMinutes(zone.name, instant) : customOffsetMinutes(zone.rule, instant);
}

/**
 * Offsets by zone and UTC day (`Intl` is slow): a day whose start and end share an offset has it
 * throughout; a transition day is looked up by quarter hour (every transition of the tz database
 * since 1970 falls on a quarter hour).
 */
const offsetCache = new Map<string, Map<number, number>>();
const QUARTER = 15 * MINUTE;
const TRANSITION_DAY = Number.NaN;

function ianaOffsetMinutes(zone: string, instant: number): number {
  if (zone === 'UTC') return 0;
  let cache = offsetCache.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(zone, cache);
  }
  if (cache.size > 200_000) cache.clear();
  const day = Math.floor(instant / DAY);
  let offset = cache.get(day);
  if (offset === undefined) {
    const first = intlOffsetMinutes(zone, day * DAY);
    offset = first === intlOffsetMinutes(zone, (day + 1) * DAY - QUARTER) ? first : TRANSITION_DAY;
    cache.set(day, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  // Quarter-hour keys are negative so they never collide with day keys.
  const quarter = -1 - Math.floor(instant / QUARTER);
  let exact = cache.get(quarter);
  if (exact === undefined) {
    exact = intlOffsetMinutes(zone, Math.floor(instant / QUARTER) * QUARTER);
    cache.set(quarter, exact);
  }
  return exact;
}

function intlOffsetMinutes(zone: string, instant: number): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const parts = formatterFor(zone).formatToParts(new Date(whole));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - whole) / MINUTE);
}

/** Offset of a custom zone at `instant`, from its bias and yearly transition rules. */
export function customOffsetMinutes(rule: CustomZoneRule, instant: number): number {
  const standardOffset = -rule.bias;
  const { daylight, standard } = rule;
  if (!daylight || !standard || daylight.month === 0 || standard.month === 0) return standardOffset;
  const year = new Date(instant + standardOffset * MINUTE).getUTCFullYear();
  // Into daylight time on the standard wall clock; back to standard time on the daylight wall clock.
  const daylightStarts = ruleWallClock(year, daylight) + rule.bias * MINUTE;
  const daylightEnds = ruleWallClock(year, standard) + (rule.bias + daylight.daylightBias) * MINUTE;
  const inDaylight = daylightStarts < daylightEnds
    ? instant >= daylightStarts && instant < daylightEnds
    : instant >= daylightStarts || instant < daylightEnds;
  return inDaylight ? -(rule.bias + daylight.daylightBias) : standardOffset;
}

/** The wall-clock moment of a transition rule in `year`, as if it were UTC (epoch ms). */
function ruleWallClock(year: number, rule: TransitionRule): number {
  const firstWeekday = new Date(Date.UTC(year, rule.month - 1, 1)).getUTCDay();
  const daysInMonth = new Date(Date.UTC(year, rule.month, 0)).getUTCDate();
  let day = 1 + ((rule.dayOfWeek - firstWeekday + 7) % 7) + 7 * (Math.min(rule.dayOccurrence, 5) - 1);
  while (day > daysInMonth) day -= 7;
  const [h = 0, m = 0, s = 0] = rule.time.split(':').map((v) => Math.floor(Number(v)));
  return Date.UTC(year, rule.month - 1, day, h, m, s);
}

/** The wall clock in `zone` at `instant`. */
export function instantToLocal(zone: DemoZone, instant: number): LocalDateTime {
  const d = new Date(instant + zoneOffsetMinutes(zone, instant) * MINUTE);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  };
}

/**
 * The instant a wall-clock time in `zone` names. A time that falls in a daylight-saving gap moves
 * forward by the gap (02:30 on a spring-forward night reads as 03:30); a time that occurs twice
 * takes the earlier one.
 */
export function localToInstant(zone: DemoZone, local: LocalDateTime): number {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const guess = wall - zoneOffsetMinutes(zone, wall) * MINUTE;
  const settled = zoneOffsetMinutes(zone, guess);
  // Away from a transition the offset at the guess is the answer (the usual case, and fast).
  if (settled === zoneOffsetMinutes(zone, guess - 3 * 3_600_000) && settled === zoneOffsetMinutes(zone, guess + 3 * 3_600_000)) {
    return wall - settled * MINUTE;
  }
  const before = zoneOffsetMinutes(zone, wall - DAY);
  const after = zoneOffsetMinutes(zone, wall + DAY);
  const candidates = [...new Set([before, after, zoneOffsetMinutes(zone, wall)])]
    .map((offset) => wall - offset * MINUTE)
    .filter((t) => sameWallClock(instantToLocal(zone, t), local))
    .sort((a, b) => a - b);
  return candidates[0] ?? wall - Math.min(before, after) * MINUTE;
}

function sameWallClock(a: LocalDateTime, b: LocalDateTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Graph's `dateTime` form: `2024-05-01T09:30:00.0000000`. */
export function formatGraphDateTime(local: LocalDateTime): string {
  return `${formatLocalDate(local)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}.0000000`;
}

/** `YYYY-MM-DD`. */
export function formatLocalDate(local: Pick<LocalDateTime, 'year' | 'month' | 'day'>): string {
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?)?$/;
const OFFSET_SUFFIX = /(Z|[+-]\d{2}:?\d{2})$/i;

/** Parses a wall-clock `dateTime` (no zone), as Graph's `dateTimeTimeZone.dateTime` carries it. */
export function parseLocalDateTime(text: string): LocalDateTime | undefined {
  const m = LOCAL_DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const local = {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0),
  };
  const check = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
  if (check.getUTCMonth() !== local.month - 1 || check.getUTCDate() !== local.day || local.hour > 23 || local.minute > 59 || local.second > 59) return undefined;
  return local;
}

/**
 * Parses an ISO 8601 instant as calendarView's `startDateTime` takes it: an offset or `Z` is
 * honoured, no offset means UTC.
 */
export function parseIsoInstant(text: string): number | undefined {
  const trimmed = text.trim();
  const offset = OFFSET_SUFFIX.exec(trimmed);
  const local = parseLocalDateTime(offset ? trimmed.slice(0, offset.index) : trimmed);
  if (!local) return undefined;
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  if (!offset || offset[1]!.toUpperCase() === 'Z') return wall;
  const sign = offset[1]!.startsWith('-') ? -1 : 1;
  const digits = offset[1]!.slice(1).replace(':', '');
  return wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * MINUTE;
}

/** `YYYY-MM-DD` plus `days`. */
export function addDays(date: string, days: number): string {
  const t = new Date(dateToUtcMs(date) + days * DAY);
  return formatLocalDate({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

/** Midnight UTC of a `YYYY-MM-DD` date. */
function dateToUtcMs(date: string): number {
  let ms = dateCache.get(date);
  if (ms === undefined) {
    ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
    if (dateCache.size > 10_000) dateCache.clear();
    dateCache.set(date, ms);
  }
  return ms;
}

const dateCache = new Map<string, number>();

/** 0 = Sunday … 6 = Saturday, for a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((Math.floor(dateToUtcMs(date) / DAY) % 7) + 11) % 7;
}

/** The instant of `time` (`HH:mm[:ss]`) on `date` in `zone`. */
export function wallClockInstant(zone: DemoZone, date: string, time: string): number {
  return localToInstant(zone, {
    year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)),
    hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)), second: time.length >= 8 ? Number(time.slice(6, 8)) : 0,
  });
}

/** The `YYYY-MM-DD` date in `zone` at `instant`. */
export function localDateAt(zone: DemoZone, instant: number): string {
  return formatLocalDate(instantToLocal(zone, instant));
}
