import type { Instant, PreferredPresence } from '../domain/types';
import { GraphRequestError } from './errors';
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

/**
 * Unplug's presence during a block is an **application presence session**, not the person's
 * preferred presence.
 *
 * `setUserPreferredPresence` sets the *user's own* preferred presence, the very thing they pick
 * in Teams: it would replace a Do Not Disturb they chose, and `clearUserPreferredPresence` would
 * wipe whatever they chose during the block. Microsoft documents presence as an aggregate of
 * sessions (each Teams client, and one per app) in which "User-configured > app-configured
 * (user-configured state overrides others)"; among app-configured states DoNotDisturb > Busy >
 * Available > Away. So Unplug sets its own session with `setPresence` (sessionId = the app's
 * client id) and at the end removes only that session with `clearPresence`. Whatever the person
 * set themselves always shows over it, before, during and after the block.
 * https://learn.microsoft.com/en-us/graph/api/presence-setpresence
 * https://learn.microsoft.com/en-us/graph/api/presence-clearpresence
 *
 * An app session takes only these pairs: Available/Available, Busy/InACall, Busy/InAConferenceCall,
 * Away/Away, DoNotDisturb/Presenting. "Be right back" and "Appear offline" have no app-session
 * form (only the person can choose them), so they show as Away.
 */
export const APP_SESSION_STATE: Record<PreferredPresence, { availability: string; activity: string }> = {
  DoNotDisturb: { availability: 'DoNotDisturb', activity: 'Presenting' },
  Busy: { availability: 'Busy', activity: 'InACall' },
  Away: { availability: 'Away', activity: 'Away' },
  BeRightBack: { availability: 'Away', activity: 'Away' },
  Offline: { availability: 'Away', activity: 'Away' },
};

/** An app presence session lasts 5 minutes to 4 hours (`expirationDuration` PT5M..PT4H). */
export const APP_SESSION_MIN_MINUTES = 5;
export const APP_SESSION_MAX_MINUTES = 240;

/**
 * Sets Unplug's presence session for a person (app-only, `Presence.ReadWrite.All`) for
 * `minutes`, clamped to Graph's 5 minutes to 4 hours; a longer block is kept alive by setting it
 * again before it expires.
 */
export async function setAppPresence(http: GraphHttp, userId: string, sessionId: string, presence: PreferredPresence, minutes: number): Promise<void> {
  const clamped = Math.min(APP_SESSION_MAX_MINUTES, Math.max(APP_SESSION_MIN_MINUTES, Math.ceil(minutes)));
  await http.post(`${presencePath(userId)}/setPresence`, { sessionId, ...APP_SESSION_STATE[presence], expirationDuration: isoMinutes(clamped) });
}

/**
 * Removes Unplug's presence session (only that one). Graph answers 404 when the session is gone
 * already (it expired): nothing is left to clear then.
 */
export async function clearAppPresence(http: GraphHttp, userId: string, sessionId: string): Promise<void> {
  try {
    await http.post(`${presencePath(userId)}/clearPresence`, { sessionId });
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 404) return;
    throw error;
  }
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
