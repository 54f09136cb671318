import type { DemoPerson } from '../org';
import type { Presence, StatusMessage } from '../presence-model';
import { formatGraphDateTime, instantToLocal, localToInstant, parseLocalDateTime, resolveTimeZoneName } from '../time-zones';
import { GRAPH_METADATA, GraphError, badRequest, ok } from './answer';
import type { GraphCall } from './call';
import type { GraphContext, GraphRoute } from './context';

export const MAX_PRESENCE_IDS = 650;


/** The pairs setUserPreferredPresence accepts (availability → activity). */
const PREFERRED: Record<string, string> = {
  Available: 'Available', Busy: 'Busy', DoNotDisturb: 'DoNotDisturb', BeRightBack: 'BeRightBack', Away: 'Away', Offline: 'OffWork',
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function renderPresence(id: string, p: Presence): Record<string, unknown> {
  return {
    id,
    availability: p.availability,
    activity: p.activity,
    statusMessage: p.statusMessage ? renderStatusMessage(p.statusMessage) : null,
    outOfOfficeSettings: { message: p.isOutOfOffice ? "I'm out of office and will reply when I'm back." : null, isOutOfOffice: p.isOutOfOffice },
  };
}

function renderStatusMessage(m: StatusMessage): Record<string, unknown> {
  const zone = resolveTimeZoneName(m.expiryTimeZone);
  return {
    message: { content: m.content, contentType: m.contentType },
    publishedDateTime: new Date(m.publishedAt).toISOString(),
    ...(m.expiresAt !== undefined && zone ? { expiryDateTime: { dateTime: formatGraphDateTime(instantToLocal(zone, m.expiresAt)), timeZone: m.expiryTimeZone } } : {}),
  };
}

/** ISO 8601 duration (`PT1H`, `P1D`, `PT1H30M`) in ms; `undefined` when malformed. */
export function parseDuration(text: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, d = '0', h = '0', min = '0', s = '0'] = m;
  return ((Number(d) * 24 + Number(h)) * 60 + Number(min)) * 60_000 + Number(s) * 1000;
}

function setPreferred(call: GraphCall, ctx: GraphContext, person: DemoPerson) {
  const body = (call.body ?? {}) as { availability?: unknown; activity?: unknown; expirationDuration?: unknown };
  const availability = typeof body.availability === 'string' ? body.availability : '';
  const activity = PREFERRED[availability];
  if (!activity || body.activity !== activity) {
    throw badRequest(`Unsupported availability/activity pair '${String(body.availability)}'/'${String(body.activity)}'. Supported: ${Object.entries(PREFERRED).map(([a, b]) => `${a}/${b}`).join(', ')}.`);
  }
  let duration: number | undefined;
  if (body.expirationDuration !== undefined && body.expirationDuration !== null) {
    duration = typeof body.expirationDuration === 'string' ? parseDuration(body.expirationDuration) : undefined;
    if (duration === undefined || duration <= 0) throw badRequest(`expirationDuration must be an ISO 8601 duration such as PT1H (got '${String(body.expirationDuration)}').`);
  }
  // Without an expiry: a day for Busy and DoNotDisturb, a week for the others (Graph's defaults).
  const fallback = (availability === 'Busy' || availability === 'DoNotDisturb' ? 1 : 7) * 86_400_000;
  ctx.presence.setPreferredPresence(person, { availability, activity, expiresAt: call.now + (duration ?? fallback) });
  return { status: 200, headers: {} };
}

/** The pairs an app presence session takes (`setPresence`). */
const APP_SESSION_PAIRS = ['Available/Available', 'Busy/InACall', 'Busy/InAConferenceCall', 'Away/Away', 'DoNotDisturb/Presenting'];
const SESSION_MIN_MS = 5 * 60_000;
const SESSION_MAX_MS = 4 * 60 * 60_000;

