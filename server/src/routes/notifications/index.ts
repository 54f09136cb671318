import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphResponseError } from '../../graph/errors';
import { parseNotifications, type ReceivedNotification } from '../../graph/subscriptions';
import type { Jobs } from '../../jobs/runtime';
import { AppError } from '../../plugins/errors';
import { subscriptionRepository, type StoredNotification } from '../../store/repositories/subscription-repository';
import type { Store } from '../../store/store';

export interface NotificationRoutesOptions {
  store: Store;
  jobs: Pick<Jobs, 'notificationsArrived' | 'lifecycleArrived'>;
  now: () => Date;
}

/** Graph batches notifications; this is far more than it sends at once. */
const BODY_LIMIT = 1024 * 1024;

const querystring = {
  type: 'object',
  properties: { validationToken: { type: 'string', maxLength: 4096 } },
} as const;

/**
 * Where Graph posts presence change notifications (`/notifications/graph`) and lifecycle
 * notifications (`/notifications/graph/lifecycle`). No bearer token: a notification proves itself
 * with the `clientState` secret of its subscription, and one that does not is dropped. The
 * validation handshake echoes `validationToken` as text; notifications are stored, then answered
 * 202 — the work happens in jobs, well inside Graph's 3 seconds.
 */
export async function notificationRoutes(app: FastifyInstance, options: NotificationRoutesOptions): Promise<void> {
  const handler = (kind: 'change' | 'lifecycle') => async (request: FastifyRequest<{ Querystring: { validationToken?: string } }>, reply: FastifyReply) => {
    const token = request.query.validationToken;
    if (token !== undefined) return reply.code(200).type('text/plain; charset=utf-8').send(token);

    let received: ReceivedNotification[];
    try {
      received = parseNotifications(request.body);
    } catch (error) {
      if (error instanceof GraphResponseError) throw new AppError(400, 'invalid_notification', 'The body is not a Graph change notification collection.');
      throw error;
    }
    const { stored, lifecycle, dropped } = await authenticate(options.store, received, options.now());
    if (dropped > 0) request.log.warn({ dropped, kind }, 'graph notifications with an unknown subscription or a wrong clientState were dropped');
    await subscriptionRepository(options.store.db).addNotifications(stored);
    for (const job of lifecycle) await options.jobs.lifecycleArrived(job);
    reply.code(202).send();
    if (stored.length > 0) {
      options.jobs.notificationsArrived().catch((error: unknown) => request.log.error({ err: error }, 'could not queue the notification job'));
    }
    return reply;
  };

  const schema = { hide: true, querystring };
  app.post('/graph', { bodyLimit: BODY_LIMIT, schema }, handler('change'));
  app.post('/graph/lifecycle', { bodyLimit: BODY_LIMIT, schema }, handler('lifecycle'));
}

/** Keeps the notifications whose subscription is ours and whose clientState matches it. */
async function authenticate(store: Store, received: readonly ReceivedNotification[], now: Date) {
  const known = await subscriptionRepository(store.db).findMany([...new Set(received.map((n) => n.subscriptionId))]);
  const stored: StoredNotification[] = [];
  const lifecycle: { subscriptionId: string; event: NonNullable<ReceivedNotification['lifecycleEvent']> }[] = [];
  let dropped = 0;
  for (const n of received) {
    const sub = known.get(n.subscriptionId);
    if (!sub || !sameSecret(n.clientState, sub.clientState) || (n.tenantId !== undefined && n.tenantId.toLowerCase() !== sub.tenantId.toLowerCase())) {
      dropped += 1;
      continue;
    }
    if (n.lifecycleEvent) lifecycle.push({ subscriptionId: sub.id, event: n.lifecycleEvent });
    else if (n.userId) stored.push({ tenantId: sub.tenantId, userId: n.userId, subscriptionId: sub.id, receivedAt: now });
  }
  return { stored, lifecycle, dropped };
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
