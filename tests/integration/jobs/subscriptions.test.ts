import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERIODIC } from '../../../server/src/jobs/runtime';
import { presenceRepository } from '../../../server/src/store/repositories/presence-repository';
import { subscriptionRepository } from '../../../server/src/store/repositories/subscription-repository';
import type { DemoPerson } from '../../../server/src/demo/org';
import { startJobsHarness, waitFor, type JobsHarness } from './jobs-harness';

/**
 * Presence change notifications for real: the server subscribes at the demo tenant, which first
 * checks the endpoint with a validation request, then posts notifications to it over HTTP when
 * presence changes; the server checks `clientState`, stores, answers 202 within 3 s, and a job
 * applies them. Renewal, and the lifecycle notifications (reauthorizationRequired,
 * subscriptionRemoved, missed), too. In tests the endpoint is the server's own http URL on
 * loopback; in production it must be the https PUBLIC_BASE_URL.
 */
const MINUTE = 60_000;
let h: JobsHarness;
let people: DemoPerson[];

const subs = () => subscriptionRepository(h.store.db);
const currentOf = async (userId: string) => (await presenceRepository(h.store.db).openIntervals(h.tenant.org.tenantId, [userId]))[0];
const getPresenceCalls = () => h.tenant.stats().graphRequests;

beforeAll(async () => {
  h = await startJobsHarness({ notifications: true });
  people = h.tenant.org.people.filter((p) => !p.consentRequired).slice(0, 3);
  for (const p of people) await presenceRepository(h.store.db).optIn({ tenantId: h.tenant.org.tenantId, userId: p.id }, new Date(h.tenant.clock()));
});
afterAll(() => h?.close());

