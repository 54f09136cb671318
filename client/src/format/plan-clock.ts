/**
 * Times of day on the person's clock, read from what the server sent: every instant of a plan
 * comes with its local date, time and UTC offset (`startLocal` …), computed from the person's zone
 * on the server. The tab has no zone rules of its own; it only moves an instant by an offset the
 * server gave for it, or for the nearest instant before it (an adjusted block inside its gap).
 */
import type { LocalClock, SuggestionsResponse } from '@unplug/contract';
import { safeLocale } from './format';

export interface PlanClock {
  /** The zone as the API named it. */
  name: string;
  /** The time of day, e.g. `2:30 PM` (en-US) or `14:30` (de-DE). */
  formatTime(instant: number | string, locale: string): string;
  /** A span, e.g. `2:30 – 3:15 PM`; with weekdays when it crosses midnight. */
  formatTimeRange(start: number | string, end: number | string, locale: string): string;
  /** Weekday and date, e.g. `Tue, Mar 4`. */
  formatDay(instant: number | string, locale: string): string;
  /** `YYYY-MM-DD` of an instant on the person's calendar. */
  localDateOf(instant: number | string): string;
  /** How to name the zone to a person, e.g. `Pacific Time` or `UTC+01:00`. */
  describe(locale: string): string;
}

/** An instant the server sent, and the same instant on the person's clock. */
export interface Reading {
  instant: string;
  local: LocalClock;
}

const MINUTE_MS = 60_000;
const toMs = (instant: number | string) => (typeof instant === 'number' ? instant : Date.parse(instant));
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' };
const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' };

/** `UTC+01:00`, `UTC−03:30`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A zone's name for people: Intl's generic name when it knows the zone (an IANA name), else its
 * offset as the server gave it (a custom zone from Outlook, or UTC when the zone is unreadable).
 * @example describeZone('America/Los_Angeles', -480, 'en-US') // 'Pacific Time'
 */
export function describeZone(name: string, offsetMinutes: number, locale: string): string {
  try {
    const part = new Intl.DateTimeFormat(safeLocale(locale), { timeZone: name, timeZoneName: 'longGeneric' })
      .formatToParts(0).find((p) => p.type === 'timeZoneName');
    if (part) return part.value;
  } catch {
    // Not a zone Intl knows by name.
  }
  return formatOffset(offsetMinutes);
}

/**
 * A clock for the instants the server sent (and any instant between them).
 * @example createPlanClock({ name: 'Europe/Berlin', offsetMinutes: 60 }, [{ instant: '2025-03-03T13:30:00Z', local: { date: '2025-03-03', time: '14:30', offsetMinutes: 60 } }]).formatTime('2025-03-03T13:30:00Z', 'en-GB') // '14:30'
 */
export function createPlanClock(zone: { name: string; offsetMinutes: number }, readings: Iterable<Reading>): PlanClock {
  const known = [...readings].map((r) => ({ at: Date.parse(r.instant), offset: r.local.offsetMinutes })).sort((a, b) => a.at - b.at);
  /** The offset the server gave for this instant, or for the nearest one before it (or after, before the first). */
  const offsetAt = (instant: number): number => {
    if (known.length === 0) return zone.offsetMinutes;
    let low = 0;
    let high = known.length - 1;
    if (instant < known[0]!.at) return known[0]!.offset;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (known[mid]!.at <= instant) low = mid;
      else high = mid - 1;
    }
    return known[low]!.offset;
  };
  /** The wall-clock reading as a UTC instant, for Intl to format in UTC. */
  const wall = (instant: number | string) => {
    const ms = toMs(instant);
    return ms + offsetAt(ms) * MINUTE_MS;
  };
  const format = (options: Intl.DateTimeFormatOptions, locale: string) => new Intl.DateTimeFormat(safeLocale(locale), options);
  const localDateOf = (instant: number | string) => new Date(wall(instant)).toISOString().slice(0, 10);

  return {
    name: zone.name,
    localDateOf,
    formatTime: (instant, locale) => format(TIME, locale).format(wall(instant)),
    formatTimeRange(start, end, locale) {
      // Across midnight (evening quiet time, weekends) each end needs its day, or the end reads as earlier.
      if (localDateOf(start) === localDateOf(end)) return format(TIME, locale).formatRange(wall(start), wall(end));
      const withDay = format({ ...TIME, weekday: 'short' }, locale);
      return `${withDay.format(wall(start))} – ${withDay.format(wall(end))}`;
    },
    formatDay: (instant, locale) => format(DAY, locale).format(wall(instant)),
    describe: (locale) => describeZone(zone.name, zone.offsetMinutes, locale),
  };
}

/** Every instant of a suggestions answer with its reading on the person's clock. */
export function readingsOf(data: SuggestionsResponse): Reading[] {
  const spans: { start: string; end: string; startLocal: LocalClock; endLocal: LocalClock }[] = [
    ...data.suggestions.flatMap((s) => [s, s.gap]),
    ...data.booked,
    ...data.warnings.flatMap((w) => [w, w.window]),
    ...data.quietWindows,
  ];
  const readings = spans.flatMap((s) => [{ instant: s.start, local: s.startLocal }, { instant: s.end, local: s.endLocal }]);
  for (const c of data.quietChoices) {
    readings.push({ instant: c.start, local: c.startLocal });
    if (c.end !== null && c.endLocal !== null) readings.push({ instant: c.end, local: c.endLocal });
  }
  return readings;
}

/** The clock of a suggestions answer. */
export function suggestionsClock(data: SuggestionsResponse): PlanClock {
  return createPlanClock({ name: data.timeZone, offsetMinutes: data.timeZoneOffsetMinutes }, readingsOf(data));
}
