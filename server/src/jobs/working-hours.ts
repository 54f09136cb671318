import type { WorkingHours } from '../domain/types';
import { DAY_MS } from '../domain/time/local-date';
import { appContext } from '../graph/gateway';
import type { PersonKey } from '../store/repositories/people-repository';
import { statusRepository } from '../store/repositories/status-repository';
import type { JobDeps } from './job-deps';

/** Working hours read from the mailbox are reused for a day. */
const WORKING_HOURS_TTL_MS = DAY_MS;

/**
 * A person's working hours for a background job: from the store if fresh, else read from their
 * mailbox as the app (and kept); the stale copy when the read fails; `undefined` with none.
 */
export async function workingHoursFor(deps: JobDeps, person: PersonKey, cached: { workingHours: Record<string, unknown>; fetchedAt: Date } | undefined): Promise<WorkingHours | undefined> {
  const now = deps.now();
  if (cached && now.getTime() - cached.fetchedAt.getTime() < WORKING_HOURS_TTL_MS) return cached.workingHours as unknown as WorkingHours;
  try {
    const hours = await deps.graph.getWorkingHours(appContext(deps.tokens, person.tenantId), person.userId);
    await statusRepository(deps.store.db).saveWorkingHours(person, hours as unknown as Record<string, unknown>, now);
    return hours;
  } catch (error) {
    deps.log.warn({ tenantId: person.tenantId, err: error }, 'could not read working hours');
    return cached?.workingHours as unknown as WorkingHours | undefined;
  }
}
