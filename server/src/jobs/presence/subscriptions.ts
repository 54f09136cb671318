import { randomBytes } from 'node:crypto';
import { planSubscriptions, SUBSCRIPTION_LIFETIME_MS } from '../../domain/presence/subscription-plan';
import { chunkIds } from '../../domain/presence/sampling-plan';
import { appContext } from '../../graph/gateway';
import type { LifecycleEvent } from '../../graph/subscriptions';
import { presenceRepository } from '../../store/repositories/presence-repository';
import { subscriptionRepository } from '../../store/repositories/subscription-repository';
import type { JobDeps } from '../job-deps';
import { samplePresence } from './sample-presence';

export const NOTIFICATION_PATH = '/notifications/graph';
export const LIFECYCLE_PATH = '/notifications/graph/lifecycle';
export const LIFECYCLE_QUEUE = 'presence-lifecycle';

export interface LifecycleJob {
  subscriptionId: string;
  event: LifecycleEvent;
}

/**
 * Keeps one presence subscription per (at most) 650 opted-in people of each tenant: creates the
 * missing ones (Graph validates our endpoint first), renews those near their 60-minute expiry,
 * replaces those whose people changed, removes the rest. People whose subscription cannot be made
 * stay with polling. A new subscription starts with one sample of its people, since Graph only
 * tells about changes.
 */
export async function maintainSubscriptions(deps: JobDeps): Promise<void> {
  const base = deps.notificationBaseUrl;
  if (!base) return;
  const roster = await presenceRepository(deps.store.db).roster();
  const subs = subscriptionRepository(deps.store.db);
  const tenants = new Set([...roster.keys(), ...await subs.tenants()]);
  for (const tenantId of tenants) {
    const now = deps.now();
    const plan = planSubscriptions(await subs.held(tenantId), roster.get(tenantId) ?? [], now.getTime());
    const context = appContext(deps.tokens, tenantId);
    const attempt = async (what: string, run: () => Promise<void>) => {
      try {
        await run();
      } catch (error) {
        deps.log.warn({ tenantId, err: error }, `presence subscription: could not ${what}; polling covers these people`);
      }
    };
    for (const keep of plan.keep.filter((k) => k.renew)) {
      await attempt('renew', async () => {
        const renewed = await deps.graph.renewSubscription(context, keep.id, now.getTime() + SUBSCRIPTION_LIFETIME_MS);
        await subs.renewed(keep.id, new Date(renewed.expiresAt), now);
      });
    }
    for (const members of [...plan.create, ...plan.replace.map((r) => r.members)]) {
      await attempt('create', () => createSubscription(deps, tenantId, members, base));
    }
    for (const id of [...plan.replace.map((r) => r.id), ...plan.remove]) {
      await attempt('delete', async () => {
        await subs.remove(id);
        await deps.graph.deleteSubscription(context, id);
      });
    }
  }
}

async function createSubscription(deps: JobDeps, tenantId: string, members: string[], base: string): Promise<void> {
  const now = deps.now();
  const clientState = randomBytes(24).toString('base64url');
  const created = await deps.graph.createPresenceSubscription(appContext(deps.tokens, tenantId), {
    userIds: members,
    notificationUrl: `${base}${NOTIFICATION_PATH}`,
    lifecycleNotificationUrl: `${base}${LIFECYCLE_PATH}`,
    clientState,
    expiresAt: now.getTime() + SUBSCRIPTION_LIFETIME_MS,
  });
  await subscriptionRepository(deps.store.db).save({ id: created.id, tenantId, clientState, expiresAt: new Date(created.expiresAt) }, members, now);
  await samplePresence(deps, tenantId, members);
}

/**
 * A lifecycle notification: `reauthorizationRequired` renews the subscription (which
 * reauthorizes it); `subscriptionRemoved` forgets it and makes a new one; `missed` resamples its
 * people, as changes were lost.
 */
export async function handleLifecycle(deps: JobDeps, job: LifecycleJob): Promise<void> {
  const subs = subscriptionRepository(deps.store.db);
  const sub = await subs.find(job.subscriptionId);
  if (!sub) return;
  const now = deps.now();
  switch (job.event) {
    case 'reauthorizationRequired': {
      const renewed = await deps.graph.renewSubscription(appContext(deps.tokens, sub.tenantId), sub.id, now.getTime() + SUBSCRIPTION_LIFETIME_MS);
      await subs.renewed(sub.id, new Date(renewed.expiresAt), now);
      return;
    }
    case 'subscriptionRemoved':
      await subs.remove(sub.id);
      await maintainSubscriptions(deps);
      return;
    case 'missed':
      for (const chunk of chunkIds(await subs.members(sub.id))) await samplePresence(deps, sub.tenantId, chunk);
      return;
  }
}
