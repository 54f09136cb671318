import type { CalendarEvent, EventResponse, Instant, ShowAs } from '../domain/types';
import { resolveTimeZone } from '../domain/time/resolve-time-zone';
import { localMsToInstant, type Zone } from '../domain/time/zone';
import { asArray, asObject, fail, oneOf, optionalBoolean, optionalString, optionalStringArray, requiredString, type Json } from './json-reader';

/** The category that marks the events Unplug books. */
export const UNPLUG_CATEGORY = 'Unplug';

/**
 * The only event fields the domain needs: times and flags, never subject, body, attendees or
 * location. `transactionId` recognises Unplug's blocks even if someone removed the category.
 */
export const EVENT_SELECT = ['id', 'start', 'end', 'showAs', 'isAllDay', 'isCancelled', 'responseStatus', 'categories', 'transactionId'] as const;

const SHOW_AS: readonly ShowAs[] = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];
const RESPONSES: readonly EventResponse[] = ['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded'];

export interface EventMappingOptions {
  /** Transaction ids of blocks Unplug booked (from the store), recognised even without the category. */
  knownTransactionIds?: ReadonlySet<string>;
}

/**
 * A Graph event as the domain's `CalendarEvent`.
 *
 * `id`, `start` and `end` are required. Fields we `$select` but Graph may leave out of a truncated
 * payload take Graph's defaults, the conservative ones: `showAs` busy (so nothing is ever
 * suggested over it), not all-day, not cancelled, response none. A value of the wrong type or an
 * unknown enum value is an error, never a guess.
 *
 * All-day events come back from Graph as midnight to midnight whatever zone was asked for: their
 * dates are floating and go to `allDay` (end exclusive); `start`/`end` then hold those dates'
 * midnights in UTC, which the domain resolves in the person's zone.
 */
export function mapEvent(raw: unknown, path: string, options: EventMappingOptions = {}): CalendarEvent {
  const event = asObject(raw, path);
  const id = requiredString(event, 'id', path);
  const isAllDay = optionalBoolean(event, 'isAllDay', path) ?? false;
  const start = readDateTime(event, 'start', path);
  const end = readDateTime(event, 'end', path);
  const showAsRaw = optionalString(event, 'showAs', path);
  const responseStatus = event['responseStatus'] === undefined || event['responseStatus'] === null ? {} : asObject(event['responseStatus'], `${path}.responseStatus`);
  const responseRaw = optionalString(responseStatus, 'response', `${path}.responseStatus`);
  const categories = optionalStringArray(event, 'categories', path) ?? [];
  const transactionId = optionalString(event, 'transactionId', path);

  const mapped: CalendarEvent = {
    id,
    start: isAllDay ? floatingMidnight(start.local) : start.instant,
    end: isAllDay ? floatingMidnight(end.local) : end.instant,
    showAs: showAsRaw === undefined ? 'busy' : oneOf(showAsRaw, SHOW_AS, `${path}.showAs`),
    isCancelled: optionalBoolean(event, 'isCancelled', path) ?? false,
    response: responseRaw === undefined ? 'none' : oneOf(responseRaw, RESPONSES, `${path}.responseStatus.response`),
    isUnplugBlock: categories.some((c) => c.toLowerCase() === UNPLUG_CATEGORY.toLowerCase())
      || (transactionId !== undefined && (options.knownTransactionIds?.has(transactionId) ?? false)),
  };
  if (isAllDay) mapped.allDay = { startDate: start.local.slice(0, 10), endDate: end.local.slice(0, 10) };
  if (mapped.end < mapped.start) fail(`${path}.end`, 'is before start');
  return mapped;
}

/** The `value` array of an events page, mapped. */
export function mapEventPage(page: Json, path: string, options: EventMappingOptions = {}): CalendarEvent[] {
  return asArray(page['value'], `${path}.value`).map((raw, i) => mapEvent(raw, `${path}.value[${i}]`, options));
}

/** The form of a `dateTime` (Graph sends 7 fraction digits). */
export const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;

/**
 * A Graph `dateTimeTimeZone`: a wall-clock `dateTime` (no offset, up to 7 fraction digits) in
 * `timeZone`. We ask for UTC (`Prefer: outlook.timezone="UTC"`), but any Windows or IANA zone
 * Graph may answer in is converted.
 */
function readDateTime(event: Json, key: 'start' | 'end', path: string): { instant: Instant; local: string } {
  const where = `${path}.${key}`;
  if (event[key] === undefined || event[key] === null) fail(where, 'missing');
  const value = asObject(event[key], where);
  const dateTime = requiredString(value, 'dateTime', where);
  const localMs = wallClockMs(dateTime);
  if (localMs === undefined) fail(`${where}.dateTime`, `expected a date and time such as 2025-03-10T09:00:00.0000000, got ${JSON.stringify(dateTime)}`);
  if (Number.isNaN(localMs)) fail(`${where}.dateTime`, `is not a real date: ${JSON.stringify(dateTime)}`);
  const zoneName = optionalString(value, 'timeZone', where) ?? 'UTC';
  const zone = zoneNamed(zoneName);
  if (!zone) fail(`${where}.timeZone`, `unknown time zone ${JSON.stringify(zoneName)}`);
  return { instant: localMsToInstant(zone, localMs), local: dateTime };
}

const digit = (text: string, at: number): number => {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
};
const number = (text: string, from: number, to: number): number => {
  let value = 0;
  for (let i = from; i < to; i += 1) value = value * 10 + digit(text, i);
  return value;
};

/**
 * A `DATE_TIME` as milliseconds on a UTC clock; `undefined` when it is not of that form, `NaN`
 * when it is not a real date. Read character by character: a calendar page holds two per event,
 * and a regular expression's match array and substrings for each were ~10 % of what a tab open
 * allocates (`npm run bench -- cold`). The same values as `DATE_TIME` with `Date.UTC`
 * (map-event.test.ts compares them).
 */
export function wallClockMs(text: string): number | undefined {
  const length = text.length;
  if (length !== 16 && length !== 19 && (length < 21 || length > 27)) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return undefined;
  if (length > 16 && text.charCodeAt(16) !== 58) return undefined;
  if (length > 19 && text.charCodeAt(19) !== 46) return undefined;
  const y = number(text, 0, 4);
  const mo = number(text, 5, 7);
  const d = number(text, 8, 10);
  const h = number(text, 11, 13);
  const mi = number(text, 14, 16);
  const s = length > 16 ? number(text, 17, 19) : 0;
  const fraction = length > 19 ? number(text, 20, length) : 0;
  if (Number.isNaN(y + mo + d + h + mi + s + fraction)) return undefined;
  // Only a fraction with a digit other than 0 needs reading, as before, as a decimal number.
  const fractionMs = fraction === 0 ? 0 : Math.floor(Number(`0.${text.slice(20)}`) * 1000);
  const localMs = Date.UTC(y, mo - 1, d, h, mi, s) + fractionMs;
  const check = new Date(localMs);
  return Number.isNaN(localMs) || check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1 ? NaN : localMs;
}

/** The zone of a `dateTimeTimeZone` (a page has one zone, the one we asked for, in every event). */
let lastZone: { name: string; zone: Zone | undefined } | undefined;
function zoneNamed(name: string): Zone | undefined {
  if (lastZone?.name !== name) {
    const resolved = resolveTimeZone({ kind: 'windows', name });
    lastZone = { name, zone: resolved.ok ? resolved.zone : undefined };
  }
  return lastZone.zone;
}

function floatingMidnight(local: string): Instant {
  return Date.parse(`${local.slice(0, 10)}T00:00:00Z`);
}
