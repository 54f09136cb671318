import { randomUUID } from 'node:crypto';
import type { DemoEvent } from '../demo-event';
import type { DemoPerson } from '../org';
import { resolveTimeZoneName, UTC_ZONE } from '../time-zones';
import { GRAPH_METADATA, GraphError, badRequest, noContent, ok } from './answer';
import type { GraphCall } from './call';
import type { GraphContext, GraphRoute } from './context';
import { parseEventBody } from './event-input';
import { applySelect, parseSelect, renderEvent } from './event-json';
import { outputZone, parsePrefer, preferenceApplied, type OutputZone } from './prefer';


function notFound(): GraphError {
  return new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

/**
 * Start and end come back in the `Prefer` zone; otherwise a create or update answers in the zone
 * the event was written in (as Graph's examples show), a read in UTC.
 */
function zoneFor(call: GraphCall, e: DemoEvent): OutputZone {
  const own = resolveTimeZoneName(e.originalTimeZone);
  return outputZone(parsePrefer(call.headers.prefer), own ? { zone: own, name: e.originalTimeZone } : { zone: UTC_ZONE, name: 'UTC' });
}

function eventAnswer(call: GraphCall, person: DemoPerson, e: DemoEvent, status: number) {
  const zone = zoneFor(call, e);
  return ok({ '@odata.context': `${GRAPH_METADATA}#users('${person.id}')/events/$entity`, ...renderEvent(e, zone) }, status, preferenceApplied(zone.applied));
}

/**
 * Create: a repeat with a `transactionId` the mailbox already holds makes no second event. Exchange
 * answers it either with that event (201), or with 400 `ErrorDuplicateTransactionId`; which one is
 * the tenant's `duplicateTransactionId` fault setting.
 */
function createEvent(call: GraphCall, ctx: GraphContext, person: DemoPerson) {
  const { fields } = parseEventBody(call.body, { partial: false, ownerZone: person.zone });
  if (fields.transactionId) {
    const existing = ctx.calendars.findByTransactionId(person, fields.transactionId);
    if (existing && ctx.faults?.current.duplicateTransactionId === 'error') {
      throw badRequest('Your request can\'t be completed. The TransactionId specified in the request has already been used to create a different event.', 'ErrorDuplicateTransactionId');
    }
    if (existing) return eventAnswer(call, person, existing, 201);
  }
  const self = { name: person.displayName, address: person.mail };
  const event = ctx.calendars.create(person, (id) => ({
    id,
    iCalUId: `040000008200E00074C5B7101A82E008${randomUUID().replace(/-/g, '').toUpperCase()}`,
    subject: '',
    bodyPreview: '',
    start: call.now,
    end: call.now,
    isAllDay: false,
    originalTimeZone: 'UTC',
    showAs: 'busy',
    response: 'organizer',
    isCancelled: false,
    isOrganizer: true,
    organizer: self,
    attendees: [],
    type: 'singleInstance',
    categories: [],
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    isOnlineMeeting: false,
    importance: 'normal',
    sensitivity: 'normal',
    ...fields,
    createdAt: call.now,
    modifiedAt: call.now,
    version: 1,
    presenceHint: 'meeting',
  }));
  return eventAnswer(call, person, event, 201);
}

function updateEvent(call: GraphCall, ctx: GraphContext, person: DemoPerson, id: string) {
  const current = ctx.calendars.get(person, id);
  if (!current) throw notFound();
  const { fields } = parseEventBody(call.body, { partial: true, ownerZone: person.zone });
  if (fields.transactionId !== undefined && fields.transactionId !== current.transactionId) {
    throw badRequest('The transactionId of an event cannot be changed once it is set.', 'ErrorInvalidRequest');
  }
  const start = fields.start ?? current.start;
  const end = fields.end ?? current.end;
  if (end < start) throw badRequest('The end of an event must not be before its start.', 'ErrorInvalidRequest');
  const updated = ctx.calendars.update(person, id, (e) => ({
    ...e,
    ...fields,
    ...(fields.isAllDay === false ? { allDay: undefined } : {}),
    type: e.type === 'occurrence' ? 'exception' : e.type,
    modifiedAt: call.now,
    version: e.version + 1,
  }));
  if (!updated) throw notFound();
  return eventAnswer(call, person, updated, 200);
}

export const eventRoutes: GraphRoute[] = [
  { method: 'POST', pattern: 'users/:user/events', call: 'create event', handler: (call, ctx, { person }) => createEvent(call, ctx, person) },
  { method: 'POST', pattern: 'users/:user/calendar/events', call: 'create event', handler: (call, ctx, { person }) => createEvent(call, ctx, person) },
  {
    method: 'GET', pattern: 'users/:user/events/:eventId', call: 'get event',
    handler: (call, ctx, { person, values }) => {
      const event = ctx.calendars.get(person, values.eventId!);
      if (!event) throw notFound();
      const select = parseSelect(call.query.get('$select'));
      const zone = outputZone(parsePrefer(call.headers.prefer));
      return ok({ '@odata.context': `${GRAPH_METADATA}#users('${person.id}')/events/$entity`, ...applySelect(renderEvent(event, zone), select) }, 200, preferenceApplied(zone.applied));
    },
  },
  { method: 'PATCH', pattern: 'users/:user/events/:eventId', call: 'update event', handler: (call, ctx, { person, values }) => updateEvent(call, ctx, person, values.eventId!) },
  {
    method: 'DELETE', pattern: 'users/:user/events/:eventId', call: 'delete event',
    handler: (_call, ctx, { person, values }) => {
      if (!ctx.calendars.delete(person, values.eventId!)) throw notFound();
      return noContent();
    },
  },
];
