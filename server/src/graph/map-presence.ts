import type { Availability, PresenceInterval } from '../domain/types';
import { asArray, asObject, requiredString } from './json-reader';

/** A person's presence right now (one sample of the presence timeline). */
export type CurrentPresence = Pick<PresenceInterval, 'availability' | 'activity'>;

export interface UserPresence extends CurrentPresence {
  userId: string;
}

const AVAILABILITY: readonly Availability[] = [
  'Available', 'AvailableIdle', 'Away', 'BeRightBack', 'Busy', 'BusyIdle', 'DoNotDisturb', 'Offline', 'PresenceUnknown',
];

/**
 * Graph `presence` → availability and activity. Graph adds presence values over time, so an
 * availability we do not know reads as `PresenceUnknown` (the domain then counts it as neither
 * online nor offline) rather than failing a whole tab load; a missing or non-string one is malformed.
 */
export function mapPresence(raw: unknown, path: string): CurrentPresence {
  const presence = asObject(raw, path);
  const availability = requiredString(presence, 'availability', path);
  const activity = requiredString(presence, 'activity', path);
  return {
    availability: (AVAILABILITY as readonly string[]).includes(availability) ? availability as Availability : 'PresenceUnknown',
    activity,
  };
}

export function mapUserPresence(raw: unknown, path: string): UserPresence {
  const presence = asObject(raw, path);
  return { userId: requiredString(presence, 'id', path), ...mapPresence(presence, path) };
}

/** The `value` of a `getPresencesByUserId` answer. */
export function mapPresenceList(raw: unknown, path: string): UserPresence[] {
  const body = asObject(raw, path);
  return asArray(body['value'], `${path}.value`).map((item, i) => mapUserPresence(item, `${path}.value[${i}]`));
}
