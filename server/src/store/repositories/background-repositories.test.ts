import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESENCE_RATE_LIMIT } from '../../domain/presence/rate-budget';
import { timelineChanges } from '../../domain/presence/timeline-changes';
import type { Store } from '../store';
import { testBackends } from '../test-backends';
import { jobRepository } from './job-repository';
import { orgPolicyRepository } from './org-policy-repository';
import { peopleRepository } from './people-repository';
import { presenceRepository } from './presence-repository';
import { statusRepository } from './status-repository';
import { subscriptionRepository } from './subscription-repository';

const now = new Date('2026-03-02T09:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const T = 'tenant-a';

describe.each(testBackends)('background-job repositories on $name', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ store, cleanup } = await backend.open()));
  afterAll(async () => cleanup?.());

  it('lets exactly one of many concurrent claims run a due job, and runs an overdue one once', async () => {
    const jobs = jobRepository(store.db);
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => jobs.claimDue('sample', 300_000, now, `instance-${i}`)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await jobs.claimDue('sample', 300_000, later(4), 'x')).toBe(false);
    await jobs.setNextDue('sample', later(-600)); // due ten hours ago: the server was down
    expect(await jobs.claimDue('sample', 300_000, later(5), 'x')).toBe(true);
    expect(await jobs.claimDue('sample', 300_000, later(6), 'x')).toBe(false);
    expect(await jobs.schedule('sample')).toMatchObject({ nextDueAt: later(10), lastRunAt: later(5), lastRunBy: 'x' });
  });

  it('spaces requests of one tenant budget, whoever asks', async () => {
    const jobs = jobRepository(store.db);
    const waits = await Promise.all(Array.from({ length: 5 }, () => jobs.reserveRequest(T, 'presence', PRESENCE_RATE_LIMIT, now)));
    expect(waits.sort((a, b) => a - b)).toEqual([0, 20, 40, 60, 80]);
    expect(await jobs.reserveRequest('tenant-b', 'presence', PRESENCE_RATE_LIMIT, now)).toBe(0);
  });

  it('keeps changes as intervals, applies a sampled chunk once, and skips a person opened meanwhile', async () => {
    const presence = presenceRepository(store.db);
    const first = timelineChanges([], [{ userId: 'ada', availability: 'Available', activity: 'Available' }, { userId: 'bob', availability: 'Away', activity: 'Away' }], now.getTime());
    const marker = { cycleId: 'c1', chunkIndex: 0, userCount: 2, worker: 'w1' };
    expect(await presence.apply(T, first, now, marker)).toEqual({ applied: true, changes: 2 });
    expect(await presence.apply(T, first, now, { ...marker, worker: 'w2' })).toEqual({ applied: false });

    const open = await presence.openIntervals(T, ['ada', 'bob']);
    const next = timelineChanges(open, [{ userId: 'ada', availability: 'Away', activity: 'Away' }, { userId: 'bob', availability: 'Away', activity: 'Away' }], later(5).getTime());
    expect(await presence.apply(T, next, later(5))).toEqual({ applied: true, changes: 1 });
    // A stale decision made from the old open interval neither double-closes nor opens a second current one.
    await presence.apply(T, timelineChanges([], [{ userId: 'ada', availability: 'Busy', activity: 'InACall' }], later(6).getTime()), later(6));

    const rows = await store.db.selectFrom('presence_interval').select(['user_id', 'availability', 'start_at', 'end_at']).where('tenant_id', '=', T).orderBy('user_id').orderBy('start_at').execute();
    expect(rows).toEqual([
      { user_id: 'ada', availability: 'Available', start_at: now, end_at: later(5) },
      { user_id: 'ada', availability: 'Away', start_at: later(5), end_at: null },
      { user_id: 'bob', availability: 'Away', start_at: now, end_at: null },
    ]);
    expect(await presence.cycleChunks('c1')).toEqual([{ tenantId: T, chunkIndex: 0, userCount: 2, changes: 2, worker: 'w1', doneAt: now }]);
  });

  it('samples opted-in people of tenants with the feature on, closes the rest, and applies retention', async () => {
    const presence = presenceRepository(store.db);
    await presence.optIn({ tenantId: T, userId: 'ada' }, now);
    await presence.optIn({ tenantId: 'tenant-off', userId: 'cy' }, now);
    await orgPolicyRepository(store.db).save('tenant-off', { features: { presenceTimeline: false } }, { actorUserId: 'admin', action: 'policy.update', detail: {}, at: now });
    expect(Object.fromEntries(await presence.roster())).toEqual({ [T]: ['ada'] });

    expect(await presence.closeUnsampled(later(10))).toBe(1); // bob never opted in
    expect((await presence.openIntervals(T, ['ada', 'bob'])).map((o) => o.userId)).toEqual(['ada']);
    expect(await presence.deleteEndedBefore(T, later(6))).toBe(1); // ada's first interval ended at +5
    await presence.optOut({ tenantId: T, userId: 'ada' }, later(20));
    expect(await presence.openIntervals(T, ['ada'])).toEqual([]);
    expect(await presence.optedInAt({ tenantId: T, userId: 'ada' })).toBeUndefined();
  });

  it('holds subscriptions with their people, and hands each stored notification to one taker', async () => {
    const subs = subscriptionRepository(store.db);
    await subs.save({ id: 's1', tenantId: T, clientState: 'secret', expiresAt: later(59) }, ['ada', 'bob'], now);
    expect(await subs.held(T)).toEqual([{ id: 's1', expiresAt: later(59).getTime(), members: expect.arrayContaining(['ada', 'bob']) as string[] }]);
    expect([...await subs.covered(T, now)].sort()).toEqual(['ada', 'bob']);
    expect(await subs.covered(T, later(60))).toEqual(new Set());
    await subs.renewed('s1', later(120), later(50));
    expect((await subs.find('s1'))?.expiresAt).toEqual(later(120));

    await subs.addNotifications(Array.from({ length: 5 }, (_, i) => ({ tenantId: T, userId: `u${i}`, subscriptionId: 's1', receivedAt: now })));
    const taken = await Promise.all([subs.takeNotifications(3), subs.takeNotifications(3)]);
    expect(taken.flat().map((n) => n.userId).sort()).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
    expect(await subs.pendingNotifications()).toBe(0);
    await subs.remove('s1');
    expect(await subs.members('s1')).toEqual([]);
  });

  it('stores the working hours the tab read, writing only when they change', async () => {
    const status = statusRepository(store.db);
    const key = { tenantId: T, userId: 'hours' };
    const nine = { daysOfWeek: ['monday'], startTime: '09:00:00', endTime: '17:00:00', timeZone: { kind: 'iana', name: 'Europe/Paris' } };
    await status.saveWorkingHours(key, nine, now);
    await status.saveWorkingHours(key, { ...nine }, later(5));
    expect((await status.workingHours(T, ['hours'])).get('hours')).toEqual({ workingHours: nine, fetchedAt: now });
    const ten = { ...nine, startTime: '10:00:00' };
    await status.saveWorkingHours(key, ten, later(6));
    expect((await status.workingHours(T, ['hours'])).get('hours')).toEqual({ workingHours: ten, fetchedAt: later(6) });
  });

  it('lets one instance claim a status window, and one clear it', async () => {
    const status = statusRepository(store.db);
    const people = peopleRepository(store.db);
    await people.saveQuietTime({ tenantId: T, userId: 'dee' }, { autoStatus: true }, now);
    await people.saveQuietTime({ tenantId: T, userId: 'eve' }, { autoStatus: false }, now);
    expect((await status.roster()).map((p) => p.userId)).toEqual(['dee']);

    const window = { start: now.getTime(), end: later(60).getTime(), kind: 'block' as const };
    const dee = { tenantId: T, userId: 'dee' };
    const claims = await Promise.all(Array.from({ length: 5 }, () => status.claimStart(dee, window, 'Unplugged until 10:00', null, now)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await status.mark(dee, window.start, 'set', now);
    const ends = await Promise.all(Array.from({ length: 5 }, () => status.claimEnd(dee, window.start, later(60))));
    expect(ends.filter(Boolean)).toHaveLength(1);
    expect((await status.latest(T, ['dee'])).get('dee')).toMatchObject({ state: 'clearing', message: 'Unplugged until 10:00' });

    // Someone with ours still showing stays on the roster after turning the feature off.
    await status.mark(dee, window.start, 'set', now);
    await people.saveQuietTime(dee, { autoStatus: false }, now);
    expect((await status.roster()).map((p) => p.userId)).toEqual(['dee']);

    // Old records go once done; one still showing stays.
    expect(await status.deleteEndedBefore(later(24 * 60))).toBe(0);
    await status.mark(dee, window.start, 'cleared', now);
    expect(await status.deleteEndedBefore(later(24 * 60))).toBe(1);
  });
});
