import { randomUUID } from 'node:crypto';
import { DEMO_CLIENT_ID } from './constants';
import type { DemoOrg } from './org';
import type { PresenceStore } from './presence-store';

/** Graph: at most 650 ids in one presence subscription, and an hour of life. */
export const MAX_SUBSCRIPTION_IDS = 650;
export const MAX_PRESENCE_SUBSCRIPTION_MS = 60 * 60_000;
/** Graph gives an endpoint 10 s to answer the validation request, and expects notifications answered in 3 s. */
const VALIDATION_TIMEOUT_MS = 10_000;
const NOTIFICATION_TIMEOUT_MS = 10_000;
export const NOTIFICATION_ANSWER_MS = 3_000;

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

export interface DemoSubscription {
  id: string;
  resource: string;
  userIds: string[];
  notificationUrl: string;
  lifecycleNotificationUrl: string | undefined;
  clientState: string | undefined;
  expiresAt: number;
  createdAt: number;
  /** Set after a delivery failed: the next sweep sends a `missed` lifecycle notification. */
  missed: boolean;
}

/** One POST the demo made to a subscriber, for tests. */
export interface Delivery {
  subscriptionId: string;
  kind: 'validation' | 'change' | 'lifecycle';
  url: string;
  status: number;
  ms: number;
  /** For changes: who; for lifecycle: the event. */
  detail: string[];
}

interface Observed {
  availability: string;
  activity: string;
  message: string;
}

export interface SubscriptionStoreOptions {
  org: DemoOrg;
  presence: PresenceStore;
  clock: () => number;
  /** How often presence of subscribed people is compared with what was last notified. Default 30 s; 0: only when `sweep` is called. */
  sweepMs?: number;
}

/**
 * Presence change-notification subscriptions of the demo tenant, delivered for real over HTTP:
 * creating one first sends the validation request to its URLs (200 with the token as text within
 * 10 s, or it fails), then every change of a subscribed person's availability, activity or status
 * message is posted to `notificationUrl` as Graph's basic presence notification (who changed,
 * with the subscription's `clientState`). Changes an app makes are sent at once; changes that
 * come from the calendar and the clock are found by a periodic sweep. A delivery that fails is
 * followed by a `missed` lifecycle notification; lifecycle events can also be sent on demand.
 */
export class SubscriptionStore {
  private readonly subs = new Map<string, DemoSubscription>();
  private readonly last = new Map<string, Map<string, Observed>>();
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  readonly deliveries: Delivery[] = [];

  constructor(private readonly options: SubscriptionStoreOptions) {
    options.presence.onChange((change) => {
      void this.sweep(this.options.clock(), new Set([change.personId])).catch(() => {});
    });
  }

  list(): DemoSubscription[] {
    return [...this.subs.values()];
  }

  get(id: string): DemoSubscription | undefined {
    const sub = this.subs.get(id);
    return sub && sub.expiresAt > this.options.clock() ? sub : undefined;
  }

  /** Validates the endpoints (throws `SubscriptionValidationError` if one fails), then stores. */
  async create(input: Omit<DemoSubscription, 'id' | 'createdAt' | 'missed'>): Promise<DemoSubscription> {
    const id = randomUUID();
    await this.validate(id, input.notificationUrl);
    if (input.lifecycleNotificationUrl && input.lifecycleNotificationUrl !== input.notificationUrl) await this.validate(id, input.lifecycleNotificationUrl);
    const now = this.options.clock();
    const sub: DemoSubscription = { ...input, id, createdAt: now, missed: false };
    this.subs.set(id, sub);
    this.last.set(id, new Map(sub.userIds.flatMap((u) => {
      const person = this.options.org.find(u);
      return person ? [[u, this.observe(person, now)] as const] : [];
    })));
    this.ensureTimer();
    return sub;
  }

  renew(id: string, expiresAt: number): DemoSubscription | undefined {
    const sub = this.get(id);
    if (sub) sub.expiresAt = expiresAt;
    return sub;
  }

  remove(id: string): boolean {
    this.last.delete(id);
    return this.subs.delete(id);
  }

  /** Sends a lifecycle notification (as Graph would), e.g. `reauthorizationRequired`; `subscriptionRemoved` also deletes it. */
  async lifecycle(id: string, event: LifecycleEvent): Promise<number> {
    const sub = this.subs.get(id);
    if (!sub?.lifecycleNotificationUrl) return 0;
    const status = await this.post(sub, 'lifecycle', sub.lifecycleNotificationUrl, [{
      subscriptionId: sub.id,
      subscriptionExpirationDateTime: new Date(sub.expiresAt).toISOString(),
      tenantId: this.options.org.tenantId,
      clientState: sub.clientState ?? null,
      lifecycleEvent: event,
    }], [event]);
    if (event === 'subscriptionRemoved') this.remove(id);
    return status;
  }

