/** Durations and sentences for explanations (English; the tab shows them as given). */
import { MINUTE_MS } from '../time/local-date';

/** @example formatDuration(150 * 60_000) // '2 h 30 min' */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / MINUTE_MS));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "yesterday" when the day before, otherwise "on Friday". */
export function whenBefore(weekdayIndex: number, daysBefore: number): string {
  return daysBefore === 1 ? 'yesterday' : `on ${WEEKDAY_NAMES[weekdayIndex] ?? 'the last working day'}`;
}
