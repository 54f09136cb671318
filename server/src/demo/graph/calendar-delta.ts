import type { CalendarChange } from '../calendar-store';
import { overlaps } from '../calendar-store';
import type { DemoEvent } from '../demo-event';
import type { DemoPerson } from '../org';
import { GRAPH_METADATA, badRequest, ok } from './answer';
import type { GraphCall } from './call';
import type { GraphContext } from './context';
import { renderEvent } from './event-json';
import { outputZone, parsePrefer, preferenceApplied, type OutputZone } from './prefer';
import { timeWindow } from './calendar-view';

export const DELTA_PAGE_SIZE = 10;

/**
 * What a delta token remembers: whose calendar, which window, and up to which change the client
 * is in sync. A skip token also carries the round it pages through.
 */
interface DeltaState {
  v: 1;
  /** Mailbox owner. */
  p: string;
  /** Window. */
  s: number;
  e: number;
  /** In sync up to this change number (for the first round: none yet, so -1). */
  q: number;
  /** This round covers changes up to `r`. */
  r: number;
  /** Offset into the round's items. */
  o: number;
}

function encode(state: DeltaState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

function decode(token: string, person: DemoPerson): DeltaState {
  try {
    const s = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<DeltaState>;
    const numbers = [s.s, s.e, s.q, s.r, s.o].every((n) => typeof n === 'number' && Number.isFinite(n));
    if (s.v === 1 && s.p === person.id && numbers) return s as DeltaState;
  } catch {
    // fall through
  }
  throw badRequest('The sync state token is invalid or belongs to another mailbox; start a new sync with startDateTime and endDateTime.', 'ErrorInvalidSyncStateData');
}

type DeltaItem = { event: DemoEvent; removed: boolean };

/** The items of one round: everything in the window (first round), or what changed since `q`. */
function roundItems(ctx: GraphContext, person: DemoPerson, state: DeltaState): DeltaItem[] {
  if (state.q < 0) return ctx.calendars.list(person, state.s, state.e).map((event) => ({ event, removed: false }));
  const latest = new Map<string, CalendarChange>();
  for (const change of ctx.calendars.changesSince(person, state.q)) if (change.seq <= state.r) latest.set(change.event.id, change);
  const items: DeltaItem[] = [];
  for (const change of latest.values()) {
    const inWindow = overlaps(change.event, state.s, state.e);
    // An event moved out of the window is gone from the client's view of it.
    if (change.kind === 'upsert') items.push({ event: change.event, removed: !inWindow });
    else if (inWindow) items.push({ event: change.event, removed: true });
  }
  return items;
}

function render(item: DeltaItem, zone: OutputZone): Record<string, unknown> {
  if (item.removed) return { '@odata.type': '#microsoft.graph.event', id: item.event.id, '@removed': { reason: 'deleted' } };
  return { '@odata.type': '#microsoft.graph.event', ...renderEvent(item.event, zone) };
}

/**
 * `calendarView/delta`: the first call takes the window; then the client follows `@odata.nextLink`
 * (`$skiptoken`) to the end of the round, keeps `@odata.deltaLink` (`$deltatoken`) and calls it
 * later to get only what changed, deletions as `@removed`.
 */
export function calendarDelta(call: GraphCall, ctx: GraphContext, person: DemoPerson) {
  const prefer = parsePrefer(call.headers.prefer);
  const zone = outputZone(prefer);
  const requestedSize = Number(prefer.get('odata.maxpagesize'));
  const pageSize = Number.isInteger(requestedSize) && requestedSize >= 1 ? Math.min(requestedSize, 1000) : DELTA_PAGE_SIZE;

  const skipToken = call.query.get('$skiptoken');
  const deltaToken = call.query.get('$deltatoken');
  let state: DeltaState;
  if (skipToken) state = decode(skipToken, person);
  else if (deltaToken) state = { ...decode(deltaToken, person), r: ctx.calendars.currentSeq, o: 0 };
  else {
    const { start, end } = timeWindow(call.query);
    state = { v: 1, p: person.id, s: start, e: end, q: -1, r: ctx.calendars.currentSeq, o: 0 };
  }

  const items = roundItems(ctx, person, state);
  const page = items.slice(state.o, state.o + pageSize);
  const more = state.o + pageSize < items.length;
  const base = `${call.graphBase}/${call.rawPath}`;
  const link = more
    ? { '@odata.nextLink': `${base}?$skiptoken=${encode({ ...state, o: state.o + pageSize })}` }
    : { '@odata.deltaLink': `${base}?$deltatoken=${encode({ ...state, q: state.r, r: state.r, o: 0 })}` };
  return ok({
    '@odata.context': `${GRAPH_METADATA}#Collection(event)`,
    ...link,
    value: page.map((item) => render(item, zone)),
  }, 200, preferenceApplied(zone.applied, prefer.has('odata.maxpagesize') ? `odata.maxpagesize=${pageSize}` : undefined));
}
