/**
 * The suggestion engine (design §2, "Suggestions"): disconnect blocks until the daily target is
 * met, recovery after a heavy day, and quiet-time windows, plus warnings for meetings already in
 * quiet time. Pure and deterministic: the same inputs give the same suggestions with the same ids.
 */
import type { CalendarEvent, Instant, Interval, Person, Preferences, QuietTimePreferences } from '../types';
import type { ZoneUsed } from '../balance/balance-types';
import type { CalendarReading, PreparedCalendar } from '../calendar/read-calendar';
import { prepareCalendar } from '../calendar/read-calendar';
import { longestRunMs } from '../calendar/meeting-runs';
import type { DayFrame } from '../time/day-frames';
import { dayFrame } from '../time/day-frames';
import { clipIntervals, expandIntervals, msInside, msInsideAll, mergeIntervals, subtractIntervals, unionIntervals } from '../time/interval';
import { DAY_MS, HOUR_MS, MINUTE_MS, fromEpochDay, timeOfDayMs, weekdayIndex } from '../time/local-date';
import { ShiftCalendar, compileWorkingHours } from '../time/working-hours';
import { nextWorkingEpochDays } from '../time/week';
import type { Zone } from '../time/zone';
import { localEpochDay, localMsToInstant } from '../time/zone';
import { formatDuration, whenBefore } from './explain';
import type { Candidate, PlacementContext } from './place-block';
import { QUARTER_HOUR_MS, candidatesIn, compareCandidates } from './place-block';
import { isNightShift, quietTimeWarningsFor, quietWindowsForDays } from './quiet-time';
import { stableIds } from './stable-id';
import type { QuietTimeWarning, Suggestion, SuggestionKind, SuggestionReason } from './suggestion-types';
import { isTurnedOn, windowsTurnedOn, type QuietChoice, type QuietWindowOn } from './quiet-choices';

/** After this much meeting time outside working hours, the next working day gets a recovery suggestion. */
export const RECOVERY_AFTER_HOURS_MS = 60 * MINUTE_MS;
/** After a run of meetings this long, the next working day gets a recovery suggestion. */
export const RECOVERY_STREAK_MS = 180 * MINUTE_MS;
/** A bound on disconnect blocks a day (a target of 4 h in 15-minute blocks needs 16). */
export const MAX_BLOCKS_PER_DAY = 24;
/** The most working days planned at once (a larger `days` is treated as this). */
export const MAX_PLANNED_DAYS = 31;
/** Blocks (booked or suggested) are kept at least this far apart, so two never make one over-long block. */
export const MIN_BLOCK_SEPARATION_MS = 15 * MINUTE_MS;

export interface SuggestInput {
  person: Person;
  /** Events from the start of the last working day before today through the last day suggested for, plus evenings. */
  events: readonly CalendarEvent[];
  preferences: Preferences;
  quietTime: QuietTimePreferences;
  now: Instant;
  /** How many working days to plan, starting today while today's working hours last (0–31). */
  days: number;
  /** Suggestions the person dismissed: never offered again (the engine looks for another slot). */
  dismissedIds?: Iterable<string>;
  /** Blocks the store recorded as booked, in case their events are not (yet) in `events`. */
  blocks?: readonly Interval[];
  /** A zone already resolved for `person.workingHours.timeZone`. */
  zone?: Zone;
  /** The zone and calendar already read by `prepareCalendar` (then `events`, `blocks` and `zone` are not read again). */
  prepared?: PreparedCalendar;
  /** The quiet windows the person turned on (none when absent): they are not suggested again, and only they raise warnings. */
  quietChoices?: readonly QuietChoice[];
}

export interface SuggestResult {
  /** Ordered by start. */
  suggestions: Suggestion[];
  /** Meetings inside quiet windows that are on, from `now` to the end of the planned days (only when quiet time is enabled). */
  warnings: QuietTimeWarning[];
  /** The quiet windows that are on, from `now` to the end of the planned days (only when quiet time is enabled). */
  quietWindowsOn: QuietWindowOn[];
  timeZone: ZoneUsed;
}

