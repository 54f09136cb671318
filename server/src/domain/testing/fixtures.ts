/**
 * Builders for domain tests and the benchmark: people, working hours and events written in local
 * wall-clock time ("2026-03-09 10:00" in the person's zone), so cases read like a calendar.
 */
import type { CalendarEvent, EventResponse, Person, ShowAs, TimeZoneRef, WorkingHours } from '../types';
import { resolveTimeZone } from '../time/resolve-time-zone';
import type { Zone } from '../time/zone';
import { instantOf } from '../time/zone';

export const WEEKDAYS: WorkingHours['daysOfWeek'] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

export function zoneFor(ref: TimeZoneRef): Zone {
  const r = resolveTimeZone(ref);
  if (!r.ok) throw new Error(r.error.message);
  return r.zone;
}

export function makePerson(timeZone: TimeZoneRef, hours: Partial<Omit<WorkingHours, 'timeZone'>> = {}, userId = 'user-1'): Person {
  return {
    tenantId: 'tenant-1',
    userId,
    displayName: 'Test Person',
    workingHours: { daysOfWeek: WEEKDAYS, startTime: '09:00', endTime: '17:00', ...hours, timeZone },
  };
}

/** `"2026-03-09 10:00"` in `zone` → instant. */
export function at(zone: Zone, local: string): number {
  const [date, time] = local.split(' ');
  return instantOf(date as string, time as string, zone);
}

let counter = 0;

export interface EventOptions {
  showAs?: ShowAs;
  response?: EventResponse;
  isCancelled?: boolean;
  isUnplugBlock?: boolean;
  id?: string;
}

/** A timed event between two local times (`"2026-03-09 10:00"`). */
export function timed(zone: Zone, start: string, end: string, options: EventOptions = {}): CalendarEvent {
  counter += 1;
  return {
    id: options.id ?? `event-${counter}`,
    start: at(zone, start),
    end: at(zone, end),
    showAs: options.showAs ?? 'busy',
    isCancelled: options.isCancelled ?? false,
    response: options.response ?? 'accepted',
    isUnplugBlock: options.isUnplugBlock ?? false,
  };
}

/** An all-day event over local dates, `endDate` exclusive. */
export function allDay(zone: Zone, startDate: string, endDate: string, options: EventOptions = {}): CalendarEvent {
  counter += 1;
  return {
    id: options.id ?? `event-${counter}`,
    start: at(zone, `${startDate} 00:00`),
    end: at(zone, `${endDate} 00:00`),
    showAs: options.showAs ?? 'oof',
    isCancelled: options.isCancelled ?? false,
    response: options.response ?? 'organizer',
    isUnplugBlock: options.isUnplugBlock ?? false,
    allDay: { startDate, endDate },
  };
}
