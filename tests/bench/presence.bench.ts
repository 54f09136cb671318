/**
 * Presence sampling benchmark (issue 8): one sampling cycle for 10,000 opted-in demo people, with
 * 50 ms of latency on every demo Graph call — the demo tenant runs in its own process, standing in
 * for Microsoft 365 — through the real job code: the cycle planned into 650-id chunks, each chunk a
 * queue job that waits for the tenant's rate budget, asks `getPresencesByUserId` and writes the
 * changes to the embedded store. Reports the Graph requests (the floor is ceil(n / 650) = 16), the
 * cycle's wall time (cold, then with changes, then without), and the timeline's write rate.
 *
 * `npm run bench -- presence`, or `node --import tsx tests/bench/presence.bench.ts [people] [latencyMs]`.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO_CLIENT_ID } from '../../server/src/demo/constants';

const role = process.argv[2];
const here = fileURLToPath(import.meta.url);

type Message = { type: 'listening'; base: string } | { type: 'advance'; ms: number };

/** The child: the demo tenant, whose clock the parent can move forward. */
async function serveDemoTenant(people: number, latencyMs: number): Promise<void> {
  const { startDemoTenant } = await import('../../server/src/demo/standalone');
  let offset = 0;
  const demo = await startDemoTenant({ people, faults: { latencyMs }, clock: () => Date.now() + offset, subscriptionSweepMs: 0 });
  // Microsoft 365 has everyone's presence at hand: let the demo generate its calendars first, so
  // the cycles measure Unplug, not the demo's first look at 10,000 calendars.
  for (const person of demo.tenant.org.people) demo.tenant.presence.at(person, Date.now());
  process.on('message', (m: Message) => {
    if (m.type === 'advance') offset += m.ms;
  });
  process.send?.({ type: 'listening', base: demo.baseUrl } satisfies Message);
  process.on('disconnect', () => void demo.close().then(() => process.exit(0)));
}

async function main(people: number, latencyMs: number): Promise<void> {
  const [{ openStore }, { createJobs }, { planSamplingCycle }, { createBackgroundGraph }, { demoGraphRoot }, { createGraphTokens }, { demoGraphTokensOptions }, { timelineChanges }, { presenceRepository }, { chunkIds }] = await Promise.all([
    import('../../server/src/store/store'), import('../../server/src/jobs/runtime'), import('../../server/src/jobs/presence/sampling-cycle'),
    import('../../server/src/graph/background-gateway'), import('../../server/src/graph/gateway'), import('../../server/src/auth/graph-tokens'),
    import('../../server/src/auth/demo-identity'), import('../../server/src/domain/presence/timeline-changes'),
    import('../../server/src/store/repositories/presence-repository'), import('../../server/src/domain/presence/sampling-plan'),
  ]);

  const child = fork(here, ['demo', String(people), String(latencyMs)], { stdio: 'inherit' });
  const base = await new Promise<string>((resolve) => child.on('message', (m: Message) => { if (m.type === 'listening') resolve(m.base); }));
  const store = await openStore({ dataDir: 'memory://' });
  const silent = { info: () => {}, warn: () => {}, error: (d: Record<string, unknown>, m: string) => console.error(m, d) };
  const jobs = await createJobs({
    config: { enabled: true, presenceSampleMinutes: 5, statusCheckSeconds: 60, concurrency: 4 }, store, databaseUrl: undefined,
    graph: createBackgroundGraph({ root: demoGraphRoot(() => base), appId: DEMO_CLIENT_ID }), tokens: createGraphTokens(demoGraphTokensOptions(() => base)), log: silent,
  });
  const queue = jobs.queue as unknown as { start(): Promise<void>; drained(): Promise<void> };
  await queue.start();

  try {
    const everyone = ((await (await fetch(`${base}/demo/identity/people`)).json()) as { value: { id: string }[] }).value.map((p) => p.id);
    const tenantId = '7d3c1f8e-2b4a-4c6d-9e0f-1a2b3c4d5e6f';
    for (const chunk of chunkIds(everyone, 1000)) {
      await store.db.insertInto('presence_opt_in').values(chunk.map((user_id) => ({ tenant_id: tenantId, user_id }))).execute();
    }
    const rows = async () => Number((await store.db.selectFrom('presence_interval').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const stats = async () => (await (await fetch(`${base}/demo/stats`)).json()) as { graphRequests: number; tokenRequests: number };

    console.log(`Presence sampling: ${people.toLocaleString('en')} opted-in people, ${latencyMs} ms demo Graph latency, embedded store (PGlite), in-process queue\n`);
    console.log('| cycle | Graph requests (floor) | token requests | wall time | intervals opened (as many closed) | people per second |');
    console.log('|---|---|---|---|---|---|');
    const cycle = async (label: string) => {
      await fetch(`${base}/demo/stats`, { method: 'DELETE' });
      const before = await rows();
      const started = performance.now();
      await planSamplingCycle(jobs.deps, `bench-${label}-${Date.now()}`);
      await queue.drained();
      const ms = performance.now() - started;
      const written = (await rows()) - before;
      const { graphRequests, tokenRequests } = await stats();
      console.log(`| ${label} | ${graphRequests} (${Math.ceil(people / 650)}) | ${tokenRequests} | ${(ms / 1000).toFixed(2)} s | ${written.toLocaleString('en')} | ${Math.round(people / (ms / 1000)).toLocaleString('en')} |`);
    };
    await cycle('first (every interval opens)');
    child.send({ type: 'advance', ms: 15 * 60_000 } satisfies Message);
    await cycle('15 min later (changes)');
    await cycle('again at once (no changes)');

    // The write path alone: timeline changes of 650 people at a time, as a chunk writes them.
    const write = async (label: string, state: string) => {
      const presence = presenceRepository(store.db);
      const at = new Date();
      let written = 0;
      const started = performance.now();
      for (const ids of chunkIds(everyone)) {
        const open = await presence.openIntervals('bench-write', ids);
        const changes = timelineChanges(open, ids.map((userId) => ({ userId, availability: state as 'Away', activity: state })), at.getTime());
        await presence.apply('bench-write', changes, at);
        written += changes.reduce((n, c) => n + (c.close ? 2 : 1), 0);
      }
      const ms = performance.now() - started;
      console.log(`| ${label} | ${written.toLocaleString('en')} rows | ${(ms / 1000).toFixed(2)} s | ${Math.round(written / (ms / 1000)).toLocaleString('en')} rows/s |`);
    };
    console.log('\nTimeline writes alone (read open intervals, compute changes, one transaction per 650 people):\n');
    console.log('| change | rows written | time | rate |');
    console.log('|---|---|---|---|');
    await write('every person opens an interval', 'Available');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await write('every person changes (close + open)', 'Away');
  } finally {
    await jobs.queue.stop();
    await store.close();
    child.disconnect();
  }
}

if (role === 'demo') {
  await serveDemoTenant(Number(process.argv[3]), Number(process.argv[4]));
} else {
  await main(Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 50));
}
