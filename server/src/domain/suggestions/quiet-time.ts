/**
 * After-hours quiet time (design §2): evening windows from the end of each working day plus the
 * evening buffer to the next day's start time, and — when weekends are quiet — whole days off,
 * joined into one window from Friday evening to Monday's start. Windows follow the real shifts:
 * after a night shift (22:00–06:00) the rest runs from the shift's end plus the buffer to the next
 * shift's start (a weekend to Monday 22:00), and is called off-shift rest, not an evening.
 */
import type { CalendarEvent, Instant, Interval, Person, QuietTimePreferences } from '../types';
import type { CalendarReading } from '../calendar/read-calendar';
import { readCalendar } from '../calendar/read-calendar';
import { mergeIntervals, overlaps, subtractIntervals } from '../time/interval';
import type { DateRange } from '../time/local-date';
import { MINUTE_MS, toEpochDay } from '../time/local-date';
import { zoneOrUtc } from '../time/resolve-time-zone';
import { ShiftCalendar, compileWorkingHours } from '../time/working-hours';
import type { Zone } from '../time/zone';
import { localEpochDay, startOfEpochDay } from '../time/zone';
import { formatDuration } from './explain';
import { stableIds } from './stable-id';
import type { QuietTimeWarning, QuietWindow } from './suggestion-types';

/** Windows are built this many days either side of the range asked for, so windows that start before or end after it come out whole. */
const MARGIN_DAYS = 8;

/**
 * Quiet windows for the epoch days `first..last`, normalised and labelled. Days are examined
 * `margin` days either side so windows reaching past the range come out whole (up to the margin).
 */
export function quietWindowsForDays(calendar: ShiftCalendar, quietTime: Pick<QuietTimePreferences, 'eveningBufferMinutes' | 'weekends'>, first: number, last: number, margin: number = MARGIN_DAYS): QuietWindow[] {
  const quiet: Interval[] = [];
  const shifts: Interval[] = [];
  const daysOff: Interval[] = [];
  const bufferMs = Math.max(0, quietTime.eveningBufferMinutes) * MINUTE_MS;
  for (let d = first - margin; d <= last + margin; d += 1) {
    const shift = calendar.shift(d);
    if (shift) {
      shifts.push(shift);
      quiet.push({ start: shift.end + bufferMs, end: calendar.startTime(d + 1) });
      if (quietTime.weekends && !calendar.isWorkingDay(d - 1)) quiet.push({ start: calendar.dayStart(d), end: shift.start });
    } else if (!calendar.isWorkingDay(d)) {
      const day = { start: calendar.dayStart(d), end: calendar.dayStart(d + 1) };
      daysOff.push(day);
      if (quietTime.weekends) quiet.push(day);
    }
  }
  // A shift and the buffer after it are never quiet: a day off that begins as a night shift ends
  // starts its quiet time once the buffer has passed, like an evening does.
  const windows = subtractIntervals(mergeIntervals(quiet), mergeIntervals(shifts.map((s) => ({ start: s.start, end: s.end + bufferMs }))));
  const out: QuietWindow[] = [];
  let k = 0; // days off and windows are both in order: one pass labels every window
  for (const w of windows) {
    while (k < daysOff.length && (daysOff[k] as Interval).end <= w.start) k += 1;
    const day = daysOff[k];
    const weekend = quietTime.weekends && day !== undefined && day.start < w.end;
    out.push({ start: w.start, end: w.end, kind: weekend ? 'weekend' : 'evening' });
  }
  return out;
}

/** Whether working hours cross midnight (a night shift): quiet time is then off-shift rest, not an evening. */
export function isNightShift(hours: Pick<Person['workingHours'], 'startTime' | 'endTime'>): boolean {
  return hours.endTime.slice(0, 5) <= hours.startTime.slice(0, 5);
}

/** What a quiet window is called in a sentence: "evening quiet time", "weekend quiet time", "off-shift rest", "days-off rest". */
export function quietWindowWords(kind: QuietWindow['kind'], nightShift: boolean): string {
  if (nightShift) return kind === 'weekend' ? 'days-off rest' : 'off-shift rest';
  return kind === 'weekend' ? 'weekend quiet time' : 'evening quiet time';
}