interface Plan {
  person: Person;
  /** Ids for this person: `idFor(kind, start, end)`. */
  idFor: (kind: SuggestionKind, start: Instant, end: Instant) => string;
  /** Lunch as ms after local midnight, or `null`. */
  lunch: { startMs: number; endMs: number } | null;
  zone: Zone;
  now: Instant;
  prefs: { minBlockMs: number; maxBlockMs: number; bufferMs: number; targetMs: number; separationMs: number };
  preferences: Preferences;
  calendar: CalendarReading;
  /** Normalised: time no block may touch (blocking events with buffers, booked blocks with separation). */
  unavailable: Interval[];
  dismissed: ReadonlySet<string>;
  quietBufferMs: number;
  out: Suggestion[];
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const roundUpToQuarter = (ms: number): number => Math.ceil(ms / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;

function makeSuggestion(plan: Plan, kind: SuggestionKind, c: Interval & { gap: Interval }, reason: SuggestionReason, explanation: string, id = plan.idFor(kind, c.start, c.end)): Suggestion {
  return {
    id,
    kind,
    date: fromEpochDay(localEpochDay(plan.zone, c.start)),
    start: c.start,
    end: c.end,
    durationMinutes: Math.round((c.end - c.start) / MINUTE_MS),
    reason,
    explanation,
    gap: { start: Math.max(c.gap.start, plan.now), end: c.gap.end },
  };
}

/** The day's free time for blocks: its shift, minus unavailable time, lunch and the past. */
function freeTime(plan: Plan, frame: DayFrame, taken: readonly Interval[]): Interval[] {
  const shift = frame.shift as Interval;
  const window = { start: Math.max(shift.start, plan.now), end: shift.end };
  if (window.end <= window.start) return [];
  let blocked = clipIntervals(plan.unavailable, window);
  const { lunch } = plan;
  if (lunch) {
    const lunches: Interval[] = [];
    for (let d = frame.epochDay; d <= frame.epochDay + 1; d += 1) {
      lunches.push({ start: localMsToInstant(plan.zone, d * DAY_MS + lunch.startMs), end: localMsToInstant(plan.zone, d * DAY_MS + lunch.endMs) });
    }
    blocked = unionIntervals(blocked, mergeIntervals(lunches));
  }
  if (taken.length > 0) blocked = unionIntervals(blocked, mergeIntervals(taken));
  return subtractIntervals([window], blocked);
}

function placementContext(plan: Plan, frame: DayFrame, preferred: Preferences['preferredTimeOfDay']): PlacementContext {
  return {
    zone: plan.zone,
    now: plan.now,
    minBlockMs: plan.prefs.minBlockMs,
    preferredTimeOfDay: preferred,
    noon: localMsToInstant(plan.zone, frame.epochDay * DAY_MS + 12 * HOUR_MS),
    meetings: plan.calendar.meetings,
    followWithinMs: plan.prefs.bufferMs + QUARTER_HOUR_MS,
  };
}

/** The best candidate whose id was not dismissed, with its id. */
function bestCandidate(plan: Plan, kind: SuggestionKind, candidates: Candidate[]): { c: Candidate; id: string } | null {
  if (plan.dismissed.size === 0) {
    // Nothing dismissed: one pass for the best, no sort.
    let best: Candidate | undefined;
    for (const c of candidates) if (!best || compareCandidates(c, best) < 0) best = c;
    return best ? { c: best, id: plan.idFor(kind, best.start, best.end) } : null;
  }
  candidates.sort(compareCandidates);
  for (const c of candidates) {
    const id = plan.idFor(kind, c.start, c.end);
    if (!plan.dismissed.has(id)) return { c, id };
  }
  return null;
}

function takenAround(plan: Plan, s: Interval): Interval {
  return { start: s.start - plan.prefs.separationMs, end: s.end + plan.prefs.separationMs };
}

/** Recovery the morning after a heavy day: a later start if the morning is free, otherwise an extra break. */
function planRecovery(plan: Plan, frame: DayFrame, before: readonly DayFrame[], free: readonly Interval[]): Suggestion | null {
  let afterHoursMs = 0;
  let streakMs = 0;
  let lastEvening: DayFrame | undefined;
  let longestDay: DayFrame | undefined;
  for (const f of before) {
    const evening = msInsideAll(plan.calendar.meetings, f.afterHours);
    if (evening > 0) lastEvening = f;
    afterHoursMs += evening;
    const streak = longestRunMs(plan.calendar.meetings, f.span);
    if (streak > streakMs) {
      streakMs = streak;
      longestDay = f;
    }
  }
  const heavyEvening = afterHoursMs >= RECOVERY_AFTER_HOURS_MS;
  if (!heavyEvening && streakMs < RECOVERY_STREAK_MS) return null;
  const heavyDay = (heavyEvening ? lastEvening : longestDay) as DayFrame;
  const when = whenBefore(weekdayIndex(heavyDay.epochDay), frame.epochDay - heavyDay.epochDay);
  const reason: SuggestionReason = heavyEvening ? 'after-hours-meetings' : 'long-meeting-streak';
  const cause = heavyEvening ? `${formatDuration(afterHoursMs)} of meetings outside your working hours ${when}` : `${formatDuration(streakMs)} of back-to-back meetings ${when}`;
  const desired = clamp(heavyEvening ? roundUpToQuarter(afterHoursMs) : HOUR_MS, plan.prefs.minBlockMs, plan.prefs.maxBlockMs);
  const shift = frame.shift as Interval;
  const morning = free[0];
  if (heavyEvening && morning && morning.start === shift.start && shift.start >= plan.now) {
    const later = { start: shift.start, end: Math.min(shift.start + desired, morning.end), gap: morning };
    const id = plan.idFor('recovery', later.start, later.end);
    if (later.end - later.start >= plan.prefs.minBlockMs && !plan.dismissed.has(id)) {
      return makeSuggestion(plan, 'recovery', later, reason, `After ${cause}, start ${formatDuration(later.end - later.start)} later.`, id);
    }
  }
  const best = bestCandidate(plan, 'recovery', candidatesIn(free, desired, placementContext(plan, frame, 'morning')));
  return best ? makeSuggestion(plan, 'recovery', best.c, reason, `After ${cause}, take ${formatDuration(best.c.end - best.c.start)} to recover.`, best.id) : null;
}

function explainBlock(c: Candidate, preferences: Preferences, targetMs: number, remainingMs: number): string {
  const length = formatDuration(c.end - c.start);
  const target = formatDuration(targetMs);
  switch (c.reason) {
    case 'after-meeting-streak': return `After ${formatDuration(c.followsRunMs)} of back-to-back meetings, take ${length} offline.`;
    case 'preferred-time-of-day': return `${length} offline in your preferred ${preferences.preferredTimeOfDay}, toward your ${target} daily disconnect target.`;
    default: return remainingMs >= targetMs
      ? `${length} of free time for your ${target} daily disconnect target.`
      : `${length} of free time for the ${formatDuration(remainingMs)} still missing from your ${target} daily disconnect target.`;
  }
}

function planDisconnectBlocks(plan: Plan, frame: DayFrame, dayFree: Interval[], taken: Interval[], alreadyMs: number): void {
  let free = dayFree;
  const shift = frame.shift as Interval;
  let remainingMs = plan.prefs.targetMs - msInside(plan.calendar.protected, shift) - alreadyMs;
  const ctx = placementContext(plan, frame, plan.preferences.preferredTimeOfDay);
  for (let n = 0; n < MAX_BLOCKS_PER_DAY && remainingMs > 0; n += 1) {
    const desired = clamp(remainingMs, plan.prefs.minBlockMs, plan.prefs.maxBlockMs);
    const best = bestCandidate(plan, 'disconnect-block', candidatesIn(free, desired, ctx));
    if (!best) return;
    const { c } = best;
    plan.out.push(makeSuggestion(plan, 'disconnect-block', c, c.reason, explainBlock(c, plan.preferences, plan.prefs.targetMs, remainingMs), best.id));
    const around = takenAround(plan, c);
    taken.push(around);
    free = subtractIntervals(free, [around]);
    remainingMs -= c.end - c.start;
  }
}

/**
 * Quiet time is a window, not a calendar block: the whole window is suggested, meetings inside it
 * are warnings (never cuts), and accepting it turns the window on instead of booking an event.
 */
/** Whether a window touches a day of all-day out-of-office (leave needs no quiet time suggested). */
function onLeave(plan: Plan, w: Interval): boolean {
  for (let d = localEpochDay(plan.zone, w.start), last = localEpochDay(plan.zone, w.end - 1); d <= last; d += 1) {
    if (plan.calendar.outOfOfficeDays.has(d)) return true;
  }
  return false;
}

function planQuietTime(plan: Plan, windows: ReturnType<typeof quietWindowsForDays>, horizonEnd: Instant, nightShift: boolean): void {
  for (const w of windows) {
    if (w.start < plan.now || w.start >= horizonEnd) continue;
    if (w.end - w.start < plan.prefs.minBlockMs || onLeave(plan, w)) continue;
    const after = plan.quietBufferMs > 0 ? `${formatDuration(plan.quietBufferMs)} after` : 'from the end of';
    const explanation = nightShift
      ? w.kind === 'weekend'
        ? `Your days off: rest ${after} your last shift until your next shift starts.`
        : `Off-shift rest, ${after} your shift until the next one starts.`
      : w.kind === 'weekend'
        ? 'Your days off, offline from the end of your last working day until you start again.'
        : `An evening offline, ${plan.quietBufferMs > 0 ? `from ${formatDuration(plan.quietBufferMs)} after work` : 'from the end of your working day'} until you start again.`;
    const id = plan.idFor('quiet-time', w.start, w.end);
    if (!plan.dismissed.has(id)) plan.out.push(makeSuggestion(plan, 'quiet-time', { start: w.start, end: w.end, gap: { start: w.start, end: w.end } }, w.kind, explanation, id));
  }
}

function planOf(input: SuggestInput, zone: Zone, calendar: CalendarReading): Plan {
  const p = input.preferences;
  const minBlockMs = Math.max(5, p.minBlockMinutes) * MINUTE_MS;
  const bufferMs = Math.max(0, p.bufferMinutes) * MINUTE_MS;
  const separationMs = Math.max(bufferMs, MIN_BLOCK_SEPARATION_MS);
  const unavailable = unionIntervals(
    unionIntervals(expandIntervals(calendar.timedBlocking, bufferMs), calendar.allDayBlocking),
    expandIntervals(calendar.protected, separationMs),
  );
  const lunchStart = p.lunch ? timeOfDayMs(p.lunch.start) : 0;
  const lunchEnd = p.lunch ? timeOfDayMs(p.lunch.end) : 0;
  const idFor = stableIds('sg_', [input.person.tenantId, input.person.userId]);
  return {
    person: input.person,
    idFor,
    lunch: lunchEnd > lunchStart ? { startMs: lunchStart, endMs: lunchEnd } : null,
    zone,
    now: input.now,
    prefs: { minBlockMs, maxBlockMs: Math.max(minBlockMs, p.maxBlockMinutes * MINUTE_MS), bufferMs, targetMs: Math.max(0, p.dailyDisconnectTargetMinutes) * MINUTE_MS, separationMs },
    preferences: p,
    calendar,
    unavailable,
    dismissed: new Set(input.dismissedIds ?? []),
    quietBufferMs: Math.max(0, input.quietTime.eveningBufferMinutes) * MINUTE_MS,
    out: [],
  };
}

/**
 * Suggest disconnect blocks, recovery and quiet time for the next `days` working days.
 *
 * Guarantees (property-tested): no suggestion overlaps a busy, tentative, out-of-office or unknown
 * event, a booked block, or another suggestion; blocks and recovery lie inside working hours and
 * outside lunch; nothing starts before `now`; nothing at all on a day with an all-day out-of-office
 * event; the same inputs give the same suggestions and ids. Disconnect blocks are picked until the
 * daily target is met, counting blocks already booked and recovery suggested that day.
 *
 * @example
 * suggest({ person, events, preferences: DEFAULT_PREFERENCES, quietTime: DEFAULT_QUIET_TIME, now: Date.UTC(2026, 2, 9, 7), days: 5 })
 * // { suggestions: [{ id: 'sg_…', kind: 'disconnect-block', reason: 'after-meeting-streak',
 * //     explanation: 'After 3 h of back-to-back meetings, take 1 h 30 min offline.', start, end, gap, … }, …], warnings: [], … }
 */
export function suggest(input: SuggestInput): SuggestResult {
  const { zone, zoneProblem, reading } = input.prepared ?? prepareCalendar(input.person, input.events, input.blocks, input.zone);
  const timeZone = { name: zone.name, problem: zoneProblem };
  const shifts = new ShiftCalendar(compileWorkingHours(input.person.workingHours), zone);
  const days = Number.isFinite(input.days) ? Math.min(MAX_PLANNED_DAYS, Math.max(0, Math.floor(input.days))) : 0;
  const workDays = nextWorkingEpochDays(input.now, shifts, zone, days);
  if (workDays.length === 0) return { suggestions: [], warnings: [], quietWindowsOn: [], timeZone };
  const plan = planOf(input, zone, reading);
  const first = workDays[0] as number;
  const last = workDays[workDays.length - 1] as number;
  const frames = new Map<number, DayFrame>();
  const frameOf = (d: number): DayFrame => {
    let frame = frames.get(d);
    if (!frame) {
      frame = dayFrame(shifts, d);
      frames.set(d, frame);
    }
    return frame;
  };
  const taken: Interval[] = [];
  for (const d of workDays) {
    const frame = frameOf(d);
    if (!frame.shift || plan.calendar.outOfOfficeDays.has(d)) continue;
    // The days since the last working day (yesterday, or Friday and the weekend) decide recovery.
    let previousWork = d - 1;
    while (previousWork > d - 7 && !shifts.shift(previousWork)) previousWork -= 1;
    const before: DayFrame[] = [];
    for (let b = previousWork; b < d; b += 1) before.push(frameOf(b));
    // Free time is worked out once a day, then narrowed as suggestions take from it.
    let free = freeTime(plan, frame, taken);
    const recovery = planRecovery(plan, frame, before, free);
    if (recovery) {
      plan.out.push(recovery);
      const around = takenAround(plan, recovery);
      taken.push(around);
      free = subtractIntervals(free, [around]);
    }
    planDisconnectBlocks(plan, frame, free, taken, recovery ? recovery.end - recovery.start : 0);
  }
  let warnings: QuietTimeWarning[] = [];
  let quietWindowsOn: QuietWindowOn[] = [];
  if (input.quietTime.enabled) {
    // Quiet time up to and including the evening after the last planned day.
    const horizonEnd = (shifts.shift(last) as Interval).end + Math.max(0, input.quietTime.eveningBufferMinutes) * MINUTE_MS + 1;
    // Three days either side is enough to see any evening or weekend around the planned days whole.
    const windows = quietWindowsForDays(shifts, input.quietTime, first, last + 1, 3);
    const nightShift = isNightShift(input.person.workingHours);
    quietWindowsOn = windowsTurnedOn(windows, input.quietChoices ?? []).filter((w) => w.end > input.now && w.start < horizonEnd);
    planQuietTime(plan, windows.filter((w) => !isTurnedOn(w, quietWindowsOn)), horizonEnd, nightShift);
    warnings = quietTimeWarningsFor(input.person, plan.calendar, quietWindowsOn, input.now, nightShift);
  }
  plan.out.sort((a, b) => a.start - b.start || a.end - b.end);
  return { suggestions: plan.out, warnings, quietWindowsOn, timeZone };
}
