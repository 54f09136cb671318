/**
 * A person's connect / disconnect balance per day and in total (design §2, "Balance").
 */
import type { CalendarEvent, Interval, PresenceInterval, Person, Preferences } from '../types';
import type { CalendarReading, PreparedCalendar } from '../calendar/read-calendar';
import { prepareCalendar } from '../calendar/read-calendar';
import { STREAK_JOIN_GAP_MS, longestRunMs } from '../calendar/meeting-runs';
import { intersectIntervals, msInside, msInsideAll, subtractIntervals, unionIntervals } from '../time/interval';
import type { DateRange } from '../time/local-date';
import { DAYS_OF_WEEK, MINUTE_MS, fromEpochDay, toEpochDay, weekdayIndex } from '../time/local-date';
import type { DayFrame } from '../time/day-frames';
import { dayFrames } from '../time/day-frames';
import { ShiftCalendar, compileWorkingHours } from '../time/working-hours';
import type { Zone } from '../time/zone';
import type { Balance, BalanceDay, BalanceTotals } from './balance-types';
import { readPresence } from './read-presence';

export interface BalanceInput {
  person: Person;
  /** Events overlapping the range (events straddling its edges are clipped to it). */
  events: readonly CalendarEvent[];
  /** The presence timeline; `undefined` or empty means calendar only. */
  presence?: readonly PresenceInterval[];
  /** Blocks the store recorded as booked, counted as protected even if their events are missing. */
  blocks?: readonly Interval[];
  preferences: Pick<Preferences, 'dailyDisconnectTargetMinutes'>;
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

function balanceDay(frame: DayFrame, calendar: CalendarReading, connected: readonly Interval[], honoured: readonly Interval[], targetMinutes: number): BalanceDay {
  const { shift, span } = frame;
  const workingMinutes = shift ? minutes(shift.end - shift.start) : 0;
  const connectedMinutes = shift ? Math.min(workingMinutes, minutes(msInside(connected, shift))) : 0;
  const disconnectedMinutes = workingMinutes - connectedMinutes;
  const outOfOffice = isOutOfOffice(frame, calendar);
  const target = shift && !outOfOffice ? targetMinutes : 0;
  return {
    date: fromEpochDay(frame.epochDay),
    dayOfWeek: DAYS_OF_WEEK[weekdayIndex(frame.epochDay)] as BalanceDay['dayOfWeek'],
    isWorkingDay: shift !== null,
    outOfOffice,
    workingMinutes,
    connectedMinutes,
    disconnectedMinutes,
    afterHoursConnectedMinutes: minutes(msInsideAll(connected, frame.afterHours)),
    meetingMinutes: minutes(msInsideAll(calendar.meetings, span)),
    protectedMinutes: minutes(msInsideAll(calendar.protected, span)),
    honouredMinutes: minutes(msInsideAll(honoured, span)),
    longestMeetingStreakMinutes: minutes(longestRunMs(calendar.meetings, span, STREAK_JOIN_GAP_MS)),
    targetMinutes: target,
    targetMet: disconnectedMinutes >= target,
    balanceRatio: ratio(disconnectedMinutes, workingMinutes),
  };
}

/** Sum a list of days into totals. */
export function totalBalance(days: readonly BalanceDay[]): BalanceTotals {
  const t: BalanceTotals = {
    days: days.length, workingDays: 0, workingMinutes: 0, connectedMinutes: 0, disconnectedMinutes: 0, afterHoursConnectedMinutes: 0,
    meetingMinutes: 0, protectedMinutes: 0, honouredMinutes: 0, longestMeetingStreakMinutes: 0, targetMinutes: 0, targetDays: 0, targetDaysMet: 0, balanceRatio: null,
  };
  for (const d of days) {
    if (d.isWorkingDay) t.workingDays += 1;
    t.workingMinutes += d.workingMinutes;
    t.connectedMinutes += d.connectedMinutes;
    t.disconnectedMinutes += d.disconnectedMinutes;
    t.afterHoursConnectedMinutes += d.afterHoursConnectedMinutes;
    t.meetingMinutes += d.meetingMinutes;
    t.protectedMinutes += d.protectedMinutes;
    t.honouredMinutes += d.honouredMinutes;
    t.longestMeetingStreakMinutes = Math.max(t.longestMeetingStreakMinutes, d.longestMeetingStreakMinutes);
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
 * Within the shift, time is *connected* (a meeting, or online per the presence timeline) or
 * *disconnected*; outside it, connected time is *after-hours*. Declined and cancelled events do not
 * count, `free` events are not meetings, tentative ones are, and Unplug blocks are protected time,
 * not meetings. Without a presence timeline (`presence` undefined or empty) the figures rest on the
 * calendar alone and `sources.presence` is false.
 *
 * @example
 * computeBalance({ person, events, preferences: { dailyDisconnectTargetMinutes: 90 }, range: { from: '2026-03-02', to: '2026-03-08' } })
 * // { days: [{ date: '2026-03-02', workingMinutes: 480, connectedMinutes: 150, disconnectedMinutes: 330, … }, …], totals: {…}, sources: { calendar: true, presence: false }, … }
 */
export function computeBalance(input: BalanceInput): Balance {
  const { zone, zoneProblem, reading: calendar } = input.prepared ?? prepareCalendar(input.person, input.events, input.blocks, input.zone);
  const presence = input.presence && input.presence.length > 0 ? readPresence(input.presence, calendar.protected) : null;
  const connected = presence ? unionIntervals(calendar.meetings, presence.connected) : calendar.meetings;
  const honoured = presence ? subtractIntervals(intersectIntervals(calendar.protected, presence.away), connected) : [];
  const frames = dayFrames(new ShiftCalendar(compileWorkingHours(input.person.workingHours), zone), toEpochDay(input.range.from), toEpochDay(input.range.to));
  const target = Math.max(0, input.preferences.dailyDisconnectTargetMinutes);
  const days = frames.map((frame) => balanceDay(frame, calendar, connected, honoured, target));
  return {
    range: { from: input.range.from, to: input.range.to },
    days,
    totals: totalBalance(days),
    sources: { calendar: true, presence: presence !== null },
    timeZone: { name: zone.name, problem: zoneProblem },
  };
}