function rangeToInterval(range: DateRange | Interval, zone: Zone): { interval: Interval; first: number; last: number } {
  if ('from' in range) {
    const first = toEpochDay(range.from);
    const last = toEpochDay(range.to);
    return { interval: { start: startOfEpochDay(zone, first), end: startOfEpochDay(zone, last + 1) }, first, last };
  }
  return { interval: range, first: localEpochDay(zone, range.start), last: localEpochDay(zone, Math.max(range.start, range.end - 1)) };
}

/**
 * The quiet windows that overlap a range — whole, not clipped, so a job can tell when the current
 * one ends. `range` is inclusive dates in the person's zone, or an interval of instants. The
 * windows are what quiet time *would* be; whether it is on (`quietTime.enabled`) is the caller's
 * decision.
 * @example
 * quietWindows(person, { eveningBufferMinutes: 30, weekends: true, … }, { from: '2026-03-06', to: '2026-03-06' })
 * // [{ start: <Thu 17:30>, end: <Fri 09:00>, kind: 'evening' }, { start: <Fri 17:30>, end: <Mon 09:00>, kind: 'weekend' }]
 */
export function quietWindows(person: Pick<Person, 'workingHours'>, quietTime: Pick<QuietTimePreferences, 'eveningBufferMinutes' | 'weekends'>, range: DateRange | Interval, zone?: Zone): QuietWindow[] {
  const z = zone ?? zoneOrUtc(person.workingHours.timeZone).zone;
  const { interval, first, last } = rangeToInterval(range, z);
  return quietWindowsForDays(new ShiftCalendar(compileWorkingHours(person.workingHours), z), quietTime, first, last).filter((w) => overlaps(w, interval));
}

/**
 * Warnings for meetings (counted, timed, busy or tentative) that overlap the given quiet windows.
 * Only meetings ending after `from` are reported.
 */
export function quietTimeWarningsFor(person: Pick<Person, 'tenantId' | 'userId'>, calendar: CalendarReading, windows: readonly QuietWindow[], from: Instant, nightShift = false): QuietTimeWarning[] {
  const warnings: QuietTimeWarning[] = [];
  let idFor: ((...parts: (string | number)[]) => string) | undefined;
  for (const r of calendar.meetingEvents) {
    if (r.end <= from) continue;
    for (const window of windows) {
      if (!overlaps(window, r)) continue;
      idFor ??= stableIds('qw_', [person.tenantId, person.userId]);
      const overlapMs = Math.min(window.end, r.end) - Math.max(window.start, r.start);
      const which = quietWindowWords(window.kind, nightShift);
      warnings.push({
        id: idFor(r.event.id, window.start, window.end),
        eventId: r.event.id,
        start: r.start,
        end: r.end,
        window,
        overlapMinutes: Math.round(overlapMs / MINUTE_MS),
        reason: 'meeting-in-quiet-time',
        explanation: `A meeting takes ${formatDuration(overlapMs)} of your ${which}.`,
      });
    }
  }
  return warnings;
}

/**
 * Meetings scheduled inside quiet time over a range (inclusive dates, or an interval), for the
 * quiet-time view. `suggest` returns the same warnings for its own horizon.
 * @example
 * quietTimeWarnings(person, quietTime, events, { from: '2026-03-02', to: '2026-03-08' })
 * // [{ eventId: 'AAMk…', overlapMinutes: 60, explanation: 'A meeting takes 1 h of your evening quiet time.', … }]
 */
export function quietTimeWarnings(person: Pick<Person, 'tenantId' | 'userId' | 'workingHours'>, quietTime: Pick<QuietTimePreferences, 'eveningBufferMinutes' | 'weekends'>, events: readonly CalendarEvent[], range: DateRange | Interval, zone?: Zone): QuietTimeWarning[] {
  const z = zone ?? zoneOrUtc(person.workingHours.timeZone).zone;
  const { interval } = rangeToInterval(range, z);
  const windows = quietWindows(person, quietTime, range, z);
  return quietTimeWarningsFor(person, readCalendar(events, z), windows, interval.start, isNightShift(person.workingHours)).filter((w) => w.start < interval.end);
}
