/**
 * Privacy, checked in the database itself: after `DELETE /api/me/data` no row of any table names
 * the person — tables are discovered from the database, so a table added later is checked too —
 * and presence retention deletes exactly the intervals that ended before the policy's cutoff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoPerson } from '../../../server/src/demo/org';
import { PERIODIC } from '../../../server/src/jobs/runtime';
import { nudgeRepository } from '../../../server/src/store/repositories/nudge-repository';
import { statusRepository } from '../../../server/src/store/repositories/status-repository';
import { subscriptionRepository } from '../../../server/src/store/repositories/subscription-repository';
import { settleWrites } from '../../../server/src/store/write-behind';
import { startJobsHarness, type JobsHarness } from '../jobs/jobs-harness';
import { CUSTOMER_SUCCESS_TEAM_ID } from '../../../server/src/demo/teams';

const DAY = 86_400_000;
const HOUR = 3_600_000;

let h: JobsHarness;
let tenantId: string;

beforeAll(async () => {
  h = await startJobsHarness();
  tenantId = h.tenant.org.tenantId;
});
afterAll(() => h?.close());

/** The store's own query builder, untyped: these queries read tables the schema type does not list. */
const anyDb = () => h.store.db as any;

/** Every table of the application (not the migration bookkeeping), from the database's catalogue. */
async function tables(): Promise<{ name: string; personColumns: string[] }[]> {
  const rows: { table_name: string; column_name: string }[] = await anyDb().selectFrom('information_schema.columns as c')
    .innerJoin('information_schema.tables as t', (join: any) => join.onRef('t.table_schema', '=', 'c.table_schema').onRef('t.table_name', '=', 'c.table_name'))
    .select(['c.table_name', 'c.column_name'])
    .where('c.table_schema', '=', 'public').where('t.table_type', '=', 'BASE TABLE').where('c.table_name', 'not like', 'kysely_%')
    .orderBy('c.table_name').orderBy('c.ordinal_position')
    .execute();
  const byTable = new Map<string, string[]>();
  for (const r of rows) {
    const columns = byTable.get(r.table_name) ?? [];
    if (/user_id$/.test(r.column_name)) columns.push(r.column_name);
    byTable.set(r.table_name, columns);
  }
  return [...byTable].map(([name, personColumns]) => ({ name, personColumns }));
}

/** Rows of `table` whose whole text (every column) mentions any of `needles` (ids, names, addresses). */
async function rowsMentioning(table: string, needles: string[]): Promise<unknown[]> {
  // What the API writes behind its answers (weekly snapshots, working hours) counts as stored.
  await settleWrites(h.store.db);
  const rows: unknown[] = await anyDb().selectFrom(table).selectAll().execute();
  return rows.filter((row) => needles.some((n) => JSON.stringify(row).includes(n)));
}

/** Everything Unplug can store about a person: through the API where a route exists, as the jobs would otherwise. */
async function useEverything(person: DemoPerson): Promise<void> {
  const key = { tenantId, userId: person.id };
  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await h.api(person.id, method, path, body);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  await ok('PUT', '/api/me/preferences', { blockSubject: `Focus ${person.displayName}` });
  await ok('PUT', '/api/me/quiet-time', { autoStatus: true });
  const { suggestions } = await ok('GET', '/api/me/suggestions?days=10') as { suggestions: { id: string; kind: string }[] };
  const blocks = suggestions.filter((s) => s.kind !== 'quiet-time');
  await ok('POST', `/api/me/suggestions/${blocks[0]!.id}/accept`);
  // A booking plans the days again: dismiss one of the blocks open now, as the tab does.
  const after = await ok('GET', '/api/me/suggestions?days=10') as { suggestions: { id: string; kind: string }[] };
  await ok('POST', `/api/me/suggestions/${after.suggestions.filter((s) => s.kind !== 'quiet-time')[0]!.id}/dismiss`);
  // Quiet time turned on as a window (stored in quiet_window, no calendar event).
  await ok('POST', `/api/me/suggestions/${after.suggestions.find((s) => s.kind === 'quiet-time')!.id}/accept`, { repeat: 'every' });
  await ok('PUT', `/api/teams/${CUSTOMER_SUCCESS_TEAM_ID}/membership`);
  await ok('GET', '/api/me/balance');
  if (person.roles.includes('Unplug.Admin')) await ok('PUT', '/api/admin/policy', { presenceRetentionDays: 30 });
  await ok('PUT', '/api/me/presence-timeline', { enabled: true });
  await ok('PUT', '/api/me/nudges', { longDay: true });
  await h.runNow(PERIODIC.sampling);
  // What presence subscriptions and the automatic status store, written as those jobs write it.
  const subscriptions = subscriptionRepository(h.store.db);
  const subscriptionId = `graph-subscription-${person.index}`;
  await subscriptions.save({ id: subscriptionId, tenantId, clientState: 'secret', expiresAt: new Date(h.tenant.clock() + HOUR) }, [person.id], new Date(h.tenant.clock()));
  await subscriptions.addNotifications([{ tenantId, userId: person.id, subscriptionId, receivedAt: new Date(h.tenant.clock()) }]);
  const status = statusRepository(h.store.db);
  await status.claimStart(key, { kind: 'block', start: h.tenant.clock(), end: h.tenant.clock() + HOUR }, 'Unplugged until 16:00', null, new Date(h.tenant.clock()));
  await status.saveWorkingHours(key, { daysOfWeek: ['monday'], startTime: '09:00', endTime: '17:00', timeZone: { kind: 'iana', name: 'UTC' } }, new Date(h.tenant.clock()));
  await nudgeRepository(h.store.db).claim(key, 'long-day', '2026-03-02', new Date(h.tenant.clock()));
}

