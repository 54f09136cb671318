import { MAX_PRESENCE_SUBSCRIPTION_MS, MAX_SUBSCRIPTION_IDS, SUBSCRIPTION_APPLICATION_ID, SubscriptionValidationError, type DemoSubscription } from '../subscriptions';
import { GRAPH_METADATA, GraphError, badRequest, noContent, ok } from './answer';
import type { GraphCall } from './call';
import type { GraphContext, GraphRoute } from './context';

/**
 * `/subscriptions` for presence. Microsoft documents presence subscriptions as delegated only
 * (`Presence.Read.All`; "Application: Not supported",
 * https://learn.microsoft.com/en-us/graph/changenotifications-for-presence): the permissions come
 * from the rows in `graph/graph-calls.ts`, so an app-only token is refused as Graph refuses it.
 * Unplug itself makes no subscriptions (it polls presence); these routes stay so the demo tenant
 * answers such a request as Microsoft 365 does.
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function store(ctx: GraphContext) {
  if (!ctx.subscriptions) throw new GraphError(501, 'NotImplemented', 'This demo tenant has no subscriptions.');
  return ctx.subscriptions;
}

/** `/communications/presences?$filter=id in ('…')` or `communications/presences/{id}` → ids. */
export function presenceSubscriptionIds(resource: string): string[] {
  const path = resource.replace(/^\/+/, '');
  const single = /^communications\/presences\/([^/?]+)$/i.exec(path);
  if (single) return [decodeURIComponent(single[1]!)];
  const q = path.indexOf('?');
  if (q < 0 || path.slice(0, q).toLowerCase() !== 'communications/presences') throw badRequest(`Unsupported resource '${resource}': only presence subscriptions exist in the demo tenant.`, 'InvalidRequest');
  const filter = new URLSearchParams(path.slice(q + 1)).get('$filter') ?? '';
  const list = /^\s*id\s+in\s*\((.*)\)\s*$/i.exec(filter);
  if (!list) throw badRequest("The presence resource needs $filter=id in ('…').", 'InvalidRequest');
  return list[1]!.split(',').map((s) => s.trim().replace(/^'(.*)'$/, '$1')).filter((s) => s !== '');
}

export function renderSubscription(sub: DemoSubscription): Record<string, unknown> {
  return {
    '@odata.context': `${GRAPH_METADATA}#subscriptions/$entity`,
    id: sub.id,
    resource: sub.resource,
    applicationId: SUBSCRIPTION_APPLICATION_ID,
    changeType: 'updated',
    clientState: sub.clientState ?? null,
    notificationUrl: sub.notificationUrl,
    lifecycleNotificationUrl: sub.lifecycleNotificationUrl ?? null,
    expirationDateTime: new Date(sub.expiresAt).toISOString(),
    creatorId: SUBSCRIPTION_APPLICATION_ID,
    includeResourceData: false,
    latestSupportedTlsVersion: 'v1_2',
    notificationContentType: 'application/json',
  };
}

function expiry(call: GraphCall, raw: unknown): number {
  const at = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(at)) throw badRequest("'expirationDateTime' must be a date and time.", 'InvalidRequest');
  if (at <= call.now) throw badRequest('Subscription expiration must be in the future.', 'InvalidRequest');
  if (at > call.now + MAX_PRESENCE_SUBSCRIPTION_MS + 60_000) throw badRequest('Subscription expiration can only be 60 minutes in the future.', 'InvalidRequest');
  return at;
}

function url(raw: unknown, name: string): string {
  if (typeof raw !== 'string') throw badRequest(`'${name}' is required.`, 'InvalidRequest');
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw badRequest(`'${name}' must be an absolute URL.`, 'InvalidRequest');
  }
  // Graph requires https; the demo also takes http on loopback, where tests listen.
  const loopback = parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !loopback) throw badRequest(`'${name}' must be an https URL.`, 'InvalidRequest');
  return raw;
}

async function create(call: GraphCall, ctx: GraphContext) {
  const body = (call.body ?? {}) as Record<string, unknown>;
  if (body.changeType !== 'updated') throw badRequest("Presence subscriptions support changeType 'updated' only.", 'InvalidRequest');
  if (typeof body.resource !== 'string') throw badRequest("'resource' is required.", 'InvalidRequest');
  const userIds = presenceSubscriptionIds(body.resource);
  if (userIds.length === 0 || userIds.length > MAX_SUBSCRIPTION_IDS) throw badRequest(`A presence subscription covers 1 to ${MAX_SUBSCRIPTION_IDS} user ids (got ${userIds.length}).`, 'InvalidRequest');
  const bad = userIds.find((id) => !GUID.test(id));
  if (bad !== undefined) throw badRequest(`'${bad}' is not a valid user object id (a GUID).`, 'InvalidRequest');
  if (body.clientState !== undefined && body.clientState !== null && (typeof body.clientState !== 'string' || body.clientState.length > 128)) {
    throw badRequest("'clientState' must be text of at most 128 characters.", 'InvalidRequest');
  }
  try {
    const sub = await store(ctx).create({
      resource: body.resource,
      userIds: userIds.map((id) => id.toLowerCase()),
      notificationUrl: url(body.notificationUrl, 'notificationUrl'),
      lifecycleNotificationUrl: body.lifecycleNotificationUrl === undefined || body.lifecycleNotificationUrl === null ? undefined : url(body.lifecycleNotificationUrl, 'lifecycleNotificationUrl'),
      clientState: typeof body.clientState === 'string' ? body.clientState : undefined,
      expiresAt: expiry(call, body.expirationDateTime),
    });
    return ok(renderSubscription(sub), 201);
  } catch (error) {
    if (error instanceof SubscriptionValidationError) throw badRequest(error.message, 'ValidationError');
    throw error;
  }
}

function found(ctx: GraphContext, id: string): DemoSubscription {
  const sub = store(ctx).get(id);
  if (!sub) throw new GraphError(404, 'ResourceNotFound', `The object was not found (subscription '${id}').`);
  return sub;
}

export const subscriptionRoutes: GraphRoute[] = [
  { method: 'POST', pattern: 'subscriptions', call: 'create presence subscription', handler: (call, ctx) => create(call, ctx) },
  { method: 'GET', pattern: 'subscriptions/:subscriptionId', call: 'get presence subscription', handler: (_call, ctx, { values }) => ok(renderSubscription(found(ctx, values.subscriptionId!))) },
  {
    method: 'PATCH', pattern: 'subscriptions/:subscriptionId', call: 'renew presence subscription',
    handler: (call, ctx, { values }) => {
      const sub = found(ctx, values.subscriptionId!);
      const at = expiry(call, (call.body as { expirationDateTime?: unknown } | undefined)?.expirationDateTime);
      return ok(renderSubscription(store(ctx).renew(sub.id, at) ?? sub));
    },
  },
  {
    method: 'DELETE', pattern: 'subscriptions/:subscriptionId', call: 'delete presence subscription',
    handler: (_call, ctx, { values }) => {
      found(ctx, values.subscriptionId!);
      store(ctx).remove(values.subscriptionId!);
      return noContent();
    },
  },
  {
    method: 'POST', pattern: 'subscriptions/:subscriptionId/reauthorize', call: 'reauthorize presence subscription',
    handler: (_call, ctx, { values }) => {
      found(ctx, values.subscriptionId!);
      return noContent();
    },
  },
];
