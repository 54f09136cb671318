import { PRESENCE_RATE_LIMIT } from '../domain/presence/rate-budget';
import { jobRepository } from '../store/repositories/job-repository';
import type { JobDeps } from './job-deps';

/** The budget every `getPresencesByUserId` of a tenant draws on, whichever job or instance sends it. */
export const PRESENCE_BUDGET = 'getPresencesByUserId';

/** Waits for a slot in the tenant's presence budget (1500 requests per 30 s, shared by all instances). */
export async function presenceSlot(deps: Pick<JobDeps, 'store' | 'now' | 'sleep'>, tenantId: string): Promise<void> {
  const waitMs = await jobRepository(deps.store.db).reserveRequest(tenantId, PRESENCE_BUDGET, PRESENCE_RATE_LIMIT, deps.now());
  if (waitMs > 0) await deps.sleep(waitMs);
}
