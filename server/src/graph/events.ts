import { createHash } from 'node:crypto';
import type { BlockShowAs, Instant } from '../domain/types';
import { GraphRequestError } from './errors';
import { relativeLink, type GraphHttp } from './graph-client';
import { asArray, asObject, requiredString } from './json-reader';
import { UNPLUG_CATEGORY } from './map-event';
import { PREFER_UTC } from './tab-data';

export interface BlockEventInput {
  start: Instant;
  end: Instant;
  subject: string;
  showAs: BlockShowAs;
  /** From {@link transactionIdFor}: the same suggestion always gives the same id. */
  transactionId: string;
}

/**
 * Books a disconnect block: `POST /me/events` with no reminder (reminders on focus blocks are a
 * top complaint), the "Unplug" category, times in UTC, and a `transactionId` so a retried or
 * doubled create makes no second event. Safe to retry: the gateway's retries on 429/503/504
 * resend the same body. Returns the event id.
 *
 * Exchange answers a repeated `transactionId` in one of two ways: with the event it created the
 * first time, or with the error `ErrorDuplicateTransactionId` ("The TransactionId specified in the
 * request has already been used to create a different event"). In the second case the event is
 * looked up by its `transactionId` in the block's own time range (calendarView; `transactionId` is
 * returned only on events whose creator set it) and that one is used.
 * https://learn.microsoft.com/en-us/graph/api/resources/event (transactionId)
 */
export async function createBlockEvent(http: GraphHttp, input: BlockEventInput): Promise<{ eventId: string }> {
  if (!(input.end > input.start)) throw new RangeError('A block must end after it starts');
  const body = {
    subject: input.subject,
    start: { dateTime: utcDateTime(input.start), timeZone: 'UTC' },
    end: { dateTime: utcDateTime(input.end), timeZone: 'UTC' },
    showAs: input.showAs,
    isReminderOn: false,
    categories: [UNPLUG_CATEGORY],
    transactionId: input.transactionId,
  };
  let created: unknown;
  try {
    created = await http.post('/me/events', body, { ...PREFER_UTC });
  } catch (error) {
    if (!(error instanceof GraphRequestError && error.graphCode === 'ErrorDuplicateTransactionId')) throw error;
    const existing = await findByTransactionId(http, input);
    if (existing === undefined) throw error;
    return { eventId: existing };
  }
  return { eventId: requiredString(asObject(created, 'events create'), 'id', 'events create') };
}

/** Pages of calendarView followed at most, looking for the block (a block's range holds few events). */
const MAX_LOOKUP_PAGES = 10;

/** The id of the event in the block's range that carries its `transactionId`, if there is one. */
async function findByTransactionId(http: GraphHttp, input: BlockEventInput): Promise<string | undefined> {
  const query = [
    `startDateTime=${encodeURIComponent(new Date(input.start).toISOString())}`,
    `endDateTime=${encodeURIComponent(new Date(input.end).toISOString())}`,
    '$select=id,transactionId',
    '$top=100',
  ];
  let url: string | undefined = `/me/calendarView?${query.join('&')}`;
  for (let page = 1; url !== undefined && page <= MAX_LOOKUP_PAGES; page += 1) {
    const where = `calendarView (transactionId lookup) page ${page}`;
    const body = asObject(await http.get(url, { ...PREFER_UTC }), where);
    for (const [i, item] of asArray(body['value'], `${where}.value`).entries()) {
      const event = asObject(item, `${where}.value[${i}]`);
      if (event['transactionId'] === input.transactionId) return requiredString(event, 'id', `${where}.value[${i}]`);
    }
    const next = body['@odata.nextLink'];
    url = typeof next === 'string' ? relativeLink(http, next, where) : undefined;
  }
  return undefined;
}

/**
 * Deletes an event Unplug booked (undo of an accept). Graph answers 204; an event the person
 * already deleted in Outlook answers 404, which counts as gone.
 * Permission: Calendars.ReadWrite (delegated) — https://learn.microsoft.com/en-us/graph/api/event-delete
 */
export async function deleteBlockEvent(http: GraphHttp, eventId: string): Promise<{ deleted: boolean }> {
  try {
    await http.delete(`/me/events/${encodeURIComponent(eventId)}`);
    return { deleted: true };
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 404) return { deleted: false };
    throw error;
  }
}

/** `2025-03-10T13:00:00.000` (Graph's wall-clock form; the zone goes beside it). */
function utcDateTime(instant: Instant): string {
  return new Date(instant).toISOString().replace(/Z$/, '');
}

/** Namespace of Unplug's transaction ids (a fixed, random UUID). */
const UNPLUG_TRANSACTION_NAMESPACE = '5c1f0b7e-8f0a-4d52-9a53-2f6f1d0e9b44';

/**
 * The event `transactionId` for a suggestion: a GUID derived deterministically from the
 * suggestion id (a name-based UUID, version 5), so every accept of one suggestion — retried,
 * double-clicked, or after a crash — sends the same id and Graph creates one event.
 *
 * @example transactionIdFor('sugg_2025-03-10_disconnect_0900') // always the same 'xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx'
 */
export function transactionIdFor(suggestionId: string): string {
  return uuidV5(UNPLUG_TRANSACTION_NAMESPACE, suggestionId);
}

/** RFC 9562 §5.5: SHA-1 of namespace and name, with version 5 and the RFC variant. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
