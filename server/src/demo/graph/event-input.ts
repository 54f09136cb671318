import type { DemoAttendee, DemoEvent, DemoShowAs } from '../demo-event';
import { parseLocalDateTime, resolveTimeZoneName, localToInstant, type DemoZone } from '../time-zones';
import { badRequest, GraphError } from './answer';
import { EVENT_PROPERTIES } from './event-json';

const SHOW_AS: readonly DemoShowAs[] = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];
const IMPORTANCE = ['low', 'normal', 'high'] as const;
const SENSITIVITY = ['normal', 'personal', 'private', 'confidential'] as const;
/** Properties the server sets; a client may send them back, they are ignored. */
const READ_ONLY = new Set(['id', 'changeKey', 'createdDateTime', 'lastModifiedDateTime', 'iCalUId', 'isOrganizer', 'isCancelled', 'webLink', 'seriesMasterId', 'type', 'hasAttachments', 'bodyPreview', 'originalStart', 'responseStatus', 'cancelledOccurrences', 'onlineMeetingUrl', 'onlineMeeting']);
const KNOWN = new Set<string>(EVENT_PROPERTIES);

/** The fields of an event a create or update request sets, checked and converted. */
export type EventFields = Partial<Pick<DemoEvent,
  'subject' | 'bodyPreview' | 'start' | 'end' | 'isAllDay' | 'allDay' | 'originalTimeZone' | 'showAs' | 'categories' | 'isReminderOn'
  | 'reminderMinutesBeforeStart' | 'isOnlineMeeting' | 'importance' | 'sensitivity' | 'location' | 'transactionId' | 'attendees'>>;

export interface ParsedTime {
  instant: number;
  zoneName: string;
  zone: DemoZone;
  /** `YYYY-MM-DD` when the time is a midnight (for all-day events). */
  date: string | undefined;
}

const invalid = (message: string) => badRequest(message, 'ErrorInvalidRequest');

function parseDateTimeTimeZone(value: unknown, name: 'start' | 'end'): ParsedTime {
  if (!value || typeof value !== 'object') throw invalid(`The event's '${name}' must be a dateTimeTimeZone: { "dateTime", "timeZone" }.`);
  const { dateTime, timeZone } = value as { dateTime?: unknown; timeZone?: unknown };
  if (typeof dateTime !== 'string') throw invalid(`'${name}.dateTime' is required.`);
  const zoneName = typeof timeZone === 'string' && timeZone !== '' ? timeZone : 'UTC';
  const zone = resolveTimeZoneName(zoneName);
  if (!zone) throw new GraphError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zoneName}'.`);
  const local = parseLocalDateTime(dateTime.replace(/Z$/i, ''));
  if (!local) throw invalid(`'${name}.dateTime' is not a valid date and time: '${dateTime}'.`);
  const midnight = local.hour === 0 && local.minute === 0 && local.second === 0;
  return { instant: localToInstant(zone, local), zoneName, zone, date: midnight ? dateTime.slice(0, 10) : undefined };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
  if (typeof value === 'string') {
    const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (match) return match;
  }
  throw invalid(`'${name}' must be one of ${allowed.join(', ')}.`);
}

function bool(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw invalid(`'${name}' must be true or false.`);
  return value;
}

/**
 * Checks a create (`partial: false`) or update body and converts it. Unknown properties are a
 * 400, as on Graph, so a client's typo does not pass silently.
 */