/** The session id must be the calling app's id ("Provide the ID of the application as sessionId"). */
function appSessionId(call: GraphCall, body: { sessionId?: unknown }): string {
  const sessionId = typeof body.sessionId === 'string' ? body.sessionId : '';
  if (!GUID.test(sessionId)) throw badRequest(`'sessionId' must be the application's id (a GUID), got '${String(body.sessionId)}'.`);
  if (call.principal.appId && sessionId.toLowerCase() !== call.principal.appId.toLowerCase()) {
    throw badRequest(`'sessionId' must be the id of the calling application (${call.principal.appId}).`);
  }
  return sessionId;
}

/**
 * `setPresence`: the calling app's own presence session for the person, 5 minutes to 4 hours
 * (default 5). The person's own preferred presence shows over it (see presence-model.ts).
 * https://learn.microsoft.com/en-us/graph/api/presence-setpresence
 */
function setAppPresence(call: GraphCall, ctx: GraphContext, person: DemoPerson) {
  const body = (call.body ?? {}) as { sessionId?: unknown; availability?: unknown; activity?: unknown; expirationDuration?: unknown };
  const sessionId = appSessionId(call, body);
  const pair = `${String(body.availability)}/${String(body.activity)}`;
  if (!APP_SESSION_PAIRS.includes(pair)) throw badRequest(`Unsupported availability/activity pair '${pair}' for an application presence session. Supported: ${APP_SESSION_PAIRS.join(', ')}.`);
  let duration = SESSION_MIN_MS;
  if (body.expirationDuration !== undefined && body.expirationDuration !== null) {
    const parsed = typeof body.expirationDuration === 'string' ? parseDuration(body.expirationDuration) : undefined;
    if (parsed === undefined || parsed < SESSION_MIN_MS || parsed > SESSION_MAX_MS) {
      throw badRequest(`expirationDuration must be from PT5M to PT4H (got '${String(body.expirationDuration)}').`);
    }
    duration = parsed;
  }
  ctx.presence.setAppSession(person, sessionId, { availability: String(body.availability), activity: String(body.activity), setAt: call.now, expiresAt: call.now + duration });
  return { status: 200, headers: {} };
}

/**
 * `clearPresence`: removes the calling app's session only; 404 when it does not exist.
 * https://learn.microsoft.com/en-us/graph/api/presence-clearpresence
 */
function clearAppPresence(call: GraphCall, ctx: GraphContext, person: DemoPerson) {
  const sessionId = appSessionId(call, (call.body ?? {}) as { sessionId?: unknown });
  if (!ctx.presence.clearAppSession(person, sessionId, call.now)) throw new GraphError(404, 'NotFound', `The presence session '${sessionId}' does not exist.`);
  return { status: 200, headers: {} };
}

function setStatusMessage(call: GraphCall, ctx: GraphContext, person: DemoPerson) {
  const body = call.body as { statusMessage?: { message?: { content?: unknown; contentType?: unknown }; expiryDateTime?: { dateTime?: unknown; timeZone?: unknown } } | null } | undefined;
  if (!body || typeof body !== 'object' || !('statusMessage' in body)) throw badRequest("The body needs a 'statusMessage'.");
  const message = body.statusMessage?.message;
  if (!body.statusMessage || !message || message.content === '' || message.content === undefined || message.content === null) {
    ctx.presence.setStatusMessage(person, undefined);
    return { status: 200, headers: {} };
  }
  if (typeof message.content !== 'string') throw badRequest("'statusMessage.message.content' must be a string.");
  const contentType = message.contentType === undefined ? 'text' : message.contentType;
  if (contentType !== 'text' && contentType !== 'html') throw badRequest("'statusMessage.message.contentType' must be text or html.");
  let expiresAt: number | undefined;
  let expiryTimeZone = 'UTC';
  const expiry = body.statusMessage.expiryDateTime;
  if (expiry) {
    expiryTimeZone = typeof expiry.timeZone === 'string' && expiry.timeZone !== '' ? expiry.timeZone : 'UTC';
    const zone = resolveTimeZoneName(expiryTimeZone);
    if (!zone) throw new GraphError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${expiryTimeZone}'.`);
    const local = typeof expiry.dateTime === 'string' ? parseLocalDateTime(expiry.dateTime.replace(/Z$/i, '')) : undefined;
    if (!local) throw badRequest("'statusMessage.expiryDateTime.dateTime' is not a valid date and time.");
    expiresAt = localToInstant(zone, local);
  }
  ctx.presence.setStatusMessage(person, { content: message.content, contentType, expiresAt, expiryTimeZone, publishedAt: call.now });
  return { status: 200, headers: {} };
}

