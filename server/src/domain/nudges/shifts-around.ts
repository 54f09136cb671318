/** The working shifts a nudge decision looks at: from the day before `now` to a week after it. */
import type { Instant, Interval, WorkingHours } from '../types';
import { ShiftCalendar, compileWorkingHours } from '../time/working-hours';
import { localEpochDay, type Zone } from '../time/zone';

/** @example shiftsAround(monToFri9to5, berlin, t('Wed 10:00')) // Tue's shift … next Thu's shift, in order */
export function shiftsAround(workingHours: WorkingHours, zone: Zone, now: Instant): Interval[] {
  const calendar = new ShiftCalendar(compileWorkingHours(workingHours), zone);
  const today = localEpochDay(zone, now);
  const shifts: Interval[] = [];
  for (let day = today - 1; day <= today + 8; day += 1) {
    const shift = calendar.shift(day);
    if (shift) shifts.push(shift);
  }
  return shifts;
}