export function parseEventBody(body: unknown, options: { partial: boolean; ownerZone: DemoZone }): { fields: EventFields; startZone: ParsedTime | undefined } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('The request body must be a JSON object describing an event.');
  const input = body as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!key.startsWith('@') && !KNOWN.has(key)) throw badRequest(`The property '${key}' does not exist on type 'microsoft.graph.event'. Make sure to only use property names that are defined by the type.`, 'RequestBodyRead');
  }
  const fields: EventFields = {};
  const has = (k: string) => input[k] !== undefined && !READ_ONLY.has(k);
  if (has('subject')) {
    if (typeof input.subject !== 'string') throw invalid("'subject' must be a string.");
    fields.subject = input.subject;
  }
  if (has('body')) {
    const content = (input.body as { content?: unknown } | null)?.content;
    if (content !== undefined && typeof content !== 'string') throw invalid("'body.content' must be a string.");
    fields.bodyPreview = (content ?? '').replace(/<[^>]*>/g, '').slice(0, 255);
  }
  let start: ParsedTime | undefined;
  let end: ParsedTime | undefined;
  if (has('start')) start = parseDateTimeTimeZone(input.start, 'start');
  if (has('end')) end = parseDateTimeTimeZone(input.end, 'end');
  if (!options.partial && (!start || !end)) throw invalid('An event must have a start and an end.');
  if (start) {
    fields.start = start.instant;
    fields.originalTimeZone = start.zoneName;
  }
  if (end) fields.end = end.instant;
  if (start && end && end.instant < start.instant) throw invalid('The end of an event must not be before its start.');
  if (has('isAllDay')) fields.isAllDay = bool(input.isAllDay, 'isAllDay');
  if (fields.isAllDay) {
    if (!start?.date || !end?.date || end.date <= start.date) {
      throw invalid('An all-day event needs a start and an end at midnight, the end at least a day after the start.');
    }
    fields.allDay = { startDate: start.date, endDate: end.date };
    // Floating dates: the instants are the owner's midnights.
    fields.start = localToInstant(options.ownerZone, { ...dateParts(start.date), hour: 0, minute: 0, second: 0 });
    fields.end = localToInstant(options.ownerZone, { ...dateParts(end.date), hour: 0, minute: 0, second: 0 });
  }
  if (has('showAs')) fields.showAs = oneOf(input.showAs, SHOW_AS, 'showAs');
  if (has('importance')) fields.importance = oneOf(input.importance, IMPORTANCE, 'importance');
  if (has('sensitivity')) fields.sensitivity = oneOf(input.sensitivity, SENSITIVITY, 'sensitivity');
  if (has('isReminderOn')) fields.isReminderOn = bool(input.isReminderOn, 'isReminderOn');
  if (has('isOnlineMeeting')) fields.isOnlineMeeting = bool(input.isOnlineMeeting, 'isOnlineMeeting');
  if (has('reminderMinutesBeforeStart')) {
    if (!Number.isInteger(input.reminderMinutesBeforeStart)) throw invalid("'reminderMinutesBeforeStart' must be a whole number.");
    fields.reminderMinutesBeforeStart = input.reminderMinutesBeforeStart as number;
  }
  if (has('categories')) {
    if (!Array.isArray(input.categories) || !input.categories.every((c) => typeof c === 'string')) throw invalid("'categories' must be a list of strings.");
    fields.categories = [...input.categories as string[]];
  }
  if (has('transactionId')) {
    if (typeof input.transactionId !== 'string' || input.transactionId.length === 0 || input.transactionId.length > 255) throw invalid("'transactionId' must be a string of 1 to 255 characters.");
    fields.transactionId = input.transactionId;
  }
  if (has('location')) {
    const name = (input.location as { displayName?: unknown } | null)?.displayName;
    fields.location = typeof name === 'string' ? name : '';
  }
  if (has('attendees')) fields.attendees = parseAttendees(input.attendees);
  return { fields, startZone: start };
}

function parseAttendees(value: unknown): DemoAttendee[] {
  if (!Array.isArray(value)) throw invalid("'attendees' must be a list.");
  return value.map((a) => {
    const email = (a as { emailAddress?: { name?: unknown; address?: unknown } } | null)?.emailAddress;
    if (!email || typeof email.address !== 'string') throw invalid('Every attendee needs an emailAddress with an address.');
    const type = (a as { type?: unknown }).type;
    return { name: typeof email.name === 'string' ? email.name : email.address, address: email.address, type: type === 'optional' || type === 'resource' ? type : 'required' };
  });
}

function dateParts(date: string) {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}
