/**
 * The words of each nudge (English, like the rest of the product's sentences): the activity
 * type's template values, the preview line under it, and where in the tab it leads.
 */
import type { LocalDate } from '../types';
import { formatDuration } from '../suggestions/explain';
import { dayOfWeek, MINUTE_MS } from '../time/local-date';
import { localDateOf, toLocalDateTime, type Zone } from '../time/zone';
import type { Nudge, NudgeCandidate, WeekFigures } from './nudge-types';

/** A day with at least this much connected time is a long day. */
export const LONG_DAY_MINUTES = 7 * 60;
/** After-hours connected time in a week worth a suggestion of its own. */
export const LONG_AFTER_HOURS_MINUTES = 2 * 60;
/** Teams shows the first 150 characters of a preview. */
export const MAX_PREVIEW_LENGTH = 150;
/** Weeks the weekly trend compares against. */
export const TREND_WEEKS = 4;

const minutes = (m: number) => formatDuration(m * MINUTE_MS);
const preview = (text: string) => (text.length <= MAX_PREVIEW_LENGTH ? text : `${text.slice(0, MAX_PREVIEW_LENGTH - 1)}…`);

function clock(instant: number, zone: Zone, today: LocalDate): string {
  const local = toLocalDateTime(instant, zone);
  const time = local.time.slice(0, 5);
  if (local.date === today) return time;
  const day = dayOfWeek(local.date);
  return `${day.charAt(0).toUpperCase()}${day.slice(1, 3)} ${time}`;
}

/**
 * @example composeStartingSoon({ kind: 'starting-soon', date: '2026-03-02', window: { start: <15:30>, end: <16:30>, kind: 'block' } }, berlin)
 * // { templateParameters: { what: 'Your disconnect block', time: '15:30' }, previewText: 'Your disconnect block runs 15:30–16:30. Time to wrap up and unplug.', target: 'suggestions', … }
 */
export function composeStartingSoon(c: Extract<NudgeCandidate, { kind: 'starting-soon' }>, zone: Zone): Nudge {
  const what = c.window.kind === 'block' ? 'Your disconnect block' : c.window.kind === 'weekend' ? 'Your weekend quiet time' : 'Your quiet time';
  const start = clock(c.window.start, zone, c.date);
  const end = clock(c.window.end, zone, localDateOf(c.window.start, zone));
  return {
    kind: 'starting-soon',
    date: c.date,
    templateParameters: { what, time: start },
    previewText: preview(`${what} runs ${start}–${end}. Time to wrap up and unplug.`),
    target: c.window.kind === 'block' ? 'suggestions' : 'quiet-time',
  };
}

/**
 * The long-day notice, or `undefined` when the day was not long (or nothing is known of it).
 * @example composeLongDay(candidate, 465, 90) // previewText: 'Connected 7 h 45 min today. Tomorrow, protect 1 h 30 min offline: open Unplug to pick the time.'
 */
export function composeLongDay(c: Extract<NudgeCandidate, { kind: 'long-day' }>, connectedMinutes: number | undefined, targetMinutes: number): Nudge | undefined {
  if (connectedMinutes === undefined || connectedMinutes < LONG_DAY_MINUTES) return undefined;
  const protect = targetMinutes > 0 ? minutes(targetMinutes) : 'a block of time';
  return {
    kind: 'long-day',
    date: c.date,
    templateParameters: { hours: minutes(connectedMinutes) },
    previewText: preview(`Connected ${minutes(connectedMinutes)} today. Tomorrow, protect ${protect} offline: open Unplug to pick the time.`),
    target: 'suggestions',
  };
}

const share = (w: WeekFigures) => w.disconnectedMinutes / w.workingMinutes;

/** The week's disconnected share against the average of the earlier weeks, in percentage points. */
export function weeklyTrend(week: WeekFigures, earlier: readonly WeekFigures[]): string {
  const compared = earlier.filter((w) => w.workingMinutes > 0).slice(0, TREND_WEEKS);
  if (compared.length === 0) return 'no earlier weeks to compare yet';
  const average = compared.reduce((sum, w) => sum + share(w), 0) / compared.length;
  const points = Math.round((share(week) - average) * 100);
  const span = compared.length === 1 ? 'the week before' : `the last ${compared.length} weeks`;
  if (Math.abs(points) < 2) return `steady on ${span}`;
  return `${points > 0 ? 'up' : 'down'} ${Math.abs(points)} points on ${span}`;
}

/** One thing to do next week, the most pressing first. */
export function weeklySuggestion(week: WeekFigures): string {
  if (week.targetDays > 0 && week.targetDaysMet < week.targetDays) return 'Next week, book your blocks on Monday, before meetings fill the days.';
  if (week.afterHoursConnectedMinutes >= LONG_AFTER_HOURS_MINUTES) return `Next week, keep evenings free: ${minutes(week.afterHoursConnectedMinutes)} was after hours.`;
  return 'Keep the habit: book next week\'s blocks now.';
}

/**
 * The weekly summary, or `undefined` without a measured week to summarise.
 * `earlier`: the weeks before, newest first (the first four count).
 */
export function composeWeeklySummary(c: Extract<NudgeCandidate, { kind: 'weekly-summary' }>, week: WeekFigures | undefined, earlier: readonly WeekFigures[]): Nudge | undefined {
  if (!week || week.workingMinutes <= 0) return undefined;
  const percent = `${Math.round(share(week) * 100)}%`;
  const trend = weeklyTrend(week, earlier);
  const target = week.targetDays > 0 ? `, target met ${week.targetDaysMet} of ${week.targetDays} days` : '';
  return {
    kind: 'weekly-summary',
    date: c.date,
    templateParameters: { share: percent, trend },
    previewText: preview(`${weeklySuggestion(week)} Offline ${minutes(week.disconnectedMinutes)} (${percent})${target}.`),
    target: 'balance',
  };
}
