import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgPolicyRepository } from '../store/repositories/org-policy-repository';
import { peopleRepository } from '../store/repositories/people-repository';
import { quietWindowRepository } from '../store/repositories/quiet-window-repository';
import { statusRepository } from '../store/repositories/status-repository';
import { suggestionStateRepository } from '../store/repositories/suggestion-state-repository';
import type { Store } from '../store/store';
import { testBackends } from '../store/test-backends';
import { presenceTimeline } from './presence-timeline';
import { effectiveSettings } from './settings-service';
import { storeBatches } from './store-batches';

const now = new Date('2026-11-23T09:00:00Z');
const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);
const ada = { tenantId: 'tenant-a', userId: 'ada' };
const bob = { tenantId: 'tenant-a', userId: 'bob' };
const cy = { tenantId: 'tenant-b', userId: 'cy' };
const nobody = { tenantId: 'tenant-c', userId: 'nobody' };
const everyone = [ada, bob, cy, nobody];
const window = { start: at('00:00').getTime(), end: at('23:00').getTime() };

describe.each(testBackends)('store batches on $name', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await backend.open());
    const audit = { actorUserId: 'admin', action: 'policy.update', detail: {}, at: now };
    await orgPolicyRepository(store.db).save('tenant-a', { defaults: { minBlockMinutes: 60 } }, audit);
    await peopleRepository(store.db).savePreferences(ada, { minBlockMinutes: 45 }, now);
    await peopleRepository(store.db).saveQuietTime(cy, { weekends: false }, now);
    const states = suggestionStateRepository(store.db);
    await states.dismiss(ada, { suggestionId: 'sg_2', kind: 'disconnect-block', start: at('15:00'), end: at('16:00') }, now);
    await states.dismiss(ada, { suggestionId: 'sg_1', kind: 'disconnect-block', start: at('13:00'), end: at('14:00') }, now);
    await states.dismiss(cy, { suggestionId: 'sg_1', kind: 'recovery', start: at('13:00'), end: at('14:00') }, now);
    const quiet = quietWindowRepository(store.db);
    await quiet.turnOn(bob, { id: 'every-evening', repeat: 'every', kind: 'evening', start: at('18:00').getTime(), end: null }, now);
    await quiet.turnOn(bob, { id: 'q1', repeat: 'once', kind: 'evening', start: at('17:00').getTime(), end: at('22:00').getTime() }, now);
    await store.db.insertInto('presence_interval').values([
      { tenant_id: 'tenant-a', user_id: 'ada', availability: 'Busy', activity: 'InACall', start_at: at('08:00'), end_at: at('08:30') },
      { tenant_id: 'tenant-a', user_id: 'ada', availability: 'Available', activity: 'Available', start_at: at('08:30'), end_at: null },
      { tenant_id: 'tenant-b', user_id: 'cy', availability: 'Away', activity: 'Away', start_at: at('07:00'), end_at: at('07:10') },
    ]).execute();
  });
  afterAll(async () => cleanup?.());

  it('answers many people at once exactly as the one-person queries do', async () => {
    const batches = storeBatches(store);
    const [settings, states, quiet, presence] = await Promise.all([
      Promise.all(everyone.map((p) => batches.settings(p))),
      Promise.all(everyone.map((p) => batches.suggestionStates(p))),
      Promise.all(everyone.map((p) => batches.quietChoices(p))),
      Promise.all(everyone.map((p) => batches.presence(p, window, now))),
    ]);
    expect(settings).toEqual(await Promise.all(everyone.map((p) => effectiveSettings(store, p))));
    expect(states).toEqual(await Promise.all(everyone.map((p) => suggestionStateRepository(store.db).list(p))));
    expect(quiet).toEqual(await Promise.all(everyone.map((p) => quietWindowRepository(store.db).list(p))));
    expect(presence).toEqual(await Promise.all(everyone.map((p) => presenceTimeline(store, p, window, now))));
    // The data is there to compare: each person's own, nobody else's.
    expect(settings[0]!.preferences.minBlockMinutes).toBe(45);
    expect(settings[1]!.preferences.minBlockMinutes).toBe(60);
    expect(settings[2]!.quietTime.weekends).toBe(false);
    expect(states[0]!.map((s) => s.suggestionId)).toEqual(['sg_1', 'sg_2']);
    expect(states[2]!.map((s) => s.kind)).toEqual(['recovery']);
    expect(quiet[1]!.map((q) => q.id)).toEqual(['q1', 'every-evening']);
    expect(presence[0]!.at(-1)).toMatchObject({ availability: 'Available', end: now.getTime() });
    expect(presence[3]).toEqual([]);
  });

  it('runs one query per tenant for the people who ask together', async () => {
    const people = Array.from({ length: 30 }, (_, i) => ({ tenantId: `tenant-${i % 2}`, userId: `p${i}` }));
    const queries: string[] = [];
    const counted = { ...store, db: store.db.withPlugin({ transformQuery: (args) => { queries.push(args.node.kind); return args.node; }, transformResult: async (args) => args.result }) };
    const batches = storeBatches(counted);
    await Promise.all(people.map((p) => batches.suggestionStates(p)));
    expect(queries).toEqual(['SelectQueryNode', 'SelectQueryNode']);
  });

  it('writes the working hours and weekly totals of many people in one statement each', async () => {
    const batches = storeBatches(store);
    const nine = { daysOfWeek: ['monday'], startTime: '09:00:00', endTime: '17:00:00', timeZone: { kind: 'iana', name: 'Europe/Paris' } };
    await Promise.all([ada, bob, cy].map((p, i) => batches.saveWorkingHours(p, { ...nine, startTime: `0${7 + i}:00:00` }, now)));
    const hours = await statusRepository(store.db).workingHours('tenant-a', ['ada', 'bob']);
    expect(hours.get('ada')?.workingHours).toMatchObject({ startTime: '07:00:00' });
    expect(hours.get('bob')?.workingHours).toMatchObject({ startTime: '08:00:00' });
    // Unchanged hours keep the instant they were first stored.
    await batches.saveWorkingHours(ada, { ...nine, startTime: '07:00:00' }, at('10:00'));
    expect((await statusRepository(store.db).workingHours('tenant-a', ['ada'])).get('ada')?.fetchedAt).toEqual(now);

    await Promise.all([
      batches.saveSnapshot(ada, '2026-11-23', { meetingMinutes: 10 }, now),
      batches.saveSnapshot(bob, '2026-11-23', { meetingMinutes: 20 }, now),
      batches.saveSnapshot(ada, '2026-11-23', { meetingMinutes: 30 }, now),
    ]);
    const rows = await store.db.selectFrom('balance_snapshot').select(['user_id', 'totals']).where('week_start', '=', '2026-11-23').orderBy('user_id').execute();
    expect(rows.map((r) => [r.user_id, r.totals])).toEqual([['ada', { meetingMinutes: 30 }], ['bob', { meetingMinutes: 20 }]]);
  });
});
