import { MAX_PRESENCE_IDS } from '../../domain/presence/sampling-plan';
import { presenceRepository } from '../../store/repositories/presence-repository';
import { subscriptionRepository } from '../../store/repositories/subscription-repository';
import type { JobDeps } from '../job-deps';
import { samplePresence } from './sample-presence';

export const NOTIFICATIONS_QUEUE = 'presence-notifications';

/**
 * Applies stored change notifications: Graph's basic presence notifications say only *who*
 * changed, so the people are sampled — at most 650 per request, within the tenant's budget — and
 * their timelines updated. People who opted out meanwhile are skipped.
 */
export async function drainNotifications(deps: JobDeps): Promise<number> {
  const subs = subscriptionRepository(deps.store.db);
  let applied = 0;
  for (;;) {
    const batch = await subs.takeNotifications(MAX_PRESENCE_IDS * 4);
    if (batch.length === 0) return applied;
    const roster = new Map([...await presenceRepository(deps.store.db).roster()].map(([t, ids]) => [t, new Set(ids)]));
    const byTenant = new Map<string, Set<string>>();
    for (const n of batch) {
      if (!roster.get(n.tenantId)?.has(n.userId)) continue;
      byTenant.set(n.tenantId, (byTenant.get(n.tenantId) ?? new Set()).add(n.userId));
    }
    for (const [tenantId, people] of byTenant) {
      const ids = [...people];
      for (let i = 0; i < ids.length; i += MAX_PRESENCE_IDS) {
        const outcome = await samplePresence(deps, tenantId, ids.slice(i, i + MAX_PRESENCE_IDS));
        if (outcome.applied) applied += outcome.changes;
      }
    }
  }
}
