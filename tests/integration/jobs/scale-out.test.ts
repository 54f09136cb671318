import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PRESENCE_IDS } from '../../../server/src/domain/presence/sampling-plan';
import { PERIODIC } from '../../../server/src/jobs/runtime';
import { jobRepository } from '../../../server/src/store/repositories/job-repository';
import { openSharedDatabase, startServerProcess, startSharedDemoTenant, type ServerProcess, type SharedDatabase, type SharedDemoTenant } from './scale-harness';
import { DEMO_ACKNOWLEDGEMENT } from '../../../server/src/config';
import { waitFor } from './jobs-harness';

/**
 * Scale-out: two server processes on one database (pg-boss on PostgreSQL, or on PGlite over the
 * wire) share one demo tenant of 2,000 opted-in people. One sampling cycle asks Graph exactly
 * ceil(n / 650) times and about each person exactly once; one process is stopped in the middle of
 * the cycle and the other finishes it; an automatic status due once is set once. About 35 s on
 * an idle machine; the generous time limits are for a loaded one.
 */
const PEOPLE = 2000;
const LATENCY_MS = 400;
let db: SharedDatabase;
let demo: SharedDemoTenant;
let a: ServerProcess | undefined;
let b: ServerProcess | undefined;

const sampled = () => demo.requests.filter((r) => r.path === '/communications/getPresencesByUserId'
  && ((r.body as { ids: string[] }).ids).some((id) => demo.tenant.person(id).index < PEOPLE));
const statusWrites = (userId: string) => demo.requests.filter((r) => r.path === `/users/${userId}/presence/setStatusMessage`);

beforeAll(async () => {
  [db, demo] = await Promise.all([
    openSharedDatabase(),
    startSharedDemoTenant({ people: PEOPLE + 1, faults: { latencyMs: LATENCY_MS }, subscriptionSweepMs: 0 }),
  ]);
  const tenantId = demo.tenant.org.tenantId;
  const people = demo.tenant.org.people;
  await db.store.db.insertInto('presence_opt_in').values(people.slice(0, PEOPLE).map((p) => ({ tenant_id: tenantId, user_id: p.id }))).execute();
  // The last person has the automatic status on and a block that started a minute ago.
  const statusPerson = people[PEOPLE]!;
  await db.store.db.insertInto('preferences').values({ tenant_id: tenantId, user_id: statusPerson.id, preferences: '{}', quiet_time: JSON.stringify({ autoStatus: true, enabled: false }) }).execute();
  await db.store.db.insertInto('suggestion_state').values({
    tenant_id: tenantId, user_id: statusPerson.id, suggestion_id: 'sg_scale', state: 'accepted', kind: 'disconnect-block',
    start_at: new Date(Date.now() - 60_000), end_at: new Date(Date.now() + 3_600_000), event_id: 'event-scale',
  }).execute();
  // The working hours the tab stored when the person opened it (the job reads no mailbox).
  await db.store.db.insertInto('person_working_hours').values({
    tenant_id: tenantId, user_id: statusPerson.id, fetched_at: new Date(),
    working_hours: JSON.stringify({ daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'], startTime: '00:00', endTime: '23:59', timeZone: { kind: 'iana', name: 'UTC' } }),
  }).execute();
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await demo?.close();
  await db?.close();
}, 60_000);

describe(`two server processes on one database (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite over the wire'})`, () => {
  it('set an automatic status that is due once exactly once, however many checks run on either', async () => {
    const env = {
      DATABASE_URL: db.url,
      // Demo mode on a database is refused unless said on purpose (a test database here).
      UNPLUG_MODE: 'demo',
      UNPLUG_DEMO_ACKNOWLEDGE: DEMO_ACKNOWLEDGEMENT,
      DEMO_TENANT_URL: demo.baseUrl,
      PRESENCE_SAMPLE_MINUTES: '60', // one cycle in these tests, started by the next one
      STATUS_CHECK_SECONDS: '5',
      JOBS_CONCURRENCY: '1', // one chunk at a time per process, so a stopped one leaves work behind
    };
    // Sampling waits for the next test; status checks run every 5 s from the start.
    await jobRepository(db.store.db).setNextDue(PERIODIC.sampling, new Date(Date.now() + 3_600_000));
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);

    const person = demo.tenant.org.people[PEOPLE]!;
    await waitFor(() => statusWrites(person.id).length > 0, 90_000, 'the automatic status');
    const setAt = Date.now();
    await waitFor(async () => {
      const run = await jobRepository(db.store.db).schedule(PERIODIC.status);
      return run?.lastRunAt && run.lastRunAt.getTime() > setAt + 6000;
    }, 60_000, 'two more status checks');
    expect(statusWrites(person.id)).toHaveLength(1);
    expect(demo.tenant.presence.at(person, Date.now()).statusMessage?.content).toMatch(/^Unplugged until .+ — urgent\? call me$/);
  }, 240_000);

  it('sample 2,000 people in ceil(n / 650) requests, each person once, though one stops mid-cycle', async () => {
    await jobRepository(db.store.db).setNextDue(PERIODIC.sampling, new Date(Date.now() - 1000));

    // Mid-cycle: as soon as the first sampling request reaches Graph, stop one process.
    await waitFor(() => sampled().length > 0, 90_000, 'the first sampling request');
    const code = await a!.stop();
    const exitedAt = Date.now();
    expect(code, a!.output()).toBe(0);

    const chunks = await waitFor(async () => {
      const cycle = await db.store.db.selectFrom('presence_sample_chunk').selectAll().execute();
      return cycle.length === Math.ceil(PEOPLE / MAX_PRESENCE_IDS) && cycle;
    }, 90_000, 'every chunk of the cycle');

    // Graph: exactly ceil(2000 / 650) = 4 requests, each person in exactly one of them.
    const requests = sampled();
    expect(requests).toHaveLength(Math.ceil(PEOPLE / MAX_PRESENCE_IDS));
    const asked = requests.flatMap((r) => (r.body as { ids: string[] }).ids);
    expect(asked).toHaveLength(PEOPLE);
    expect(new Set(asked).size).toBe(PEOPLE);

    // The store: one cycle, every chunk applied once, every person with a current interval.
    expect(new Set(chunks.map((c) => c.cycle_id)).size).toBe(1);
    expect(chunks.reduce((n, c) => n + c.user_count, 0)).toBe(PEOPLE);
    const open = await db.store.db.selectFrom('presence_interval').select((eb) => eb.fn.countAll<string>().as('n')).where('end_at', 'is', null).executeTakeFirstOrThrow();
    expect(Number(open.n)).toBe(PEOPLE);

    // The stopped process finished what it had started and took nothing more; the other one
    // finished the cycle.
    const after = chunks.filter((c) => c.done_at.getTime() > exitedAt);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((c) => c.worker.includes(`:${b!.pid}:`))).toBe(true);
    expect(chunks.every((c) => c.worker.includes(`:${a!.pid}:`) || c.worker.includes(`:${b!.pid}:`))).toBe(true);
    expect(await b!.stop()).toBe(0);
  }, 240_000);
});