function presencesByUserId(call: GraphCall, ctx: GraphContext) {
  const ids = (call.body as { ids?: unknown } | undefined)?.ids;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) throw badRequest("The body needs 'ids': a list of user object ids.");
  if (ids.length > MAX_PRESENCE_IDS) throw badRequest(`Too many ids: at most ${MAX_PRESENCE_IDS} user ids are allowed in one request (got ${ids.length}).`);
  const bad = (ids as string[]).find((id) => !GUID.test(id));
  if (bad !== undefined) throw badRequest(`'${bad}' is not a valid user object id (a GUID).`);
  const value = [...new Set((ids as string[]).map((id) => id.toLowerCase()))].map((id) => {
    const person = ctx.org.find(id);
    return person
      ? renderPresence(person.id, ctx.presence.at(person, call.now))
      : { id, availability: 'PresenceUnknown', activity: 'PresenceUnknown', statusMessage: null, outOfOfficeSettings: { message: null, isOutOfOffice: false } };
  });
  return ok({ '@odata.context': `${GRAPH_METADATA}#Collection(microsoft.graph.presence)`, value });
}

export const presenceRoutes: GraphRoute[] = [
  {
    method: 'GET', pattern: 'users/:user/presence', call: 'my presence',
    handler: (call, ctx, { person }) => ok({ '@odata.context': `${GRAPH_METADATA}#users('${person.id}')/presence/$entity`, ...renderPresence(person.id, ctx.presence.at(person, call.now)) }),
  },
  { method: 'POST', pattern: 'users/:user/presence/setUserPreferredPresence', call: 'setUserPreferredPresence', handler: (call, ctx, { person }) => setPreferred(call, ctx, person) },
  {
    method: 'POST', pattern: 'users/:user/presence/clearUserPreferredPresence', call: 'clearUserPreferredPresence',
    handler: (_call, ctx, { person }) => {
      ctx.presence.clearPreferredPresence(person);
      return { status: 200, headers: {} };
    },
  },
  { method: 'POST', pattern: 'users/:user/presence/setPresence', call: 'setPresence', handler: (call, ctx, { person }) => setAppPresence(call, ctx, person) },
  { method: 'POST', pattern: 'users/:user/presence/clearPresence', call: 'clearPresence', handler: (call, ctx, { person }) => clearAppPresence(call, ctx, person) },
  { method: 'POST', pattern: 'users/:user/presence/setStatusMessage', call: 'setStatusMessage', handler: (call, ctx, { person }) => setStatusMessage(call, ctx, person) },
  { method: 'POST', pattern: 'communications/getPresencesByUserId', call: 'getPresencesByUserId', handler: (call, ctx) => presencesByUserId(call, ctx) },
  {
    method: 'GET', pattern: 'communications/presences/:presenceId', call: 'presence by id',
    handler: (call, ctx, { values }) => {
      const person = ctx.org.find(values.presenceId!);
      if (!person) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${values.presenceId!}' is invalid.`);
      return ok({ '@odata.context': `${GRAPH_METADATA}#communications/presences/$entity`, ...renderPresence(person.id, ctx.presence.at(person, call.now)) });
    },
  },
];