  /**
   * Compares subscribed people's presence now with what was last notified and posts the changes,
   * one request per subscription. Resolves when every delivery was answered.
   */
  async sweep(now: number = this.options.clock(), only?: ReadonlySet<string>): Promise<void> {
    const previous = this.sweeping;
    const run = (async () => {
      await previous;
      for (const sub of [...this.subs.values()]) {
        if (sub.expiresAt <= now) {
          this.remove(sub.id);
          continue;
        }
        if (sub.missed && sub.lifecycleNotificationUrl) {
          sub.missed = false;
          await this.lifecycle(sub.id, 'missed');
        }
        const seen = this.last.get(sub.id) ?? new Map<string, Observed>();
        const changed: string[] = [];
        for (const userId of sub.userIds) {
          if (only && !only.has(userId)) continue;
          const person = this.options.org.find(userId);
          if (!person) continue;
          const state = this.observe(person, now);
          const before = seen.get(userId);
          seen.set(userId, state);
          if (!before || before.availability !== state.availability || before.activity !== state.activity || before.message !== state.message) changed.push(userId);
        }
        this.last.set(sub.id, seen);
        if (changed.length > 0) await this.notifyChanges(sub, changed);
      }
    })();
    this.sweeping = run.catch(() => {});
    return run;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private ensureTimer(): void {
    const every = this.options.sweepMs ?? 30_000;
    if (this.timer || every <= 0) return;
    this.timer = setInterval(() => {
      if (this.subs.size === 0) return this.stop();
      void this.sweep().catch(() => {});
    }, every).unref();
  }

  private observe(person: Parameters<PresenceStore['at']>[0], now: number): Observed {
    const p = this.options.presence.at(person, now);
    return { availability: p.availability, activity: p.activity, message: p.statusMessage?.content ?? '' };
  }

  private async notifyChanges(sub: DemoSubscription, userIds: string[]): Promise<void> {
    const value = userIds.map((userId) => ({
      subscriptionId: sub.id,
      clientState: sub.clientState ?? null,
      changeType: 'updated',
      resource: `communications/presences?$filter=id+in+(%27${userId}%27)`,
      subscriptionExpirationDateTime: new Date(sub.expiresAt).toISOString(),
      resourceData: { '@odata.type': '#Microsoft.Graph.presence', '@odata.id': `users/${userId}/presence`, id: userId },
      tenantId: this.options.org.tenantId,
    }));
    const status = await this.post(sub, 'change', sub.notificationUrl, value, userIds);
    if (status < 200 || status >= 300) sub.missed = true;
  }

  private async post(sub: DemoSubscription, kind: 'change' | 'lifecycle', url: string, value: unknown[], detail: string[]): Promise<number> {
    const started = Date.now();
    let status = 0;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ value }),
        signal: AbortSignal.timeout(NOTIFICATION_TIMEOUT_MS),
      });
      status = response.status;
      await response.body?.cancel();
    } catch {
      status = 0;
    }
    this.deliveries.push({ subscriptionId: sub.id, kind, url, status, ms: Date.now() - started, detail });
    return status;
  }

  private async validate(id: string, url: string): Promise<void> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const started = Date.now();
    let status = 0;
    let body = '';
    let type = '';
    try {
      const response = await fetch(`${url}${url.includes('?') ? '&' : '?'}validationToken=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
      });
      status = response.status;
      type = response.headers.get('content-type') ?? '';
      body = await response.text();
    } catch {
      status = 0;
    }
    this.deliveries.push({ subscriptionId: id, kind: 'validation', url, status, ms: Date.now() - started, detail: [] });
    if (status !== 200 || body !== token || !type.startsWith('text/plain')) {
      throw new SubscriptionValidationError(`Subscription validation request failed. Notification endpoint must respond with 200 OK and the validation token as text/plain (got ${status || 'no answer'}).`);
    }
  }
}

export class SubscriptionValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubscriptionValidationError';
  }
}

/** The app id a subscription reports (the demo's Unplug registration). */
export const SUBSCRIPTION_APPLICATION_ID = DEMO_CLIENT_ID;
