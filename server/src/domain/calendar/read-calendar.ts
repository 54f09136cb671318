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
import type { CalendarEvent, Interval, ShowAs } from '../types';
import { mergeIntervals, unionIntervals } from '../time/interval';
import { isLocalDate, toEpochDay } from '../time/local-date';
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
  const protectedTime: Interval[] = [...bookedBlocks];
  const timedOutOfOffice: Interval[] = [];
  const outOfOfficeDays = new Set<number>();
  for (const event of events) {
    if (!eventCounts(event)) continue;
    const r = resolve(event, zone);
    if (!r) continue;
    const interval = { start: r.start, end: r.end };
    if (event.isUnplugBlock) {
      protectedTime.push(interval);
      continue;
    }
    if (r.allDay) {
      if (BLOCKING.has(event.showAs)) allDayBlocking.push(interval);
      if (event.showAs === 'oof') for (let d = r.firstDay; d < r.lastDay; d += 1) outOfOfficeDays.add(d);
      continue;
    }
    if (MEETING.has(event.showAs)) {
      meetings.push(interval);
      meetingEvents.push(r);
    }
    if (BLOCKING.has(event.showAs)) timedBlocking.push(interval);
    if (event.showAs === 'oof') timedOutOfOffice.push(interval);
  }
  meetingEvents.sort((a, b) => a.start - b.start || a.end - b.end);
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
