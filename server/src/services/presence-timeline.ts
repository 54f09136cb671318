import type { Availability, Interval, PresenceInterval } from '../domain/types';
import type { PersonKey } from '../store/repositories/people-repository';
import type { Store } from '../store/store';

/** The stored presence timeline of a person over a window (open intervals end at `now`). */
export async function presenceTimeline(store: Store, person: PersonKey, window: Interval, now: Date): Promise<PresenceInterval[]> {
  const rows = await store.db.selectFrom('presence_interval')
    .select(['availability', 'activity', 'start_at', 'end_at'])
    .where('tenant_id', '=', person.tenantId).where('user_id', '=', person.userId)
    .where('start_at', '<', new Date(window.end))
    .where((eb) => eb.or([eb('end_at', 'is', null), eb('end_at', '>', new Date(window.start))]))
    .orderBy('start_at')
    .execute();
  return rows
    .map((r) => ({
      availability: r.availability as Availability,
      activity: r.activity,
      start: r.start_at.getTime(),
      end: (r.end_at ?? now).getTime(),
    }))
    .filter((p) => p.end > p.start);
}
