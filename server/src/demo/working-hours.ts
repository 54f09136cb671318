import type { DemoPerson } from './org';
import { addDays, localDateAt, wallClockInstant, weekdayOf } from './time-zones';

const MINUTE = 60_000;
const DAY = 86_400_000;

function minutesOf(time: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
}

/** Length of the working day; an end before the start crosses midnight (night shifts). */
export function workingDayMinutes(person: Pick<DemoPerson, 'startTime' | 'endTime'>): number {
  const key = `${person.startTime}-${person.endTime}`;
  let cached = lengths.get(key);
  if (cached === undefined) {
    cached = computeLength(person);
    lengths.set(key, cached);
  }
  return cached;
}

const lengths = new Map<string, number>();

function computeLength(person: Pick<DemoPerson, 'startTime' | 'endTime'>): number {
  const length = (minutesOf(person.endTime) - minutesOf(person.startTime) + 1440) % 1440;
  return length === 0 ? 1440 : length;
}

/** `[start, end)` of the working day that starts on `date` (the person's wall clock), if it is one. */
export function workingDay(person: DemoPerson, date: string): [number, number] | undefined {
  if (!person.workingDays.includes(weekdayOf(date))) return undefined;
  const start = wallClockInstant(person.zone, date, person.startTime);
  return [start, start + workingDayMinutes(person) * MINUTE];
}

/** The working days around `instant` (the day before, of, and after, on the person's wall clock). */
export function workingDaysAround(person: DemoPerson, instant: number): Array<[number, number]> {
  const date = localDateAt(person.zone, instant);
  const days: Array<[number, number]> = [];
  for (const d of [-1, 0, 1]) {
    const day = workingDay(person, addDays(date, d));
    if (day) days.push(day);
  }
  return days;
}

export function isWorkingTime(person: DemoPerson, instant: number): boolean {
  return workingDaysAround(person, instant).some(([s, e]) => instant >= s && instant < e);
}

/** Minutes of `[start, end)` that fall outside the person's working hours. */
export function minutesOutsideWorkingHours(person: DemoPerson, start: number, end: number): number {
  const days = [...workingDaysAround(person, start), ...workingDaysAround(person, end - 1)];
  let inside = 0;
  const seen = new Set<number>();
  for (const [s, e] of days) {
    if (seen.has(s)) continue;
    seen.add(s);
    inside += Math.max(0, Math.min(e, end) - Math.max(s, start));
  }
  return Math.max(0, Math.round((end - start - inside) / MINUTE));
}

export { DAY, MINUTE };
