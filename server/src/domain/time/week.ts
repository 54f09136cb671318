/**
 * "This week" and "the next working days" in a person's zone, for the API and the tab.
 * Weeks start on Monday.
 */
import type { Instant, LocalDate, WorkingHours } from '../types';
import type { DateRange } from './local-date';
import { fromEpochDay, weekdayIndex } from './local-date';
import { ShiftCalendar, compileWorkingHours } from './working-hours';
import type { Zone } from './zone';
import { localEpochDay } from './zone';

/**
 * The Monday-to-Sunday week containing `now`, in `zone`.
 * @example weekOf(Date.UTC(2026, 2, 8, 7, 0), laZone) // { from: '2026-03-02', to: '2026-03-08' } (still Saturday night in LA)
 */
export function weekOf(now: Instant, zone: Zone): DateRange {
  const today = localEpochDay(zone, now);
  const monday = today - ((weekdayIndex(today) + 6) % 7);
  return { from: fromEpochDay(monday), to: fromEpochDay(monday + 6) };
}

/** The date it is at `now` in `zone`. @example today(Date.UTC(2026, 0, 1, 23), berlin) // '2026-01-02' */
export function today(now: Instant, zone: Zone): LocalDate {
  return fromEpochDay(localEpochDay(zone, now));
}

/** Epoch days of the next `count` working days whose shift has not ended at `now` (so today counts until its shift ends, and a night shift that began yesterday counts while it runs). */
export function nextWorkingEpochDays(now: Instant, hours: WorkingHours | ShiftCalendar, zone: Zone, count: number): number[] {
  const calendar = hours instanceof ShiftCalendar ? hours : new ShiftCalendar(compileWorkingHours(hours), zone);
  if (!calendar.hours.days.some(Boolean) || count <= 0) return [];
  const out: number[] = [];
  // A year of days is more than enough to find `count` working days when any weekday works.
  for (let d = localEpochDay(zone, now) - 1, stop = d + 7 * Math.ceil(count + 1); d <= stop && out.length < count; d += 1) {
    const shift = calendar.shift(d);
    if (shift && shift.end > now) out.push(d);
  }
  return out;
}

/**
 * The next `count` working days as dates, starting today while today's shift has not ended.
 * @example nextWorkingDays(Date.UTC(2026, 2, 6, 18), { daysOfWeek: ['monday', …, 'friday'], startTime: '09:00', endTime: '17:00', … }, berlin, 2)
 * // ['2026-03-09', '2026-03-10'] (Friday's hours are over at 19:00)
 */
export function nextWorkingDays(now: Instant, hours: WorkingHours, zone: Zone, count: number): LocalDate[] {
  return nextWorkingEpochDays(now, hours, zone, count).map(fromEpochDay);
}
