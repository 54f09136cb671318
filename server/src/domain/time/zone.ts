/**
 * Time zones as the domain uses them: a function from an instant to its UTC offset, plus the two
 * conversions built on it (instant → local date/time, local date/time → instant).
 *
 * `Intl.DateTimeFormat` knows every IANA zone but costs ~15 µs a call, far too slow to call per
 * event. So an IANA zone asks Intl only to find its *offset transitions*, a few weeks at a time,
 * caches them, and answers every later question with a lookup of a few nanoseconds.
 */
import type { Instant } from '../types';
import { DAY_MS, civilFromDays, formatTimeOfDay, fromEpochDay, timeOfDayMs, toEpochDay } from './local-date';
import type { LocalDate, LocalTime } from '../types';

/** A time zone: `local = instant + offsetMsAt(instant)`. */
export interface Zone {
  /** The IANA name (`Europe/Berlin`), `UTC`, or a `custom:…` key for a rule-based zone. */
  readonly name: string;
  /** The UTC offset in milliseconds at `instant` (positive east of Greenwich: Berlin in summer is 7_200_000). */
  offsetMsAt(instant: Instant): number;
}

/** A zone with one offset all year (UTC, or a custom zone without daylight saving time). */
export class FixedOffsetZone implements Zone {
  constructor(readonly name: string, private readonly offsetMs: number) {}

  offsetMsAt(): number {
    return this.offsetMs;
  }
}

export const UTC_ZONE: Zone = new FixedOffsetZone('UTC', 0);

/** 2^31 ms ≈ 24.9 days of transitions are found and cached at a time. */
const CHUNK_MS = 2 ** 31;
/** Transitions are assumed at least this far apart (true of every zone since 1970). */
const SAMPLE_MS = DAY_MS / 2;

interface Chunk {
  /** Offset at the chunk's start. */
  first: number;
  /** Transition instants inside the chunk, ascending, and the offset from each on. */
  at: number[];
  offset: number[];
}

/** An IANA zone, answered from cached offset transitions that Intl finds once. */
export class IanaZone implements Zone {
  private readonly format: Intl.DateTimeFormat;
  private readonly chunks = new Map<number, Chunk>();
  private lastIndex = Number.NaN;
  private lastChunk: Chunk = { first: 0, at: [], offset: [] };

  /** @throws RangeError if the runtime does not know the zone (use `resolveTimeZone` to get a result instead). */
  constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  offsetMsAt(instant: Instant): number {
    const index = Math.floor(instant / CHUNK_MS);
    let chunk = this.lastChunk;
    if (index !== this.lastIndex) {
      chunk = this.chunks.get(index) ?? this.buildChunk(index);
      this.lastIndex = index;
      this.lastChunk = chunk;
    }
    const { at } = chunk;
    if (at.length === 0 || instant < (at[0] as number)) return chunk.first;
    let k = 0;
    while (k + 1 < at.length && instant >= (at[k + 1] as number)) k += 1;
    return chunk.offset[k] as number;
  }

  /** The offset Intl reports, exact to the second (Intl drops milliseconds). */
  private intlOffset(instant: Instant): number {
    const second = Math.floor(instant / 1000) * 1000;
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let sec = 0;
    for (const part of this.format.formatToParts(second)) {
      switch (part.type) {
        case 'year': year = Number(part.value); break;
        case 'month': month = Number(part.value); break;
        case 'day': day = Number(part.value); break;
        case 'hour': hour = Number(part.value); break;
        case 'minute': minute = Number(part.value); break;
        case 'second': sec = Number(part.value); break;
        default: break;
      }
    }
    const local = daysToMs(year, month, day) + hour * 3_600_000 + minute * 60_000 + sec * 1000;
    return local - second;
  }

  private buildChunk(index: number): Chunk {
    const start = index * CHUNK_MS;
    const end = start + CHUNK_MS;
    const first = this.intlOffset(start);
    const chunk: Chunk = { first, at: [], offset: [] };
    let previousAt = start;
    let previous = first;
    for (let t = Math.min(start + SAMPLE_MS, end - 1); ; t = Math.min(t + SAMPLE_MS, end - 1)) {
      const current = this.intlOffset(t);
      if (current !== previous) {
        // Bisect (in whole seconds, Intl's resolution) to the first second with the new offset.
        let lo = Math.floor(previousAt / 1000);
        let hi = Math.floor(t / 1000);
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (this.intlOffset(mid * 1000) === previous) lo = mid;
          else hi = mid;
        }
        chunk.at.push(hi * 1000);
        chunk.offset.push(this.intlOffset(hi * 1000));
        previous = current;
      }
      previousAt = t;
      if (t >= end - 1) break;
    }
    this.chunks.set(index, chunk);
    return chunk;
  }
}

