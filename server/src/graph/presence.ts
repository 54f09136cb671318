import type { Instant, PreferredPresence } from '../domain/types';
import type { GraphHttp } from './graph-client';
import { mapPresenceList, type UserPresence } from './map-presence';

/** Graph's limit on ids in one `getPresencesByUserId`. */
export const MAX_PRESENCE_IDS = 650;

/**
 * Presence of many people (app-only, `Presence.Read.All`), in calls of at most 650 ids, one after
 * another (Graph allows 1500 calls per 30 s per app and tenant; the sampler paces itself).
 * Duplicate ids are asked once.
 */
export async function getPresencesByUserId(http: GraphHttp, userIds: readonly string[]): Promise<UserPresence[]> {
  const ids = [...new Set(userIds)];
  const presences: UserPresence[] = [];
  for (let i = 0; i < ids.length; i += MAX_PRESENCE_IDS) {
    const chunk = ids.slice(i, i + MAX_PRESENCE_IDS);
    presences.push(...mapPresenceList(await http.post('/communications/getPresencesByUserId', { ids: chunk }), 'getPresencesByUserId'));
  }
  return presences;
}

export interface StatusMessageInput {
  /** Plain text, e.g. "Unplugged until 15:30 — urgent? call me". */
  message: string;
  /** When Teams drops the message by itself. */
  expiresAt: Instant;
}

/** Sets a person's expiring Teams status message (app-only, `Presence.ReadWrite.All`). */
export async function setStatusMessage(http: GraphHttp, userId: string, input: StatusMessageInput): Promise<void> {
  await http.post(`${presencePath(userId)}/setStatusMessage`, {
    statusMessage: {
      message: { content: input.message, contentType: 'text' },
      expiryDateTime: { dateTime: new Date(input.expiresAt).toISOString().replace(/Z$/, ''), timeZone: 'UTC' },
    },
  });
}

/** Graph pairs each preferred availability with one activity. */
const ACTIVITY: Record<PreferredPresence, string> = {
  DoNotDisturb: 'DoNotDisturb',
  Away: 'Away',
  BeRightBack: 'BeRightBack',
  Busy: 'Busy',
  Offline: 'OffWork',
};

/**
 * Sets a person's preferred presence (app-only). It only shows while they have a presence
 * session, and their own choice beats ours; it expires after `expirationMinutes` (Graph's default
 * otherwise: a day for Busy/DoNotDisturb, a week for the rest).
 */
export async function setUserPreferredPresence(http: GraphHttp, userId: string, availability: PreferredPresence, expirationMinutes?: number): Promise<void> {
  await http.post(`${presencePath(userId)}/setUserPreferredPresence`, {
    availability,
    activity: ACTIVITY[availability],
    ...(expirationMinutes !== undefined ? { expirationDuration: isoMinutes(expirationMinutes) } : {}),
  });
}

export async function clearUserPreferredPresence(http: GraphHttp, userId: string): Promise<void> {
  await http.post(`${presencePath(userId)}/clearUserPreferredPresence`);
}

function presencePath(userId: string): string {
  return `/users/${encodeURIComponent(userId)}/presence`;
}

/** 90 → `PT1H30M`. */
export function isoMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 1) throw new RangeError('expirationMinutes must be a whole number of minutes, at least 1');
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours > 0 ? `${hours}H` : ''}${rest > 0 ? `${rest}M` : ''}`;
}
