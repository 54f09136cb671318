import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoPerson } from '../../../server/src/demo/org';
import { PERIODIC } from '../../../server/src/jobs/runtime';
import { presenceRepository } from '../../../server/src/store/repositories/presence-repository';
import { startJobsHarness, type JobsHarness } from './jobs-harness';

/**
 * Presence change notifications are delegated only in Microsoft 365 ("Application: Not
 * supported", https://learn.microsoft.com/en-us/graph/changenotifications-for-presence), and the
 * background jobs act as the app: so they poll with getPresencesByUserId and never subscribe. The
 * demo tenant refuses an app-only presence subscription as Graph does.
 */
let h: JobsHarness;
let people: DemoPerson[];

beforeAll(async () => {
  h = await startJobsHarness();
  people = h.tenant.org.people.filter((p) => !p.consentRequired).slice(0, 3);
  for (const p of people) await presenceRepository(h.store.db).optIn({ tenantId: h.tenant.org.tenantId, userId: p.id }, new Date());
});
afterAll(() => h?.close());

describe('presence for the timeline', () => {
  it('is polled: a sampling cycle asks getPresencesByUserId, and no subscription is ever made', async () => {
    const before = h.tenant.stats().graphRequests;
    await h.runNow(PERIODIC.sampling);
    expect(h.tenant.stats().graphRequests).toBeGreaterThan(before);
    for (const p of people) expect((await presenceRepository(h.store.db).openIntervals(h.tenant.org.tenantId, [p.id]))[0]).toBeDefined();
    expect(h.tenant.subscriptions.list()).toEqual([]);
    expect(Object.keys(PERIODIC)).not.toContain('subscriptions');
  });

  it('has no notification endpoint for Graph to post to', async () => {
    const res = await fetch(`${h.base}/notifications/graph?validationToken=x`, { method: 'POST', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(404);
  });
});

describe('an app-only presence subscription at the demo tenant', () => {
  const subscribe = async (token: string) => fetch(`${h.base}/demo/graph/v1.0/subscriptions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      changeType: 'updated',
      notificationUrl: `${h.base}/notifications/graph`,
      resource: `/communications/presences?$filter=id in ('${people[0]!.id}')`,
      expirationDateTime: new Date(Date.now() + 30 * 60_000).toISOString(),
      clientState: 'secret',
    }),
  });

  it("is refused with Graph's 403, even with Presence.ReadWrite.All granted", async () => {
    const { token } = await h.tenant.appToken();
    const res = await subscribe(token);
    expect(res.status).toBe(403);
    const body = await res.json() as { error: { code: string; message: string; innerError: Record<string, string> } };
    expect(body.error.code).toBe('ExtensionError');
    expect(body.error.message).toMatch(/^Operation: Create; Exception: \[Status Code: Forbidden; Reason: The request is not authorized/);
    expect(body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.tenant.registration.application).toContain('Presence.ReadWrite.All');
    expect(h.tenant.subscriptions.list()).toEqual([]);
  });

  it('is refused for a delegated token without Presence.Read.All too (the registration asks Presence.Read only)', async () => {
    const { token } = await h.tenant.graphToken(people[0]!.id);
    const res = await subscribe(token);
    expect(res.status).toBe(403);
    expect((await res.json() as { error: { code: string } }).error.code).toBe('ExtensionError');
  });
});
