import type { CalendarEvent, Interval, WorkingHours } from '../domain/types';
import { sendBatch, partBody, type BatchPart } from './batch';
import { ConsentRequiredError, GraphRequestError, GraphResponseError, GraphThrottledError } from './errors';
import { relativeLink, type GraphHttp } from './graph-client';
import { asObject } from './json-reader';
import { EVENT_SELECT, mapEventPage, type EventMappingOptions } from './map-event';
import { mapMailboxParts } from './map-mailbox';
import { mapPresence, type CurrentPresence } from './map-presence';

/** Everything a person's tab needs from Graph. */
export interface TabData {
  /** Expanded occurrences overlapping the range (calendarView), cancelled ones included. */
  events: CalendarEvent[];
  workingHours: WorkingHours;
  mailboxTimeZone?: string;
  /** `null` when presence is unavailable (no Teams presence, permission, or Graph busy). */
  presence: CurrentPresence | null;
}

/** Times come back in UTC whatever the mailbox's zone. */
export const PREFER_UTC = { Prefer: 'outlook.timezone="UTC"' } as const;
/** A week of even a busy calendar fits one page; pages beyond are followed. */
export const CALENDAR_PAGE_SIZE = 500;
const MAX_CALENDAR_PAGES = 50;

/** The documented mailboxSettings sub-resources (user-get-mailboxsettings). */
export const MAILBOX_WORKING_HOURS_URL = '/me/mailboxSettings/workingHours';
export const MAILBOX_TIME_ZONE_URL = '/me/mailboxSettings/timeZone';

export function calendarViewUrl(range: Interval): string {
  const query = [
    `startDateTime=${encodeURIComponent(new Date(range.start).toISOString())}`,
    `endDateTime=${encodeURIComponent(new Date(range.end).toISOString())}`,
    `$select=${EVENT_SELECT.join(',')}`,
    `$top=${CALENDAR_PAGE_SIZE}`,
  ];
  return `/me/calendarView?${query.join('&')}`;
}

/**
 * Loads a person's calendar for `range`, working hours, mailbox time zone and presence in ONE
 * `$batch` round trip.
 * Extra requests happen only when they must: the calendar has more pages (`@odata.nextLink`), or
 * parts were throttled (only those are retried).
 *
 * Calendar and mailbox settings are essential: their failures throw (consent, throttling, Graph
 * refusals). Presence is not: without it the balance is computed from the calendar alone.
 */
export async function loadTabData(http: GraphHttp, range: Interval, options: EventMappingOptions = {}): Promise<TabData> {
  const parts: BatchPart[] = [
    { id: 'calendar', method: 'GET', url: calendarViewUrl(range), headers: { ...PREFER_UTC } },
    // Only the two settings used, never the whole mailboxSettings (automatic-reply text).
    { id: 'workingHours', method: 'GET', url: MAILBOX_WORKING_HOURS_URL },
    { id: 'timeZone', method: 'GET', url: MAILBOX_TIME_ZONE_URL },
    { id: 'presence', method: 'GET', url: '/me/presence' },
  ];
  const results = await sendBatch(http, parts);
  const get = (id: string) => {
    const result = results.get(id);
    if (!result) throw new GraphResponseError(`$batch.responses: no answer for request "${id}"`);
    return result;
  };
  const calendarPage = asObject(partBody(get('calendar'), http.kind, http.now()), 'calendarView');
  const mailbox = mapMailboxParts(partBody(get('workingHours'), http.kind, http.now()), partBody(get('timeZone'), http.kind, http.now()));
  const events = [...mapEventPage(calendarPage, 'calendarView', options), ...await followPages(http, calendarPage, options)];
  return { events, ...mailbox, presence: optionalPresence(http, get('presence')) };
}

async function followPages(http: GraphHttp, first: Record<string, unknown>, options: EventMappingOptions): Promise<CalendarEvent[]> {
  const events: CalendarEvent[] = [];
  let next = first['@odata.nextLink'];
  for (let page = 2; next !== undefined && next !== null; page += 1) {
    const where = `calendarView page ${page}`;
    if (typeof next !== 'string') throw new GraphResponseError(`${where}: @odata.nextLink is not a string`);
    if (page > MAX_CALENDAR_PAGES) throw new GraphResponseError(`calendarView: more than ${MAX_CALENDAR_PAGES} pages`);
    const body = asObject(await http.get(relativeLink(http, next, where), { ...PREFER_UTC }), where);
    events.push(...mapEventPage(body, where, options));
    next = body['@odata.nextLink'];
  }
  return events;
}

function optionalPresence(http: GraphHttp, result: Parameters<typeof partBody>[0]): CurrentPresence | null {
  try {
    return mapPresence(partBody(result, http.kind, http.now()), 'presence');
  } catch (error) {
    // A malformed presence is still a bug to see; an unavailable one is an ordinary outcome.
    if (error instanceof GraphThrottledError || error instanceof GraphRequestError || error instanceof ConsentRequiredError) return null;
    throw error;
  }
}