function daysToMs(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

/** A local date and wall-clock time in some zone. */
export interface LocalDateTime {
  date: LocalDate;
  /** `HH:mm`. */
  time: LocalTime;
  /** Milliseconds after local midnight. */
  msOfDay: number;
}

/** Epoch day of the local date at `instant` in `zone`. */
export function localEpochDay(zone: Zone, instant: Instant): number {
  return Math.floor((instant + zone.offsetMsAt(instant)) / DAY_MS);
}

/**
 * The local date at an instant.
 * @example localDateOf(Date.UTC(2026, 2, 8, 7, 0), new IanaZone('America/Los_Angeles')) // '2026-03-07'
 */
export function localDateOf(instant: Instant, zone: Zone): LocalDate {
  return fromEpochDay(localEpochDay(zone, instant));
}

/**
 * The local date and time at an instant.
 * @example toLocalDateTime(Date.UTC(2026, 2, 29, 1, 0), new IanaZone('Europe/Berlin')) // { date: '2026-03-29', time: '03:00', … }
 */
export function toLocalDateTime(instant: Instant, zone: Zone): LocalDateTime {
  const local = instant + zone.offsetMsAt(instant);
  const epochDay = Math.floor(local / DAY_MS);
  const msOfDay = local - epochDay * DAY_MS;
  return { date: fromEpochDay(epochDay), time: formatTimeOfDay(msOfDay), msOfDay };
}

/**
 * The instant of a local wall-clock moment given as milliseconds since the local epoch
 * (`epochDay * DAY_MS + msOfDay`). Like Temporal's `disambiguation: 'compatible'`: a time that the
 * clocks skip (02:30 on a spring-forward day) moves forward by the gap (to 03:30), and a time that
 * happens twice (01:30 on a fall-back day) is its earlier occurrence.
 */
export function localMsToInstant(zone: Zone, local: number): Instant {
  const before = zone.offsetMsAt(local - DAY_MS);
  const after = zone.offsetMsAt(local + DAY_MS);
  const early = local - before;
  if (before === after) return early;
  const late = local - after;
  const earlyValid = zone.offsetMsAt(early) === before;
  const lateValid = zone.offsetMsAt(late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  // In the gap: read the wall time with the offset from before the jump, which lands after it.
  return early;
}

/**
 * The instant at which a local date and time happen in a zone (see `localMsToInstant` for skipped
 * and repeated times).
 * @example instantOf('2026-03-08', '09:00', new IanaZone('America/Los_Angeles')) // Date.UTC(2026, 2, 8, 16, 0)
 */
export function instantOf(date: LocalDate, time: LocalTime, zone: Zone): Instant {
  return localMsToInstant(zone, toEpochDay(date) * DAY_MS + timeOfDayMs(time));
}

/** The instant a local date begins (its first instant, even when midnight is skipped). */
export function startOfLocalDay(date: LocalDate, zone: Zone): Instant {
  return localMsToInstant(zone, toEpochDay(date) * DAY_MS);
}

/** Internal fast path: the instant an epoch day begins in a zone. */
export function startOfEpochDay(zone: Zone, epochDay: number): Instant {
  return localMsToInstant(zone, epochDay * DAY_MS);
}

/** The UTC offset at an instant as `+HH:mm` / `-HH:mm` (for display and tests). */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Calendar year of an epoch day (used by rule-based zones). */
export function yearOfEpochDay(epochDay: number): number {
  return civilFromDays(epochDay).year;
}

/** An instant on a person's clock, as the API sends it beside the instant. */
export interface LocalClock {
  date: LocalDate;
  /** `HH:mm`. */
  time: LocalTime;
  /** UTC offset at the instant, minutes east of Greenwich. */
  offsetMinutes: number;
}

/**
 * The local date, time and UTC offset of an instant in `zone`.
 * @example localClockOf(Date.UTC(2026, 2, 29, 1, 0), new IanaZone('Europe/Berlin')) // { date: '2026-03-29', time: '03:00', offsetMinutes: 120 }
 */
export function localClockOf(instant: Instant, zone: Zone): LocalClock {
  const { date, time } = toLocalDateTime(instant, zone);
  return { date, time, offsetMinutes: Math.round(zone.offsetMsAt(instant) / 60_000) };
}
