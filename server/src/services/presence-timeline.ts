import type { Availability, Interval, PresenceInterval } from '../domain/types';
import type { PersonKey } from '../store/repositories/people-repository';
import type { Store } from '../store/store';

/** A stored presence interval; `end` is `null` while it is still open. */
export type StoredPresenceInterval = Omit<PresenceInterval, 'end'> & { end: number | null };

/** The stored presence timeline of a person over a window (open intervals end at `now`). */
export async function presenceTimeline(store: Store, person: PersonKey, window: Interval, now: Date): Promise<PresenceInterval[]> {
  return closeAt((await storedPresence(store, person.tenantId, [person.userId], window)).get(person.userId) ?? [], now);
}

/** The stored presence intervals of several people of one tenant overlapping a window, by user id (people with none are absent). */
export async function storedPresence(store: Store, tenantId: string, userIds: readonly string[], window: Interval): Promise<Map<string, StoredPresenceInterval[]>> {
  const out = new Map<string, StoredPresenceInterval[]>();
  if (userIds.length === 0) return out;
  const rows = await store.db.selectFrom('presence_interval')
    .select(['user_id', 'availability', 'activity', 'start_at', 'end_at'])
    .where('tenant_id', '=', tenantId).where('user_id', 'in', [...userIds])
    .where('start_at', '<', new Date(window.end))
    .where((eb) => eb.or([eb('end_at', 'is', null), eb('end_at', '>', new Date(window.start))]))
    .orderBy('start_at')
    .execute();
  for (const r of rows) {
    const interval = { availability: r.availability as Availability, activity: r.activity, start: r.start_at.getTime(), end: r.end_at?.getTime() ?? null };
    const list = out.get(r.user_id);
    if (list) list.push(interval);
    else out.set(r.user_id, [interval]);
  }
  return out;
}

/** The timeline as the balance takes it: open intervals end at `now`; empty ones are dropped. */
export function closeAt(intervals: readonly StoredPresenceInterval[], now: Date): PresenceInterval[] {
  return intervals.map((p) => ({ ...p, end: p.end ?? now.getTime() })).filter((p) => p.end > p.start);
}
