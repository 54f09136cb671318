/**
 * A person's connect / disconnect balance per day and in total (design §2, "Balance").
 */
import type { CalendarEvent, Instant, Interval, PresenceInterval, Person, Preferences } from '../types';
import type { CalendarReading, PreparedCalendar } from '../calendar/read-calendar';
import { prepareCalendar } from '../calendar/read-calendar';
import { STREAK_JOIN_GAP_MS, longestRunMs } from '../calendar/meeting-runs';
import { clipIntervals, intersectIntervals, mergeIntervals, msInside, msInsideAll, subtractIntervals, unionIntervals } from '../time/interval';
import type { DateRange } from '../time/local-date';
import { DAYS_OF_WEEK, MINUTE_MS, fromEpochDay, toEpochDay, weekdayIndex } from '../time/local-date';
import type { DayFrame } from '../time/day-frames';
import { dayFrames } from '../time/day-frames';
import { ShiftCalendar, compileWorkingHours } from '../time/working-hours';
import type { Zone } from '../time/zone';
import type { Balance, BalanceDay, BalanceDayState, BalanceTotals } from './balance-types';
import { readPresence } from './read-presence';

export interface BalanceInput {
  person: Person;
  /** Events overlapping the range (events straddling its edges are clipped to it). */
  events: readonly CalendarEvent[];
  /** The presence timeline; `undefined` or empty means calendar only. */
  presence?: readonly PresenceInterval[];
  /** Blocks the store recorded as booked, counted as protected even if their events are missing. */
  blocks?: readonly Interval[];
  preferences: Pick<Preferences, 'dailyDisconnectTargetMinutes' | 'minBlockMinutes'>;
  /** What has happened: days before it are measured, the day holding it counts up to it, later days are planned. */
  now: Instant;
  /** Quiet windows the person turned on (see `windowsTurnedOn`): connected time inside them is counted apart. */
  quietWindows?: readonly Interval[];
  /** Inclusive dates in the person's zone. */
  range: DateRange;
  /** A zone already resolved for `person.workingHours.timeZone` (skips resolving it again). */
  zone?: Zone;
  /** The zone and calendar already read by `prepareCalendar` (then `events`, `blocks` and `zone` are not read again). */
  prepared?: PreparedCalendar;
}

const minutes = (ms: number): number => Math.round(ms / MINUTE_MS);
const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

function isOutOfOffice(frame: DayFrame, calendar: CalendarReading): boolean {
  if (calendar.outOfOfficeDays.has(frame.epochDay)) return true;
  const { shift } = frame;
  return shift !== null && msInside(calendar.timedOutOfOffice, shift) >= shift.end - shift.start;
}

/** Whether a frame's day is over, running or to come at `now` (by its span, so a night shift past midnight is still running). */
export function dayState(frame: Pick<DayFrame, 'span' | 'dayStart' | 'dayEnd'>, now: Instant): BalanceDayState {
  const first = frame.span[0];
  const last = frame.span[frame.span.length - 1];
  const start = first ? first.start : frame.dayStart;
  const end = last ? last.end : frame.dayEnd;
  if (end <= now) return 'measured';
  return start > now ? 'planned' : 'in-progress';
}

/** A frame cut at `now`: only its elapsed part. */
function elapsed(frame: DayFrame, now: Instant): DayFrame {
  const upTo = { start: -Infinity, end: now };
  const { shift } = frame;
  return {
    ...frame,
    shift: shift && shift.start < now ? { start: shift.start, end: Math.min(shift.end, now) } : null,
    span: clipIntervals(frame.span, upTo),
    afterHours: clipIntervals(frame.afterHours, upTo),
  };
}

/** Free working time split into stretches long enough to count as disconnected, and the broken-up rest. */
function freeTime(shift: Interval, connected: readonly Interval[], minStretchMs: number): { disconnectedMs: number; fragmentedMs: number } {
  let disconnectedMs = 0;
  let fragmentedMs = 0;
  for (const stretch of subtractIntervals([shift], clipIntervals(connected, shift))) {
    const length = stretch.end - stretch.start;
    if (length >= minStretchMs) disconnectedMs += length;
    else fragmentedMs += length;
  }
  return { disconnectedMs, fragmentedMs };
}

interface DayInputs {
  calendar: CalendarReading;
  /** Normalised: connected time inside quiet windows that are on. */
  quietConnected: readonly Interval[];
  connected: readonly Interval[];
  honoured: readonly Interval[];
  targetMinutes: number;
  minStretchMs: number;
}

function balanceDay(fullFrame: DayFrame, state: BalanceDayState, now: Instant, { calendar, connected, quietConnected, honoured, targetMinutes, minStretchMs }: DayInputs): BalanceDay {
  const frame = state === 'in-progress' ? elapsed(fullFrame, now) : fullFrame;
  const { shift, span } = frame;
  const workingMinutes = shift ? minutes(shift.end - shift.start) : 0;
  const connectedMinutes = shift ? Math.min(workingMinutes, minutes(msInside(connected, shift))) : 0;
  const free = shift ? freeTime(shift, connected, minStretchMs) : { disconnectedMs: 0, fragmentedMs: 0 };
  const disconnectedMinutes = Math.min(workingMinutes - connectedMinutes, minutes(free.disconnectedMs));
  const fragmentedMinutes = workingMinutes - connectedMinutes - disconnectedMinutes;
  const outOfOffice = isOutOfOffice(fullFrame, calendar);
  const target = fullFrame.shift && !outOfOffice ? targetMinutes : 0;
  return {
    date: fromEpochDay(frame.epochDay),
    state,
    dayOfWeek: DAYS_OF_WEEK[weekdayIndex(frame.epochDay)] as BalanceDay['dayOfWeek'],
    isWorkingDay: fullFrame.shift !== null,
    outOfOffice,
    workingMinutes,
    connectedMinutes,
    disconnectedMinutes,
    fragmentedMinutes,
    afterHoursConnectedMinutes: minutes(msInsideAll(connected, frame.afterHours)),
    quietTimeConnectedMinutes: minutes(msInsideAll(quietConnected, span)),
    meetingMinutes: minutes(msInsideAll(calendar.meetings, span)),
    protectedMinutes: minutes(msInsideAll(calendar.protected, span)),
    honouredMinutes: minutes(msInsideAll(honoured, span)),
    longestMeetingStreakMinutes: minutes(longestRunMs(calendar.meetings, span, STREAK_JOIN_GAP_MS)),
    targetMinutes: target,
    targetMet: disconnectedMinutes >= target,
    balanceRatio: ratio(disconnectedMinutes, workingMinutes),
  };
}

