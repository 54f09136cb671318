/**
 * What a person's calendar means for Unplug, computed once per call and shared by balance,
 * suggestions and quiet time.
 *
 * - An event *counts* unless it is cancelled or declined.
 * - A *meeting* is a counted, timed event shown as busy or tentative that is not an Unplug block.
 *   `free`, `oof` and `workingElsewhere` are not meetings, and all-day events are day markers
 *   (holidays, offsites, leave), never meeting time.
 * - *Protected* time is the counted Unplug blocks, whatever they show as, plus blocks the store
 *   knows were booked.
 * - *Blocking* time (never suggested over) is every counted busy, tentative, out-of-office or
 *   unknown event — all-day ones cover their whole local days — and all protected time.
 */
import type { CalendarEvent, Interval, Person, ShowAs } from '../types';
import { mergeIntervals, unionIntervals } from '../time/interval';
import { isLocalDate, toEpochDay } from '../time/local-date';
import { zoneOrUtc } from '../time/resolve-time-zone';
import type { Zone } from '../time/zone';
import { startOfEpochDay } from '../time/zone';

/** An event that counts, with its real interval (all-day dates resolved in the person's zone). */
export interface ResolvedEvent {
  event: CalendarEvent;
  start: number;
  end: number;
  allDay: boolean;
  /** For all-day events, the epoch days covered: `firstDay` up to, not including, `lastDay`. */
  firstDay: number;
  lastDay: number;
}

export interface CalendarReading {
  /** The meetings (see above) as events, by start. */
  meetingEvents: ResolvedEvent[];
  /** Normalised: timed busy/tentative events that are not Unplug blocks. */
  meetings: Interval[];
  /** Normalised: timed blocking events that are not Unplug blocks (buffers apply around these). */
  timedBlocking: Interval[];
  /** Normalised: all-day blocking events over their local days. */
  allDayBlocking: Interval[];
  /** Normalised: Unplug blocks and booked blocks. */
  protected: Interval[];
  /** Normalised: every blocking instant (the three lists above together). */
  blocking: Interval[];
  /** Normalised: timed out-of-office events. */
  timedOutOfOffice: Interval[];
  /** Epoch days covered by an all-day out-of-office event. */
  outOfOfficeDays: Set<number>;
}

const MEETING: ReadonlySet<ShowAs> = new Set(['busy', 'tentative']);
const BLOCKING: ReadonlySet<ShowAs> = new Set(['busy', 'tentative', 'oof', 'unknown']);

/** Whether an event counts at all: not cancelled, not declined. */
export function eventCounts(event: CalendarEvent): boolean {
  return !event.isCancelled && event.response !== 'declined';
}

/** Whether a counted event is meeting time. */
export function isMeeting(event: CalendarEvent): boolean {
  return !event.isUnplugBlock && event.allDay === undefined && MEETING.has(event.showAs);
}

function resolve(event: CalendarEvent, zone: Zone): ResolvedEvent | null {
  const { allDay } = event;
  if (allDay && isLocalDate(allDay.startDate) && isLocalDate(allDay.endDate)) {
    const first = toEpochDay(allDay.startDate);
    const last = Math.max(first + 1, toEpochDay(allDay.endDate));
    return { event, start: startOfEpochDay(zone, first), end: startOfEpochDay(zone, last), allDay: true, firstDay: first, lastDay: last };
  }
  if (!(event.end > event.start)) return null;
  return { event, start: event.start, end: event.end, allDay: false, firstDay: 0, lastDay: 0 };
}

/**
 * Read a person's events in their zone.
 * @param bookedBlocks blocks the store recorded as booked, in case their events are not (yet) in `events`.
 */
export function readCalendar(events: readonly CalendarEvent[], zone: Zone, bookedBlocks: readonly Interval[] = []): CalendarReading {
  const meetingEvents: ResolvedEvent[] = [];
  const meetings: Interval[] = [];
  const timedBlocking: Interval[] = [];
  const allDayBlocking: Interval[] = [];
  const protectedTime: Interval[] = bookedBlocks.slice();
  const timedOutOfOffice: Interval[] = [];
  const outOfOfficeDays = new Set<number>();
  for (const event of events) {
    if (event.isCancelled || event.response === 'declined') continue;
    const { showAs } = event;
    if (event.allDay !== undefined) {
      const r = resolve(event, zone);
      if (!r) continue;
      const interval = { start: r.start, end: r.end };
      if (event.isUnplugBlock) protectedTime.push(interval);
      else if (BLOCKING.has(showAs)) allDayBlocking.push(interval);
      if (showAs === 'oof' && !event.isUnplugBlock) for (let d = r.firstDay; d < r.lastDay; d += 1) outOfOfficeDays.add(d);
      continue;
    }
    // Timed events: the common case, kept free of allocations beyond the interval itself.
    if (!(event.end > event.start)) continue;
    const interval = { start: event.start, end: event.end };
    if (event.isUnplugBlock) {
      protectedTime.push(interval);
    } else if (showAs === 'busy' || showAs === 'tentative') {
      meetings.push(interval);
      timedBlocking.push(interval);
      meetingEvents.push({ event, start: event.start, end: event.end, allDay: false, firstDay: 0, lastDay: 0 });
    } else if (showAs === 'oof') {
      timedBlocking.push(interval);
      timedOutOfOffice.push(interval);
    } else if (showAs === 'unknown') {
      timedBlocking.push(interval);
    }
  }
  if (meetingEvents.length > 1) meetingEvents.sort((a, b) => a.start - b.start || a.end - b.end);
  const timedBlockingList = mergeIntervals(timedBlocking);
  const allDayBlockingList = mergeIntervals(allDayBlocking);
  const protectedList = mergeIntervals(protectedTime);
  return {
    meetingEvents,
    meetings: mergeIntervals(meetings),
    timedBlocking: timedBlockingList,
    allDayBlocking: allDayBlockingList,
    protected: protectedList,
    blocking: unionIntervals(unionIntervals(timedBlockingList, allDayBlockingList), protectedList),
    timedOutOfOffice: mergeIntervals(timedOutOfOffice),
    outOfOfficeDays,
  };
}

/** A person's zone and calendar reading, computed once and shared by `computeBalance` and `suggest`. */
export interface PreparedCalendar {
  zone: Zone;
  /** Set when the person's zone could not be used and UTC stands in for it. */
  zoneProblem: { code: string; message: string } | null;
  reading: CalendarReading;
}

/**
 * Resolve a person's zone and read their events once, for callers that compute both the balance
 * and the suggestions of the same events (the tab does): pass the result as `prepared` to both.
 * @example
 * const prepared = prepareCalendar(person, events, bookedBlocks);
 * computeBalance({ person, events, preferences, range, prepared });
 * suggest({ person, events, preferences, quietTime, now, days: 5, prepared });
 */
export function prepareCalendar(person: Pick<Person, 'workingHours'>, events: readonly CalendarEvent[], bookedBlocks: readonly Interval[] = [], zone?: Zone): PreparedCalendar {
  const resolved = zone ? { zone, problem: null } : zoneOrUtc(person.workingHours.timeZone);
  return { zone: resolved.zone, zoneProblem: resolved.problem, reading: readCalendar(events, resolved.zone, bookedBlocks) };
}
