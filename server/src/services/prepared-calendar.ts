import { prepareCalendar, type PreparedCalendar } from '../domain';
import type { CalendarEvent, Person } from '../domain/types';
import type { Zone } from '../domain/time/zone';
import type { SuggestionState } from '../store/repositories/suggestion-state-repository';
import { bookedBlocks } from './person-data';

interface Remembered { states: readonly SuggestionState[]; timeZone: Person['workingHours']['timeZone']; zone: Zone; prepared: PreparedCalendar }

/** By the cached calendar's events array: dropped with it when the tab-data cache lets it go. */
const remembered = new WeakMap<readonly CalendarEvent[], Remembered>();

/**
 * The domain's `prepareCalendar` (the calendar read once: meetings, blocking time, booked blocks),
 * remembered while a person's cached calendar, suggestion states and mailbox zone are the same
 * objects — every balance or suggestions answer served from the caches would otherwise read the
 * same calendar again (≈ a fifth of a warm answer's CPU). Anything new (a refetched calendar, an
 * accepted block, another zone) is a different object, and the calendar is read afresh.
 */
export function preparedCalendar(person: Person, events: readonly CalendarEvent[], states: readonly SuggestionState[], zone: Zone): PreparedCalendar {
  const known = remembered.get(events);
  if (known && known.states === states && known.timeZone === person.workingHours.timeZone && known.zone.name === zone.name) return known.prepared;
  const prepared = prepareCalendar(person, events, bookedBlocks(states), zone);
  remembered.set(events, { states, timeZone: person.workingHours.timeZone, zone, prepared });
  return prepared;
}