describe('erasure', () => {
  it('leaves no row in any table naming the person, and everyone else’s rows as they were', async () => {
    const usable = h.tenant.org.people.filter((p) => !p.consentRequired);
    const person = usable.find((p) => p.roles.includes('Unplug.Admin'))!;
    const other = usable.find((p) => p !== person)!;
    expect(person).toBeDefined();
    await useEverything(person);
    await useEverything(other);
    const needles = [person.id, person.userPrincipalName, person.displayName];

    const all = await tables();
    expect(all.length).toBeGreaterThanOrEqual(16);
    const personal = all.filter((t) => t.personColumns.length > 0);
    // Among them the newer ones: quiet windows (0004) and nudges (0005).
    expect(personal.map((t) => t.name)).toEqual(expect.arrayContaining(['quiet_window', 'nudge_preference', 'nudge_sent', 'person_working_hours', 'status_assignment']));
    // Every table that can name a person does name this one now: the check below is not vacuous,
    // and a new personal table fails here until this test stores something in it.
    for (const table of personal) expect((await rowsMentioning(table.name, [person.id])).length, table.name).toBeGreaterThan(0);
    const othersBefore = Object.fromEntries(await Promise.all(all.map(async (t) => [t.name, await rowsMentioning(t.name, [other.id])] as const)));

    const erased = await h.api(person.id, 'DELETE', '/api/me/data');
    expect(erased.status).toBe(200);

    for (const table of all) expect(await rowsMentioning(table.name, needles), table.name).toEqual([]);
    for (const table of all) expect(await rowsMentioning(table.name, [other.id]), table.name).toEqual(othersBefore[table.name]);
    // The policy change the person made as an admin stays (it happened), naming no one.
    const audit = await h.store.db.selectFrom('audit_log').select('actor_user_id').where('tenant_id', '=', tenantId).execute();
    expect(audit.map((r) => r.actor_user_id)).toContain('erased-person');
    console.info(`privacy: ${all.length} tables checked (${personal.length} can name a person), 0 rows left naming the erased person`);
  });
});

describe('presence retention', () => {
  it('deletes the intervals that ended before the policy’s cutoff, and only those', async () => {
    const admin = h.tenant.org.people.find((p) => p.roles.includes('Unplug.Admin') && !p.consentRequired)!;
    const person = h.tenant.org.people.filter((p) => !p.consentRequired).at(-1)!;
    expect((await h.api(admin.id, 'PUT', '/api/admin/policy', { presenceRetentionDays: 10 })).status).toBe(200);
    const now = h.tenant.clock();
    const intervals = [
      { name: 'ended 11 days ago', end: now - 11 * DAY, gone: true },
      { name: 'ended 10 days and an hour ago', end: now - 10 * DAY - HOUR, gone: true },
      { name: 'ended 10 days less an hour ago', end: now - 10 * DAY + HOUR, gone: false },
      { name: 'ended yesterday', end: now - DAY, gone: false },
      { name: 'started 60 days ago and still current', end: null, gone: false },
    ];
    for (const [i, interval] of intervals.entries()) {
      await h.store.db.insertInto('presence_interval').values({
        tenant_id: tenantId, user_id: person.id, availability: 'Away', activity: `retention-${i}`,
        start_at: new Date((interval.end ?? now) - 60 * DAY), end_at: interval.end === null ? null : new Date(interval.end),
      }).execute();
    }
    // Another organisation, on the default policy (35 days): its 20-day-old interval stays.
    await h.store.db.insertInto('presence_interval').values({
      tenant_id: '00000000-0000-4000-8000-000000000001', user_id: 'someone-else', availability: 'Away', activity: 'retention-other',
      start_at: new Date(now - 21 * DAY), end_at: new Date(now - 20 * DAY),
    }).execute();
    // The current interval stays current: the person is still sampled.
    expect((await h.api(person.id, 'PUT', '/api/me/presence-timeline', { enabled: true })).status).toBe(200);

    await h.runNow(PERIODIC.retention);
    const left = await h.store.db.selectFrom('presence_interval').select('activity').where('activity', 'like', 'retention-%').execute();
    const kept = new Set(left.map((r) => r.activity));
    for (const [i, interval] of intervals.entries()) expect(kept.has(`retention-${i}`), interval.name).toBe(!interval.gone);
    expect(kept.has('retention-other')).toBe(true);
  });
});
