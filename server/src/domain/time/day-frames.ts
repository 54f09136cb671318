/**
 * How time is split into a person's days, so that every instant belongs to exactly one day:
 * a day's *span* is its local calendar day, minus the part of yesterday's shift that ran past
 * midnight, plus the part of its own shift that runs past midnight. With ordinary hours the span
 * is just the calendar day; with a 22:00–06:00 shift, Monday's span runs from Monday 06:00 (when
 * Sunday's shift ends) to Tuesday 06:00 — Monday's night shift belongs to Monday.
 */
import type { Instant, Interval } from '../types';
import { subtractIntervals, unionIntervals } from './interval';
import type { ShiftCalendar } from './working-hours';

export interface DayFrame {
  epochDay: number;
  /** Local midnight at the start and end of the calendar day. */
  dayStart: Instant;
  dayEnd: Instant;
  /** The shift starting this day, or `null` on a day off. */
  shift: Interval | null;
  /** Normalised: the instants that belong to this day (see the module comment). */
  span: Interval[];
  /** Normalised: `span` minus `shift` — this day's time outside working hours. */
  afterHours: Interval[];
}

/** The frame of one epoch day. */
export function dayFrame(calendar: ShiftCalendar, epochDay: number): DayFrame {
  const previousShift = calendar.shift(epochDay - 1);
  const dayStart = calendar.dayStart(epochDay);
  const dayEnd = calendar.dayStart(epochDay + 1);
  const shift = calendar.shift(epochDay);
  if ((!previousShift || previousShift.end <= dayStart) && shift && shift.end <= dayEnd) {
    // The usual day: its shift inside it, yesterday's over before midnight.
    const afterHours: Interval[] = [];
    if (shift.start > dayStart) afterHours.push({ start: dayStart, end: shift.start });
    if (dayEnd > shift.end) afterHours.push({ start: shift.end, end: dayEnd });
    return { epochDay, dayStart, dayEnd, shift, span: [{ start: dayStart, end: dayEnd }], afterHours };
  }
  let calendarDay: Interval[] = [{ start: dayStart, end: dayEnd }];
  if (previousShift && previousShift.end > dayStart) calendarDay = subtractIntervals(calendarDay, [previousShift]);
  if (!shift) return { epochDay, dayStart, dayEnd, shift, span: calendarDay, afterHours: calendarDay };
  const ownShift = [shift];
  const span = unionIntervals(calendarDay, ownShift);
  return { epochDay, dayStart, dayEnd, shift, span, afterHours: subtractIntervals(span, ownShift) };
}

/** Frames for the epoch days `first..last` inclusive. */
export function dayFrames(calendar: ShiftCalendar, first: number, last: number): DayFrame[] {
  const frames: DayFrame[] = [];
  for (let d = first; d <= last; d += 1) frames.push(dayFrame(calendar, d));
  return frames;
}
