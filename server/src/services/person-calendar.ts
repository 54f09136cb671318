import type { RequestAuth } from '../auth/bearer';
import { HOUR_MS } from '../domain/time/local-date';
import { zoneOrUtc } from '../domain/time/resolve-time-zone';
import type { Zone } from '../domain/time/zone';
import type { TabData } from '../graph/tab-data';
import type { Interval, Person } from '../domain/types';
import { storeBatches } from './store-batches';
import type { ApiPorts } from './ports';
import type { TabDataCache } from './tab-data-cache';

/** Zones are at most 14 hours from UTC: a UTC window padded by that covers any local day in it. */
const ZONE_PADDING_MS = 14 * HOUR_MS;
const DAY = 24 * HOUR_MS;

export interface PersonCalendar {
  person: Person;
  data: TabData;
}

export function personKey(auth: RequestAuth): string {
  return `${auth.caller.tenantId}/${auth.caller.userId}`;
}

/**
 * The window a tab open loads: eight days back to sixteen ahead, padded for any zone. One load
 * serves this week's balance and the next working days' suggestions, whatever the person's zone
 * turns out to be (it comes back in the same batch).
 */
export function defaultWindow(now: Date): Interval {
  const utcMidnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { start: utcMidnight - 8 * DAY - ZONE_PADDING_MS, end: utcMidnight + 16 * DAY + ZONE_PADDING_MS };
}

/** A window covering local dates `from`..`to` (inclusive) in any zone. */
export function windowForDates(from: string, to: string): Interval {
  return { start: Date.parse(`${from}T00:00:00Z`) - ZONE_PADDING_MS, end: Date.parse(`${to}T00:00:00Z`) + DAY + ZONE_PADDING_MS };
}

/**
 * Loads (or reuses) the caller's calendar, working hours and presence for a window. Each fresh
 * load stores the person's working hours (days, times and zone: nothing else), so the automatic
 * status job can use them without any mailbox access of its own — behind the answer, which does
 * not wait for it.
 */
export async function loadPersonCalendar(ports: ApiPorts, cache: TabDataCache, auth: RequestAuth, window: Interval): Promise<PersonCalendar> {
  const data = await cache.get(personKey(auth), `${window.start}-${window.end}`, async () => {
    const loaded = await ports.graph.loadTabData(ports.personContext(auth), window);
    void storeBatches(ports.store).saveWorkingHours(auth.caller, loaded.workingHours as unknown as Record<string, unknown>, ports.now());
    return loaded;
  });
  const { caller } = auth;
  return {
    person: { tenantId: caller.tenantId, userId: caller.userId, displayName: caller.name ?? caller.upn ?? 'You', workingHours: data.workingHours },
    data,
  };
}

/** The zone of the person's working hours (UTC when it cannot be read), from the cached calendar. */
export async function personZone(ports: ApiPorts, cache: TabDataCache, auth: RequestAuth): Promise<Zone> {
  const { person } = await loadPersonCalendar(ports, cache, auth, defaultWindow(ports.now()));
  return zoneOrUtc(person.workingHours.timeZone).zone;
}

/** Whether a window covers another. */
export function covers(outer: Interval, inner: Interval): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
