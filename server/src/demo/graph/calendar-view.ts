import type { DemoPerson } from '../org';
import { parseIsoInstant } from '../time-zones';
import { GRAPH_METADATA, badRequest, ok } from './answer';
import type { GraphCall } from './call';
import type { GraphContext, GraphRoute } from './context';
import { calendarDelta } from './calendar-delta';
import { applySelect, parseSelect, renderEvent } from './event-json';
import { outputZone, parsePrefer, preferenceApplied } from './prefer';

/** Graph's default page of a calendarView, and the most `$top` may ask for. */
export const CALENDAR_VIEW_PAGE_SIZE = 10;
export const CALENDAR_VIEW_MAX_TOP = 1000;

/** `startDateTime` and `endDateTime`, required on calendarView (an offset is honoured, none means UTC). */
export function timeWindow(query: URLSearchParams): { start: number; end: number } {
  const rawStart = query.get('startDateTime') ?? query.get('StartDateTime');
  const rawEnd = query.get('endDateTime') ?? query.get('EndDateTime');
  if (!rawStart || !rawEnd) {
    throw badRequest('This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.', 'ErrorInvalidParameter');
  }
  const start = parseIsoInstant(rawStart);
  const end = parseIsoInstant(rawEnd);
  if (start === undefined || end === undefined) throw badRequest(`The value of StartDateTime or EndDateTime is not a valid ISO 8601 date and time.`, 'ErrorInvalidParameter');
  if (end < start) throw badRequest('EndDateTime must not be earlier than StartDateTime.', 'ErrorInvalidParameter');
  return { start, end };
}

function wholeNumber(query: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw badRequest(`Invalid value '${raw}' for query option '${name}': expected a whole number from ${min} to ${max}.`);
  return value;
}

function calendarView(call: GraphCall, ctx: GraphContext, person: DemoPerson) {
  if (call.query.has('$filter')) throw badRequest('The demo tenant does not support $filter on calendarView; use startDateTime and endDateTime.');
  const { start, end } = timeWindow(call.query);
  const top = wholeNumber(call.query, '$top', 1, CALENDAR_VIEW_MAX_TOP) ?? CALENDAR_VIEW_PAGE_SIZE;
  const skip = wholeNumber(call.query, '$skip', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const select = parseSelect(call.query.get('$select'));
  const orderBy = call.query.get('$orderby')?.trim();
  if (orderBy !== undefined && !/^start\/dateTime( (asc|desc))?$/i.test(orderBy)) throw badRequest(`The demo tenant orders calendarView by start/dateTime only (got '${orderBy}').`);
  const zone = outputZone(parsePrefer(call.headers.prefer));

  const events = ctx.calendars.list(person, start, end);
  if (orderBy?.toLowerCase().endsWith('desc')) events.reverse();
  const page = events.slice(skip, skip + top);
  const next = new URLSearchParams(call.query);
  next.set('$top', String(top));
  next.set('$skip', String(skip + top));
  return ok({
    '@odata.context': `${GRAPH_METADATA}#users('${person.id}')/calendarView${select ? `(${select.join(',')})` : ''}`,
    ...(skip + top < events.length ? { '@odata.nextLink': `${call.graphBase}/${call.rawPath}?${next.toString().replace(/%24/g, '$')}` } : {}),
    value: page.map((e) => applySelect(renderEvent(e, zone), select)),
  }, 200, preferenceApplied(zone.applied));
}

export const calendarViewRoutes: GraphRoute[] = [
  { method: 'GET', pattern: 'users/:user/calendarView', call: 'calendarView', handler: (call, ctx, { person }) => calendarView(call, ctx, person) },
  { method: 'GET', pattern: 'users/:user/calendar/calendarView', call: 'calendarView', handler: (call, ctx, { person }) => calendarView(call, ctx, person) },
  { method: 'GET', pattern: 'users/:user/calendarView/delta', call: 'calendarView delta', handler: (call, ctx, { person }) => calendarDelta(call, ctx, person) },
];
