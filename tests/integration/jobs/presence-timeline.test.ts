import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERIODIC } from '../../../server/src/jobs/runtime';
import { orgPolicyRepository } from '../../../server/src/store/repositories/org-policy-repository';
import { startJobsHarness, type JobsHarness } from './jobs-harness';

/**
 * The presence timeline end to end on one server: the opt-in route, the sampler against the demo
 * tenant's getPresencesByUserId (app-only token from its client-credentials grant), intervals of
 * changes in the store, retention, and the organisation's switch.
 */
let h: JobsHarness;
let ada: string;
let bob: string;

const intervals = (userId: string) => h.store.db.selectFrom('presence_interval').select(['availability', 'activity', 'start_at', 'end_at'])
  .where('user_id', '=', userId).orderBy('start_at').execute();

beforeAll(async () => {
  h = await startJobsHarness();
  [ada, bob] = h.tenant.org.people.filter((p) => !p.consentRequired).map((p) => p.id) as [string, string];
});
afterAll(() => h?.close());

describe('presence timeline', () => {
  it('is off until the person opts in, then available', async () => {
    expect((await h.api(ada, 'GET', '/api/me/presence-timeline')).body).toEqual({ enabled: false, since: null, available: true, reason: null });
    const on = await h.api(ada, 'PUT', '/api/me/presence-timeline', { enabled: true });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ enabled: true, available: true, reason: null });
    expect((await h.api(ada, 'PUT', '/api/me/presence-timeline', { enabled: 'yes' })).status).toBe(400);
  });

  it('samples opted-in people only, and stores changes as intervals, not samples', async () => {
    h.tenant.resetStats();
    await h.runNow(PERIODIC.sampling);
    expect(h.tenant.stats().graphRequests).toBe(1);
    const first = await intervals(ada);
    expect(first).toHaveLength(1);
    expect(first[0]!.end_at).toBeNull();
    expect(await intervals(bob)).toEqual([]);
    // The balance now rests on calendar and presence (honouredMinutes comes from the timeline).
    expect((await h.api(ada, 'GET', '/api/me/balance')).body.sources).toEqual({ calendar: true, presence: true });
    expect((await h.api(bob, 'GET', '/api/me/balance')).body.sources).toEqual({ calendar: true, presence: false });

    // Unchanged presence: a second cycle writes nothing.
    h.advance(60_000);
    await h.runNow(PERIODIC.sampling);
    expect(await intervals(ada)).toEqual(first);

    // A change (ada sets Do not disturb from another app): the open interval closes, the next opens.
    h.tenant.presence.setPreferredPresence(h.tenant.person(ada), { availability: 'DoNotDisturb', activity: 'DoNotDisturb', expiresAt: h.tenant.clock() + 3_600_000 });
    h.advance(60_000);
    await h.runNow(PERIODIC.sampling);
    const after = await intervals(ada);
    const current = h.tenant.presence.at(h.tenant.person(ada), h.tenant.clock());
    expect(after.at(-1)).toMatchObject({ availability: current.availability, activity: current.activity, end_at: null });
    if (current.availability !== first[0]!.availability || current.activity !== first[0]!.activity) {
      expect(after).toHaveLength(2);
      expect(after[0]!.end_at).toEqual(after[1]!.start_at);
    }
  });

  it('ends the current interval when the person opts out, and applies retention', async () => {
    await h.api(ada, 'PUT', '/api/me/presence-timeline', { enabled: false });
    expect((await intervals(ada)).every((i) => i.end_at !== null)).toBe(true);
    h.tenant.resetStats();
    await h.runNow(PERIODIC.sampling);
    expect(h.tenant.stats().graphRequests).toBe(0);

    const old = new Date(h.tenant.clock() - 40 * 86_400_000);
    await h.store.db.insertInto('presence_interval').values({ tenant_id: h.tenant.org.tenantId, user_id: ada, availability: 'Away', activity: 'Away', start_at: old, end_at: new Date(old.getTime() + 60_000) }).execute();
    await h.runNow(PERIODIC.retention);
    expect((await intervals(ada)).some((i) => i.start_at.getTime() === old.getTime())).toBe(false);
    expect((await intervals(ada)).length).toBeGreaterThan(0);
  });

  it('cannot be turned on where the organisation turned it off', async () => {
    await orgPolicyRepository(h.store.db).save(h.tenant.org.tenantId, { features: { presenceTimeline: false } }, { actorUserId: 'admin', action: 'policy.update', detail: {}, at: new Date(h.tenant.clock()) });
    const refused = await h.api(bob, 'PUT', '/api/me/presence-timeline', { enabled: true });
    // One code, one status (the error catalogue): feature_disabled is 403 wherever it is raised.
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('feature_disabled');
    expect((await h.api(bob, 'GET', '/api/me/presence-timeline')).body).toMatchObject({ available: false, reason: { code: 'feature_disabled' } });
    await orgPolicyRepository(h.store.db).save(h.tenant.org.tenantId, {}, { actorUserId: 'admin', action: 'policy.update', detail: {}, at: new Date(h.tenant.clock()) });
  });
});
