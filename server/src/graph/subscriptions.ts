import type { Instant } from '../domain/types';
import { GraphRequestError, GraphResponseError } from './errors';
import type { GraphHttp } from './graph-client';
import { asArray, asObject, optionalString, requiredString } from './json-reader';

/** Graph's limit of ids in one presence subscription's `$filter`. */
export const MAX_SUBSCRIPTION_IDS = 650;

export interface PresenceSubscriptionInput {
  userIds: readonly string[];
  /** Where Graph posts change notifications (https in production). */
  notificationUrl: string;
  lifecycleNotificationUrl: string;
  /** A secret Graph echoes back in every notification. */
  clientState: string;
  expiresAt: Instant;
}

export interface CreatedSubscription {
  id: string;
  expiresAt: Instant;
}

/** `/communications/presences?$filter=id in ('…','…')` for at most 650 ids. */
export function presenceResource(userIds: readonly string[]): string {
  if (userIds.length === 0 || userIds.length > MAX_SUBSCRIPTION_IDS) throw new RangeError(`A presence subscription covers 1 to ${MAX_SUBSCRIPTION_IDS} people (got ${userIds.length})`);
  return `/communications/presences?$filter=id in (${userIds.map((id) => `'${id.replace(/'/g, "''")}'`).join(',')})`;
}

/**
 * Subscribes to presence changes of up to 650 people (`changeType: updated`). Graph first checks
 * both URLs with a validation request, so this returns only once they answered.
 */
export async function createPresenceSubscription(http: GraphHttp, input: PresenceSubscriptionInput): Promise<CreatedSubscription> {
  const raw = await http.post('/subscriptions', {
    changeType: 'updated',
    notificationUrl: input.notificationUrl,
    lifecycleNotificationUrl: input.lifecycleNotificationUrl,
    resource: presenceResource(input.userIds),
    expirationDateTime: new Date(input.expiresAt).toISOString(),
    clientState: input.clientState,
  });
  return mapSubscription(raw, 'subscription');
}

/** Moves a subscription's expiry (renewal; also what a `reauthorizationRequired` asks for). */
export async function renewSubscription(http: GraphHttp, id: string, expiresAt: Instant): Promise<CreatedSubscription> {
  const raw = await http.patch(`/subscriptions/${encodeURIComponent(id)}`, { expirationDateTime: new Date(expiresAt).toISOString() });
  return mapSubscription(raw, 'subscription');
}

/** Deletes a subscription; one Graph no longer has counts as deleted. */
export async function deleteSubscription(http: GraphHttp, id: string): Promise<void> {
  try {
    await http.delete(`/subscriptions/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 404) return;
    throw error;
  }
}

function mapSubscription(raw: unknown, path: string): CreatedSubscription {
  const body = asObject(raw, path);
  const expiresAt = Date.parse(requiredString(body, 'expirationDateTime', path));
  if (Number.isNaN(expiresAt)) throw new GraphResponseError(`${path}.expirationDateTime: not a date and time`);
  return { id: requiredString(body, 'id', path), expiresAt };
}

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

/** One item of a notification Graph posted to us, as far as Unplug reads it. */
export interface ReceivedNotification {
  subscriptionId: string;
  clientState: string | undefined;
  tenantId: string | undefined;
  /** Set for lifecycle notifications. */
  lifecycleEvent: LifecycleEvent | undefined;
  /** The person whose presence changed (`resourceData.id`), for change notifications. */
  userId: string | undefined;
}

const LIFECYCLE: readonly string[] = ['reauthorizationRequired', 'subscriptionRemoved', 'missed'];

/**
 * A `changeNotificationCollection` body. Items that cannot be read are dropped one by one (Graph
 * batches notifications of many subscriptions; one odd item must not lose the others).
 */
export function parseNotifications(raw: unknown): ReceivedNotification[] {
  const body = asObject(raw, 'notifications');
  const out: ReceivedNotification[] = [];
  for (const [i, item] of asArray(body['value'], 'notifications.value').entries()) {
    try {
      const n = asObject(item, `notifications.value[${i}]`);
      const path = `notifications.value[${i}]`;
      const lifecycle = optionalString(n, 'lifecycleEvent', path);
      const data = n['resourceData'];
      const userId = data && typeof data === 'object' ? optionalString(data as Record<string, unknown>, 'id', `${path}.resourceData`) : undefined;
      out.push({
        subscriptionId: requiredString(n, 'subscriptionId', path),
        clientState: optionalString(n, 'clientState', path),
        tenantId: optionalString(n, 'tenantId', path),
        lifecycleEvent: lifecycle !== undefined && LIFECYCLE.includes(lifecycle) ? lifecycle as LifecycleEvent : undefined,
        userId: userId ?? userIdFromResource(optionalString(n, 'resource', path)),
      });
    } catch (error) {
      if (!(error instanceof GraphResponseError)) throw error;
    }
  }
  return out;
}

/** `users/{id}/presence` or `communications/presences/{id}` → id. */
function userIdFromResource(resource: string | undefined): string | undefined {
  const m = resource && /(?:users\/|presences\/|presences\(')([0-9a-f-]{36})/i.exec(resource);
  return m ? m[1] : undefined;
}
