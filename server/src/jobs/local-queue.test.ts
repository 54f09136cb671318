import { describe, expect, it } from 'vitest';
import { LocalQueue } from './local-queue';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('LocalQueue', () => {
  it('runs jobs in order, up to the concurrency at once, and only once started', async () => {
    const queue = new LocalQueue(silent);
    const order: number[] = [];
    let running = 0;
    let most = 0;
    queue.work<{ n: number }>('q', async ({ n }) => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      order.push(n);
      running -= 1;
    }, { concurrency: 2 });
    for (let n = 0; n < 6; n += 1) await queue.send('q', { n });
    await tick();
    expect(order).toEqual([]);
    await queue.start();
    await queue.drained();
    expect(order.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it('adds a keyed job once while it waits, and again once it ran', async () => {
    const queue = new LocalQueue(silent);
    const seen: string[] = [];
    queue.work<{ v: string }>('q', async ({ v }) => { seen.push(v); });
    await queue.send('q', { v: 'a' }, { key: 'k' });
    await queue.send('q', { v: 'b' }, { key: 'k' });
    await queue.start();
    await queue.drained();
    await queue.send('q', { v: 'c' }, { key: 'k' });
    await queue.drained();
    expect(seen).toEqual(['a', 'c']);
  });

  it('logs a failed job and goes on; stop waits for running jobs and drops waiting ones', async () => {
    const errors: string[] = [];
    const queue = new LocalQueue({ ...silent, error: (_d, m) => errors.push(m) });
    const done: number[] = [];
    queue.work<{ n: number }>('q', async ({ n }) => {
      if (n === 0) throw new Error('boom');
      await tick();
      done.push(n);
    });
    await queue.start();
    for (let n = 0; n < 4; n += 1) await queue.send('q', { n });
    await tick();
    await queue.stop();
    expect(errors).toEqual(['background job failed']);
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(3);
    await queue.send('q', { n: 9 });
    await queue.drained();
    expect(done).not.toContain(9);
  });
});
