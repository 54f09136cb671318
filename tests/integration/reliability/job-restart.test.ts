/**
 * A server killed (SIGKILL) in the middle of the automatic-status job, and another started on the
 * same database: nobody's status is written twice. The demo tenant runs in this test's process
 * (standing in for Microsoft 365, which outlives our servers) and records every status write; its
 * Graph answers slowly, so the kill lands between writes. PostgreSQL with pg-boss when
 * `TEST_DATABASE_URL` is set, otherwise the embedded PGlite in a data folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTenant, type RunningDemoTenant } from '../../../server/src/demo/standalone';
import type { DemoPerson } from '../../../server/src/demo/org';
import { openMemoryFromTemplate, openStore, type Store } from '../../../server/src/store/store';
import { startProxiedDatabase, type ProxiedDatabase } from './support/database';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { DEMO_ACKNOWLEDGEMENT } from '../../../server/src/config';

const MINUTE = 60_000;
const PEOPLE = 4;
const GRAPH_LATENCY_MS = 800;

let demo: RunningDemoTenant;
let database: ProxiedDatabase | undefined;
let dataDir: string | undefined;
let env: Record<string, string>;
const servers: ServerProcess[] = [];
const writes: { personId: string; content: string; at: number }[] = [];

const usePostgres = Boolean(process.env['TEST_DATABASE_URL']);
const openTestStore = (): Promise<Store> => (database
  ? openStore({ databaseUrl: database.url, dataDir: 'unused', maxConnections: database.maxConnections })
  : openStore({ dataDir: dataDir! }));

beforeAll(async () => {
  demo = await startDemoTenant();
  const presence = demo.tenant.presence;
  const set = presence.setStatusMessage.bind(presence);
  presence.setStatusMessage = (person, message) => {
    if (message) writes.push({ personId: person.id, content: message.content, at: Date.now() });
    set(person, message);
  };
  if (usePostgres) {
    database = await startProxiedDatabase();
  } else {
    // A data folder from the migrated template: no initdb (seconds) for a new folder.
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'unplug-job-restart-'));
    const template = await openMemoryFromTemplate();
    const dump = await template.dumpDataDir('none');
    await template.close();
    await (await PGlite.create(dataDir, { loadDataDir: dump })).close();
  }
  env = {
    DEMO_TENANT_URL: demo.baseUrl, JOBS: 'on', STATUS_CHECK_SECONDS: '5', PRESENCE_SAMPLE_MINUTES: '60',
    // Demo mode on a database is refused unless said on purpose (a test database here).
    ...(database ? { DATABASE_URL: database.url, UNPLUG_MODE: 'demo', UNPLUG_DEMO_ACKNOWLEDGE: DEMO_ACKNOWLEDGEMENT } : { DATA_DIR: dataDir! }),
  };
});
afterAll(async () => {
  for (const s of servers) await s.kill('SIGKILL');
  await demo?.close();
  await database?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** People with the automatic status on and a block accepted that is on right now. */
async function seed(people: DemoPerson[]): Promise<void> {
  const store = await openTestStore();
  try {
    const tenantId = demo.tenant.org.tenantId;
    const now = Date.now();
    for (const p of people) {
      await store.db.insertInto('preferences').values({
        tenant_id: tenantId, user_id: p.id, preferences: JSON.stringify({}),
        quiet_time: JSON.stringify({ autoStatus: true, enabled: false, preferredPresence: null, statusMessage: 'Unplugged until {until}' }),
      }).execute();
      await store.db.insertInto('suggestion_state').values({
        tenant_id: tenantId, user_id: p.id, suggestion_id: `sg_restart_${p.index}`, state: 'accepted', kind: 'disconnect-block',
        start_at: new Date(now - MINUTE), end_at: new Date(now + 30 * MINUTE), event_id: `event-restart-${p.index}`,
      }).execute();
      // Working hours as the tab stored them, so the check goes straight to the writes.
      await store.db.insertInto('person_working_hours').values({
        tenant_id: tenantId, user_id: p.id, fetched_at: new Date(now),
        working_hours: JSON.stringify({ daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'], startTime: '00:00', endTime: '23:59', timeZone: { kind: 'iana', name: 'UTC' } }),
      }).execute();
    }
  } finally {
    await store.close();
  }
}

async function waitFor(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe(`a server killed mid-job and restarted (${usePostgres ? 'PostgreSQL + pg-boss' : 'PGlite + in-process queue'})`, () => {
  it('writes each status once: none twice, the ones not reached by the first server by the second', async () => {
    const people = demo.tenant.org.people.slice(0, PEOPLE);
    await seed(people);
    demo.tenant.setFaults({ latencyMs: GRAPH_LATENCY_MS });

    const startedAt = Date.now();
    const first = await startServerProcess(env);
    servers.push(first);
    await waitFor('the first status write', () => writes.length >= 1, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${first.output.join('')}`);
    });
    await first.kill('SIGKILL');
    const killedAt = Date.now();
    const writtenBeforeKill = new Set(writes.map((w) => w.personId)).size;
    expect(writtenBeforeKill).toBeLessThan(PEOPLE);

    demo.tenant.setFaults({ latencyMs: 0 });
    const second = await startServerProcess(env);
    servers.push(second);
    const restartedAt = Date.now();
    // The killed server may have claimed one person whose write never landed (the claim makes the
    // write at most once): everyone else is written by the new server's first check, in one job.
    await waitFor('a status for everyone the first server did not reach', () => new Set(writes.map((w) => w.personId)).size >= PEOPLE - 1, 60_000);
    // Another status check (every 5 s) on the new server: it must find nothing left to write.
    const settledAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    await second.kill('SIGTERM');

    for (const p of people) {
      const mine = writes.filter((w) => w.personId === p.id);
      expect(mine.length, `${p.displayName}: ${JSON.stringify(mine)}`).toBeLessThanOrEqual(1);
    }
    const store = await openTestStore();
    try {
      const rows = await store.db.selectFrom('status_assignment').select(['user_id', 'state']).execute();
      expect(rows).toHaveLength(PEOPLE);
      for (const row of rows) {
        // Written and recorded, or claimed by the killed server (its write may or may not have landed): never both twice.
        expect(['set', 'setting'], row.user_id).toContain(row.state);
        if (row.state === 'set') expect(writes.filter((w) => w.personId === row.user_id), row.user_id).toHaveLength(1);
      }
      const written = new Set(writes.map((w) => w.personId)).size;
      console.info(`job restart (${usePostgres ? 'PostgreSQL + pg-boss' : 'PGlite'}): killed after ${writtenBeforeKill} of ${PEOPLE} status writes; after restart ${written} of ${PEOPLE} written, each once; ${rows.filter((r) => r.state === 'setting').length} claim(s) left by the killed server; 0 duplicates (first start → first write ${Math.round((killedAt - startedAt) / 1000)} s, restart → settled ${Math.round((settledAt - restartedAt) / 1000)} s)`);
    } finally {
      await store.close();
    }
  }, 150_000);
});