describe('the notification endpoint', () => {
  it('answers the validation handshake with the token as text', async () => {
    const token = 'Validation: Testing client application reachability for subscription Request-Id: 1 & ünïcode';
    const res = await fetch(`${h.base}/notifications/graph?validationToken=${encodeURIComponent(token)}`, { method: 'POST', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe(token);
  });

  it('refuses a body that is not a notification collection', async () => {
    const res = await fetch(`${h.base}/notifications/graph`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hello":1}' });
    expect(res.status).toBe(400);
    expect((await res.json() as { error: { code: string } }).error.code).toBe('invalid_notification');
  });
});

describe('presence subscriptions', () => {
  it('replace polling: one subscription for the opted-in people, validated, then one sample to start from', async () => {
    await h.runNow(PERIODIC.subscriptions);
    const [sub] = h.tenant.subscriptions.list();
    expect(h.tenant.subscriptions.list()).toHaveLength(1);
    expect([...sub!.userIds].sort()).toEqual(people.map((p) => p.id).sort());
    expect(sub!.notificationUrl).toBe(`${h.base}/notifications/graph`);
    expect(h.tenant.subscriptions.deliveries.filter((d) => d.kind === 'validation').map((d) => d.status)).toEqual([200, 200]);
    expect(await subs().held(h.tenant.org.tenantId)).toHaveLength(1);
    for (const p of people) expect(await currentOf(p.id)).toBeDefined();

    const before = getPresenceCalls();
    await h.runNow(PERIODIC.sampling);
    expect(getPresenceCalls()).toBe(before);
  });

  it('takes a change notification: clientState checked, stored, 202 within 3 s, then applied', async () => {
    const person = people[0]!;
    const was = await currentOf(person.id);
    h.tenant.presence.setStatusMessage(person, { content: 'brb', contentType: 'text', expiresAt: undefined, expiryTimeZone: 'UTC', publishedAt: h.tenant.clock() });
    h.tenant.presence.setPreferredPresence(person, { availability: 'Busy', activity: 'Busy', expiresAt: h.tenant.clock() + 3_600_000 });
    await h.tenant.subscriptions.sweep();
    const changes = h.tenant.subscriptions.deliveries.filter((d) => d.kind === 'change');
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((d) => d.status === 202 && d.ms < 3000)).toBe(true);

    const shows = h.tenant.presence.at(person, h.tenant.clock());
    const now = await waitFor(async () => {
      const current = await currentOf(person.id);
      return current && current.availability === shows.availability && current.activity === shows.activity && current;
    }, 10_000, 'the notified change in the timeline');
    if (was!.availability !== shows.availability || was!.activity !== shows.activity) expect(now.start).toBeGreaterThan(was!.start);
    expect(await subs().pendingNotifications()).toBe(0);
  });

  it('drops notifications with a wrong clientState or an unknown subscription', async () => {
    const [sub] = h.tenant.subscriptions.list();
    const post = (clientState: string, subscriptionId = sub!.id) => fetch(`${h.base}/notifications/graph`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value: [{ subscriptionId, clientState, changeType: 'updated', resource: 'x', tenantId: h.tenant.org.tenantId, resourceData: { id: people[1]!.id } }] }),
    });
    expect((await post('not-the-secret')).status).toBe(202);
    expect((await post(sub!.clientState!, 'c0ffee00-0000-0000-0000-000000000000')).status).toBe(202);
    expect(await subs().pendingNotifications()).toBe(0);
  });

  it('renews a subscription before its 60-minute expiry', async () => {
    const [sub] = h.tenant.subscriptions.list();
    // Fifteen minutes left, as far as the server knows: time to renew.
    await h.store.db.updateTable('presence_subscription').set({ expires_at: new Date(h.now() + 15 * MINUTE) }).where('id', '=', sub!.id).execute();
    const expiresAt = sub!.expiresAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await h.runNow(PERIODIC.subscriptions);
    expect(h.tenant.subscriptions.list()[0]!.id).toBe(sub!.id);
    expect(h.tenant.subscriptions.list()[0]!.expiresAt).toBeGreaterThan(expiresAt);
    expect((await subs().find(sub!.id))!.expiresAt.getTime()).toBe(h.tenant.subscriptions.list()[0]!.expiresAt);
  });

  it('handles reauthorizationRequired (renews), missed (resamples) and subscriptionRemoved (subscribes again)', async () => {
    const [sub] = h.tenant.subscriptions.list();
    const renewedBefore = (await subs().find(sub!.id))!.expiresAt.getTime();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await h.tenant.subscriptions.lifecycle(sub!.id, 'reauthorizationRequired')).toBe(202);
    await waitFor(async () => (await subs().find(sub!.id))!.expiresAt.getTime() > renewedBefore, 10_000, 'renewal after reauthorizationRequired');

    const calls = getPresenceCalls();
    expect(await h.tenant.subscriptions.lifecycle(sub!.id, 'missed')).toBe(202);
    await waitFor(() => getPresenceCalls() > calls, 10_000, 'a resync after missed');

    expect(await h.tenant.subscriptions.lifecycle(sub!.id, 'subscriptionRemoved')).toBe(202);
    const replacement = await waitFor(() => h.tenant.subscriptions.list().find((s) => s.id !== sub!.id), 10_000, 'a new subscription');
    expect([...replacement.userIds].sort()).toEqual(people.map((p) => p.id).sort());
    expect(await subs().find(sub!.id)).toBeUndefined();
  });

  it('resamples after a delivery failed (Graph says missed)', async () => {
    const [sub] = h.tenant.subscriptions.list();
    const calls = getPresenceCalls();
    sub!.notificationUrl = `${h.base}/nowhere`;
    h.tenant.presence.setStatusMessage(people[2]!, { content: 'lunch', contentType: 'text', expiresAt: undefined, expiryTimeZone: 'UTC', publishedAt: h.tenant.clock() });
    await h.tenant.subscriptions.sweep();
    expect(h.tenant.subscriptions.deliveries.some((d) => d.kind === 'change' && d.status === 404 && d.detail.includes(people[2]!.id))).toBe(true);
    sub!.notificationUrl = `${h.base}/notifications/graph`;
    await h.tenant.subscriptions.sweep();
    expect(h.tenant.subscriptions.deliveries.some((d) => d.kind === 'lifecycle' && d.detail[0] === 'missed' && d.status === 202)).toBe(true);
    await waitFor(() => getPresenceCalls() > calls, 10_000, 'a resync after the missed notification');
  });

  it('ends a subscription when its people opt out, and polling takes over for whoever is left', async () => {
    for (const p of people.slice(1)) await presenceRepository(h.store.db).optOut({ tenantId: h.tenant.org.tenantId, userId: p.id }, new Date(h.tenant.clock()));
    await h.runNow(PERIODIC.subscriptions);
    const [only] = h.tenant.subscriptions.list();
    expect(h.tenant.subscriptions.list()).toHaveLength(1);
    expect(only!.userIds).toEqual([people[0]!.id]);
  });
});
