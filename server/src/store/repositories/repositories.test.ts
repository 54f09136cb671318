import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store';
import { testBackends } from '../test-backends';
import { orgPolicyRepository } from './org-policy-repository';
import { peopleRepository } from './people-repository';
import { ERASED_ACTOR, NON_PERSONAL_TABLES, PERSONAL_TABLES, privacyRepository } from './privacy-repository';
import { suggestionStateRepository } from './suggestion-state-repository';
import { teamRepository } from './team-repository';

const ada = { tenantId: 'tenant-a', userId: 'ada' };
const bob = { tenantId: 'tenant-a', userId: 'bob' };
const now = new Date('2026-11-23T09:00:00Z');
const claim = { suggestionId: 'sg_1', kind: 'disconnect-block', start: new Date('2026-11-23T14:00:00Z'), end: new Date('2026-11-23T15:00:00Z') };

describe.each(testBackends)('repositories on $name', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ store, cleanup } = await backend.open()));
  afterAll(async () => cleanup?.());

  it('saves preferences and quiet time separately, per person', async () => {
    const people = peopleRepository(store.db);
    await people.savePreferences(ada, { minBlockMinutes: 45 }, now);
    await people.saveQuietTime(ada, { weekends: false }, now);
    await people.savePreferences(bob, { minBlockMinutes: 30 }, now);
    expect(await people.find(ada)).toMatchObject({ preferences: { minBlockMinutes: 45 }, quietTime: { weekends: false } });
    expect((await people.find(bob))?.preferences).toEqual({ minBlockMinutes: 30 });
    expect(await people.find({ tenantId: 'tenant-b', userId: 'ada' })).toBeUndefined();
  });

  it('lets exactly one of many concurrent claims win, then records the event', async () => {
    const states = suggestionStateRepository(store.db);
    const wins = await Promise.all(Array.from({ length: 10 }, () => states.claimBooking(ada, claim, now)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    await states.recordAccepted(ada, 'sg_1', 'event-1', now);
    expect(await states.find(ada, 'sg_1')).toMatchObject({ state: 'accepted', eventId: 'event-1' });
    expect(await states.dismiss(ada, claim, now)).toBe('accepted');
    expect(await states.find(bob, 'sg_1')).toBeUndefined();
  });

  it('gives a failed claim back and keeps dismissals', async () => {
    const states = suggestionStateRepository(store.db);
    const other = { ...claim, suggestionId: 'sg_2' };
    expect(await states.claimBooking(bob, other, now)).toBe(true);
    await states.releaseBooking(bob, 'sg_2');
    expect(await states.find(bob, 'sg_2')).toBeUndefined();
    expect(await states.dismiss(bob, other, now)).toBe('dismissed');
    expect((await states.list(bob)).map((s) => s.state)).toEqual(['dismissed']);
  });

  it('saves a policy together with its audit entry', async () => {
    const policies = orgPolicyRepository(store.db);
    await policies.save('tenant-a', { minGroupSize: 6 }, { actorUserId: 'ada', action: 'policy.update', detail: { minGroupSize: 6 }, at: now });
    expect((await policies.find('tenant-a'))?.policy).toEqual({ minGroupSize: 6 });
    expect(await policies.auditLog('tenant-a')).toEqual([{ actorUserId: 'ada', action: 'policy.update', detail: { minGroupSize: 6 }, at: now }]);
  });

  it('exports and erases everything about one person, and nobody else', async () => {
    const teams = teamRepository(store.db);
    await teams.optIn(ada, 'team-1', now);
    await teams.optIn(bob, 'team-1', now);
    await store.db.insertInto('presence_interval').values({ tenant_id: 'tenant-a', user_id: 'ada', availability: 'Away', activity: 'Away', start_at: now, end_at: null }).execute();

    const privacy = privacyRepository(store.db);
    const exported = await privacy.export(ada);
    expect(exported.preferences).toHaveLength(1);
    expect(exported.suggestion_state).toHaveLength(1);
    expect(exported.team_member).toHaveLength(1);
    expect(exported.presence_interval).toHaveLength(1);
    expect(exported.audit_log).toHaveLength(1);

    await privacy.erase(ada);
    for (const [table, column] of Object.entries(PERSONAL_TABLES)) {
       
      const left = await (store.db as Kysely<any>).selectFrom(table).selectAll().where(column, '=', 'ada').execute();
      expect(left, table).toEqual([]);
    }
    expect((await policies()).map((e) => e.actorUserId)).toEqual([ERASED_ACTOR]);
    expect(await teams.members('tenant-a', 'team-1')).toEqual(['bob']);
    expect(await peopleRepository(store.db).find(bob)).toBeDefined();

    function policies() { return orgPolicyRepository(store.db).auditLog('tenant-a'); }
  });

  it('knows for every table whether it holds personal data', async () => {
    const tables = (await store.db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
    const known = [...Object.keys(PERSONAL_TABLES), ...NON_PERSONAL_TABLES];
    expect(tables.filter((t) => !known.includes(t)), 'tables missing from PERSONAL_TABLES / NON_PERSONAL_TABLES').toEqual([]);
  });
});
