import type { Availability } from '../domain/types';
import type { GraphHttp } from './graph-client';
import { asArray, asObject, fail, requiredString } from './json-reader';
import { mapUserPresence } from './map-presence';
import { MAX_PRESENCE_IDS } from './presence';

/** Presence with the status message shown, for jobs that must not overwrite a person's own. */
export interface PresenceStatus {
  userId: string;
  availability: Availability;
  activity: string;
  /** The message's text, or `null` when none shows (Graph drops expired ones). */
  statusMessage: string | null;
}

/**
 * `getPresencesByUserId` (app-only) keeping each `statusMessage`, at most 650 ids a request.
 * @example
 * const [ada] = await getPresenceStatuses(http, [adaId]); // { availability: 'Busy', statusMessage: 'At the dentist', … }
 */
export async function getPresenceStatuses(http: GraphHttp, userIds: readonly string[]): Promise<PresenceStatus[]> {
  const ids = [...new Set(userIds)];
  const out: PresenceStatus[] = [];
  for (let i = 0; i < ids.length; i += MAX_PRESENCE_IDS) {
    const body = asObject(await http.post('/communications/getPresencesByUserId', { ids: ids.slice(i, i + MAX_PRESENCE_IDS) }), 'getPresencesByUserId');
    asArray(body['value'], 'getPresencesByUserId.value').forEach((item, j) => out.push(mapPresenceStatus(item, `getPresencesByUserId.value[${j}]`)));
  }
  return out;
}

export function mapPresenceStatus(raw: unknown, path: string): PresenceStatus {
  const presence = mapUserPresence(raw, path);
  const status = asObject(raw, path)['statusMessage'];
  return { ...presence, statusMessage: status === undefined || status === null ? null : messageText(status, `${path}.statusMessage`) };
}

function messageText(raw: unknown, path: string): string | null {
  const message = asObject(raw, path)['message'];
  if (message === undefined || message === null) return null;
  const body = asObject(message, `${path}.message`);
  const content = body['content'] === null ? '' : requiredString(body, 'content', `${path}.message`);
  if (body['contentType'] !== undefined && body['contentType'] !== 'text' && body['contentType'] !== 'html') fail(`${path}.message.contentType`, 'expected text or html');
  const text = body['contentType'] === 'html' ? content.replace(/<[^>]*>/g, '') : content;
  return text.trim() === '' ? null : text;
}
