import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgBossQueue } from '../../../server/src/jobs/pg-boss-queue';
import { rowsOf } from '../../../server/src/store/test-backends';
import { waitFor } from './jobs-harness';
import { openSharedDatabase, type SharedDatabase } from './scale-harness';

/** The pg-boss queue as several instances use it: each job to one of them, keyed jobs once. */
const silent = { info: () => {}, warn: () => {}, error: () => {} };
let db: SharedDatabase;
let queues: PgBossQueue[] = [];

beforeAll(async () => { db = await openSharedDatabase(); }, 60_000);
afterAll(async () => {
  await Promise.all(queues.map((q) => q.stop()));
  await db?.close();
}, 60_000);

describe(`PgBossQueue (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite over the wire'})`, () => {
  it('hands each job to exactly one of two instances, and stops gracefully', async () => {
    const handled: { instance: number; n: number }[] = [];
    let inFlight = 0;
    queues = [0, 1].map((instance) => {
      const queue = new PgBossQueue({ connectionString: db.url, pollingIntervalSeconds: 0.5 }, silent);
      queue.work<{ n: number }>('work', async ({ n }) => {
        inFlight += 1;
        await new Promise((resolve) => setTimeout(resolve, 30));
        handled.push({ instance, n });
        inFlight -= 1;
      }, { concurrency: 2 });
      return queue;
    });
    await queues[0]!.start();
    await queues[1]!.start();

    for (let n = 0; n < 20; n += 1) await queues[n % 2]!.send('work', { n }, { key: `job-${n}` });
    await waitFor(() => handled.length >= 20, 30_000, 'twenty jobs');
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const byJob = new Map<number, number>();
    for (const h of handled) byJob.set(h.n, (byJob.get(h.n) ?? 0) + 1);
    expect([...byJob.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect([...byJob.values()].every((count) => count === 1)).toBe(true);
    expect(new Set(handled.map((h) => h.instance)).size).toBe(2);

    await Promise.all(queues.map((q) => q.stop()));
    expect(inFlight).toBe(0);
    queues = [];
  }, 60_000);

  it('keeps one keyed job waiting, however often it is sent', async () => {
    const queue = new PgBossQueue({ connectionString: db.url, pollingIntervalSeconds: 0.5 }, silent);
    queues = [queue];
    const ran: number[] = [];
    let release: () => void = () => {};
    queue.work<{ n: number }>('keyed', async ({ n }) => {
      ran.push(n);
      if (n === 0) await new Promise<void>((resolve) => { release = resolve; });
    });
    await queue.start();
    await queue.send('keyed', { n: 0 }, { key: 'drain' });
    await waitFor(() => ran.length === 1, 20_000, 'the first job');
    await queue.send('keyed', { n: 1 }, { key: 'drain' });
    await queue.send('keyed', { n: 2 }, { key: 'drain' });
    release();
    await waitFor(() => ran.length === 2, 20_000, 'the waiting job');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(ran).toEqual([0, 1]);
  }, 60_000);

  it('never leaves a job taken and not run when an instance stops while it looks for work', async () => {
    // A producer, and workers that look for work all the time and are stopped at once after a
    // send: the stop lands in the middle of a fetch as often as not. A job a fetch took must run
    // to its end (or be failed for a retry), never stay "active" with no one running it.
    const producer = new PgBossQueue({ connectionString: db.url }, silent);
    queues = [producer];
    await producer.start();
    const ran: number[] = [];
    for (let n = 0; n < 12; n += 1) {
      const worker = new PgBossQueue({ connectionString: db.url, pollingIntervalSeconds: 0.005 }, silent);
      worker.work<{ n: number }>('handover', async (job) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        ran.push(job.n);
      });
      await worker.start();
      await producer.send('handover', { n }, { key: `handover-${n}` });
      await new Promise((resolve) => setTimeout(resolve, n % 4));
      await worker.stop();
      const states = await rowsOf<{ state: string; n: number }>(db.store.db, "select state, count(*)::int as n from pgboss.job where name = 'handover' group by state");
      expect(states.filter((row) => row.state === 'active'), `after stop ${n}`).toEqual([]);
    }
    // Whatever was not run is still waiting for the next instance: nothing lost.
    const states = await rowsOf<{ state: string; n: number }>(db.store.db, "select state, count(*)::int as n from pgboss.job where name = 'handover' group by state");
    const count = (state: string) => states.find((row) => row.state === state)?.n ?? 0;
    expect(count('completed')).toBe(ran.length);
    expect(count('completed') + count('created') + count('retry')).toBe(12);
  }, 120_000);
});
