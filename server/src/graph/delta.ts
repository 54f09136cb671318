import type { CalendarEvent, Interval } from '../domain/types';
import { GraphResponseError } from './errors';
import { relativeLink, type GraphHttp } from './graph-client';
import { asArray, asObject, requiredString } from './json-reader';
import { mapEvent, type EventMappingOptions } from './map-event';
import { PREFER_UTC } from './tab-data';

export interface CalendarDelta {
  /** Events added or changed since the last round (all of them on the first round). */
  changed: CalendarEvent[];
  /** Ids of events deleted, or moved out of the window (`@removed`). */
  removedIds: string[];
  /** Keep it: the next round starts from it. */
  deltaLink: string;
}

const MAX_DELTA_PAGES = 100;

/**
 * One round of `calendarView/delta`: the first round starts from the window (the query is only
 * allowed then), later rounds from the stored `deltaLink`; `@odata.nextLink` pages are followed
 * until Graph hands out the next `@odata.deltaLink`.
 *
 * Delta does not support `$select`, so Graph sends whole events: only the domain's fields are
 * read from them, the rest (subject, body, attendees) is dropped here and never kept.
 */
export async function calendarDelta(http: GraphHttp, from: { window: Interval } | { deltaLink: string }, options: EventMappingOptions = {}): Promise<CalendarDelta> {
  let path = 'window' in from
    ? `/me/calendarView/delta?startDateTime=${encodeURIComponent(new Date(from.window.start).toISOString())}&endDateTime=${encodeURIComponent(new Date(from.window.end).toISOString())}`
    : relativeLink(http, from.deltaLink, 'deltaLink');
  const changed: CalendarEvent[] = [];
  const removedIds: string[] = [];
  for (let page = 1; page <= MAX_DELTA_PAGES; page += 1) {
    const where = `calendarView/delta page ${page}`;
    const body = asObject(await http.get(path, { ...PREFER_UTC }), where);
    asArray(body['value'], `${where}.value`).forEach((raw, i) => {
      const item = asObject(raw, `${where}.value[${i}]`);
      if (item['@removed'] !== undefined) removedIds.push(requiredString(item, 'id', `${where}.value[${i}]`));
      else changed.push(mapEvent(item, `${where}.value[${i}]`, options));
    });
    const deltaLink = body['@odata.deltaLink'];
    const nextLink = body['@odata.nextLink'];
    if (typeof deltaLink === 'string') return { changed, removedIds, deltaLink };
    if (typeof nextLink !== 'string') throw new GraphResponseError(`${where}: neither @odata.nextLink nor @odata.deltaLink`);
    path = relativeLink(http, nextLink, `${where}.@odata.nextLink`);
  }
  throw new GraphResponseError(`calendarView/delta: no deltaLink after ${MAX_DELTA_PAGES} pages`);
}
