import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRepository } from '../store/repositories/job-repository';
import { openStore, type Store } from '../store/store';
import { Scheduler } from './scheduler';

let store: Store;
beforeAll(async () => { store = await openStore({ dataDir: 'memory://' }); });
afterAll(() => store.close());

const at = (iso: string) => new Date(iso);
const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe('Scheduler', () => {
  it('runs each due job once per period across instances, and a long-overdue one once on start', async () => {
    let now = at('2026-03-02T09:00:00Z');
    const runs: string[] = [];
    const make = (instanceId: string) => new Scheduler({
      store, instanceId, now: () => now, log: silent,
      jobs: [{ name: 'sample', everyMs: 5 * 60_000, run: async (runId) => { runs.push(`${instanceId} ${runId}`); } }],
    });
    const [a, b] = [make('a'), make('b')];
    await Promise.all([a.tick(), b.tick(), a.tick()]);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatch(/ sample@2026-03-02T09:00:00.000Z$/);

    now = at('2026-03-02T09:04:59Z');
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toHaveLength(1);

    // Every instance down for a day: the job runs once when one comes back, not 288 times.
    now = at('2026-03-03T09:00:00Z');
    for (let i = 0; i < 5; i += 1) await Promise.all([a.tick(), b.tick()]);
    expect(runs).toHaveLength(2);
    expect((await jobRepository(store.db).schedule('sample'))?.nextDueAt).toEqual(at('2026-03-03T09:05:00Z'));
  });

  it('logs a failing job and still runs the others', async () => {
    const errors: string[] = [];
    const ran: string[] = [];
    const scheduler = new Scheduler({
      store, instanceId: 'x', now: () => at('2026-03-02T10:00:00Z'), log: { ...silent, error: (d) => errors.push(String(d.job)) },
      jobs: [
        { name: 'broken', everyMs: 60_000, run: async () => { throw new Error('boom'); } },
        { name: 'fine', everyMs: 60_000, run: async () => { ran.push('fine'); } },
      ],
    });
    await scheduler.tick();
    expect(errors).toEqual(['broken']);
    expect(ran).toEqual(['fine']);
  });

  it('looks at the schedule by itself once started, until stopped', async () => {
    const ran: number[] = [];
    const scheduler = new Scheduler({
      store, instanceId: 'loop', now: () => new Date(), log: silent, pollMs: 10,
      jobs: [{ name: 'loop', everyMs: 1, run: async () => { ran.push(Date.now()); } }],
    });
    scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await scheduler.stop();
    const count = ran.length;
    expect(count).toBeGreaterThan(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ran.length).toBe(count);
  });
});
