import type { DemoEvent } from '../demo-event';
import { changeKeyFor } from '../prng';
import { formatGraphDateTime, instantToLocal } from '../time-zones';
import { badRequest } from './answer';
import type { OutputZone } from './prefer';

/** Every property of `microsoft.graph.event` (with outlookItem and entity), for `$select` and request checks. */
export const EVENT_PROPERTIES = [
  'allowNewTimeProposals', 'attendees', 'body', 'bodyPreview', 'cancelledOccurrences', 'categories', 'changeKey',
  'createdDateTime', 'end', 'hasAttachments', 'hideAttendees', 'iCalUId', 'id', 'importance', 'isAllDay', 'isCancelled',
  'isDraft', 'isOnlineMeeting', 'isOrganizer', 'isReminderOn', 'lastModifiedDateTime', 'location', 'locations',
  'onlineMeeting', 'onlineMeetingProvider', 'onlineMeetingUrl', 'organizer', 'originalEndTimeZone', 'originalStart',
  'originalStartTimeZone', 'recurrence', 'reminderMinutesBeforeStart', 'responseRequested', 'responseStatus',
  'sensitivity', 'seriesMasterId', 'showAs', 'start', 'subject', 'transactionId', 'type', 'webLink',
] as const;

const KNOWN = new Set<string>(EVENT_PROPERTIES);
const NO_TIME = '0001-01-01T00:00:00Z';

export function eventEtag(e: DemoEvent): string {
  return `W/"${changeKeyFor(e.id, e.version)}"`;
}

/** Parses `$select`; an unknown property is a 400, as on Graph. */
export function parseSelect(raw: string | null, known: ReadonlySet<string> = KNOWN, typeName = 'microsoft.graph.event'): string[] | undefined {
  if (raw === null) return undefined;
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    if (!known.has(name)) throw badRequest(`Could not find a property named '${name}' on type '${typeName}'.`, 'RequestBroker--ParseUri');
  }
  return names;
}

/** Keeps only the selected properties, plus `id` and the OData annotations, as Graph does. */
export function applySelect(full: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  if (!select) return full;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(full)) if (key.startsWith('@odata.')) out[key] = value;
  out.id = full.id;
  for (const name of select) out[name] = full[name] ?? null;
  return out;
}

function dateTimeIn(e: DemoEvent, instant: number, date: string | undefined, zone: OutputZone) {
  // All-day events float: midnight to midnight on whatever zone the client reads them in.
  if (e.isAllDay && date) return { dateTime: `${date}T00:00:00.0000000`, timeZone: zone.name };
  return { dateTime: formatGraphDateTime(instantToLocal(zone.zone, instant)), timeZone: zone.name };
}

/** The whole Graph JSON of an event, with start and end in `zone`. */
export function renderEvent(e: DemoEvent, zone: OutputZone): Record<string, unknown> {
  const changeKey = changeKeyFor(e.id, e.version);
  const joinUrl = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${encodeURIComponent(e.iCalUId.slice(-24))}%40thread.v2/0`;
  return {
    '@odata.etag': `W/"${changeKey}"`,
    id: e.id,
    createdDateTime: new Date(e.createdAt).toISOString(),
    lastModifiedDateTime: new Date(e.modifiedAt).toISOString(),
    changeKey,
    categories: [...e.categories],
    ...(e.transactionId !== undefined ? { transactionId: e.transactionId } : {}),
    originalStartTimeZone: e.originalTimeZone,
    originalEndTimeZone: e.originalTimeZone,
    iCalUId: e.iCalUId,
    reminderMinutesBeforeStart: e.reminderMinutesBeforeStart,
    isReminderOn: e.isReminderOn,
    hasAttachments: false,
    subject: e.subject,
    bodyPreview: e.bodyPreview,
    importance: e.importance,
    sensitivity: e.sensitivity,
    isAllDay: e.isAllDay,
    isCancelled: e.isCancelled,
    isOrganizer: e.isOrganizer,
    responseRequested: true,
    seriesMasterId: e.seriesMasterId ?? null,
    showAs: e.showAs,
    type: e.type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(e.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: e.isOnlineMeeting,
    onlineMeetingProvider: e.isOnlineMeeting ? 'teamsForBusiness' : 'unknown',
    allowNewTimeProposals: true,
    isDraft: false,
    hideAttendees: false,
    responseStatus: { response: e.response, time: NO_TIME },
    body: { contentType: 'html', content: e.bodyPreview ? `<html><head></head><body>${escapeHtml(e.bodyPreview)}</body></html>` : '' },
    start: dateTimeIn(e, e.start, e.allDay?.startDate, zone),
    end: dateTimeIn(e, e.end, e.allDay?.endDate, zone),
    location: { displayName: e.location ?? '', locationType: 'default', uniqueIdType: 'unknown' },
    locations: e.location ? [{ displayName: e.location, locationType: 'default', uniqueIdType: 'unknown' }] : [],
    recurrence: null,
    attendees: e.attendees.map((a) => ({ type: a.type, status: { response: 'none', time: NO_TIME }, emailAddress: { name: a.name, address: a.address } })),
    organizer: { emailAddress: { name: e.organizer.name, address: e.organizer.address } },
    onlineMeeting: e.isOnlineMeeting ? { joinUrl } : null,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