/**
 * Sum what has happened into totals: measured days and the elapsed part of the day in progress;
 * planned days are left out, and a day in progress is a target day only once its target is met.
 */
export function totalBalance(days: readonly BalanceDay[]): BalanceTotals {
  const t: BalanceTotals = {
    days: 0, workingDays: 0, workingMinutes: 0, connectedMinutes: 0, disconnectedMinutes: 0, fragmentedMinutes: 0, afterHoursConnectedMinutes: 0, quietTimeConnectedMinutes: 0,
    meetingMinutes: 0, protectedMinutes: 0, honouredMinutes: 0, longestMeetingStreakMinutes: 0, targetMinutes: 0, targetDays: 0, targetDaysMet: 0, balanceRatio: null,
  };
  for (const d of days) {
    if (d.state === 'planned') continue;
    t.days += 1;
    if (d.isWorkingDay) t.workingDays += 1;
    t.workingMinutes += d.workingMinutes;
    t.connectedMinutes += d.connectedMinutes;
    t.disconnectedMinutes += d.disconnectedMinutes;
    t.fragmentedMinutes += d.fragmentedMinutes;
    t.afterHoursConnectedMinutes += d.afterHoursConnectedMinutes;
    t.quietTimeConnectedMinutes += d.quietTimeConnectedMinutes;
    t.meetingMinutes += d.meetingMinutes;
    t.protectedMinutes += d.protectedMinutes;
    t.honouredMinutes += d.honouredMinutes;
    t.longestMeetingStreakMinutes = Math.max(t.longestMeetingStreakMinutes, d.longestMeetingStreakMinutes);
    if (d.state === 'in-progress' && !d.targetMet) continue;
    t.targetMinutes += d.targetMinutes;
    if (d.targetMinutes > 0) {
      t.targetDays += 1;
      if (d.targetMet) t.targetDaysMet += 1;
    }
  }
  t.balanceRatio = ratio(t.disconnectedMinutes, t.workingMinutes);
  return t;
}

/**
 * Compute a person's balance for each date of a range in their zone, and the totals.
 *
 * Every instant belongs to one day (see `dayFrames`): a night shift counts on the day it starts.
 * Within the shift, time is *connected* (a meeting, or online per the presence timeline),
 * *disconnected* (an uninterrupted stretch of at least `minBlockMinutes` that is neither), or
 * *fragmented* (shorter free stretches between them); outside it, connected time is *after-hours*.
 * Each day carries its `state` at `now`: the totals count only measured days and the elapsed part
 * of the day in progress; planned days show what the calendar holds so far, as a forecast. Declined and cancelled events do not
 * count, `free` events are not meetings, tentative ones are, and Unplug blocks are protected time,
 * not meetings. Without a presence timeline (`presence` undefined or empty) the figures rest on the
 * calendar alone and `sources.presence` is false.
 *
 * @example
 * computeBalance({ person, events, preferences: { dailyDisconnectTargetMinutes: 90, minBlockMinutes: 30 }, range: { from: '2026-03-02', to: '2026-03-08' }, now })
 * // { days: [{ date: '2026-03-02', state: 'measured', workingMinutes: 480, connectedMinutes: 150, disconnectedMinutes: 320, fragmentedMinutes: 10, … }, …], totals: {…}, sources: { calendar: true, presence: false }, … }
 */
export function computeBalance(input: BalanceInput): Balance {
  const { zone, zoneProblem, reading: calendar } = input.prepared ?? prepareCalendar(input.person, input.events, input.blocks, input.zone);
  const presence = input.presence && input.presence.length > 0 ? readPresence(input.presence, calendar.protected) : null;
  const connected = presence ? unionIntervals(calendar.meetings, presence.connected) : calendar.meetings;
  const honoured = presence ? subtractIntervals(intersectIntervals(calendar.protected, presence.away), connected) : [];
  const frames = dayFrames(new ShiftCalendar(compileWorkingHours(input.person.workingHours), zone), toEpochDay(input.range.from), toEpochDay(input.range.to));
  const inputs: DayInputs = {
    calendar, connected, honoured,
    quietConnected: input.quietWindows && input.quietWindows.length > 0 ? intersectIntervals(connected, mergeIntervals(input.quietWindows)) : [],
    targetMinutes: Math.max(0, input.preferences.dailyDisconnectTargetMinutes),
    minStretchMs: Math.max(1, input.preferences.minBlockMinutes) * MINUTE_MS,
  };
  const days = frames.map((frame) => balanceDay(frame, dayState(frame, input.now), input.now, inputs));
  return {
    range: { from: input.range.from, to: input.range.to },
    minStretchMinutes: inputs.minStretchMs / MINUTE_MS,
    days,
    totals: totalBalance(days),
    sources: { calendar: true, presence: presence !== null },
    timeZone: { name: zone.name, problem: zoneProblem },
  };
}
