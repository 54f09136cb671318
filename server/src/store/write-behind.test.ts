import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from './schema';
import { DeferredWrites, onWriteError, settleWrites } from './write-behind';

/** The queue only keys on the database; a stand-in object does. */
const fakeDb = () => ({}) as Kysely<Database>;

describe('DeferredWrites', () => {
  it('writes the entries added within the delay in one statement, in order, and resolves each add once written', async () => {
    const writes: number[][] = [];
    const queue = new DeferredWrites<number>(fakeDb(), 'test', async (entries) => { writes.push([...entries]); }, 20);
    const added = [1, 2, 3].map((n) => queue.add(n));
    expect(writes).toEqual([]); // nothing before the delay
    await Promise.all(added);
    expect(writes).toEqual([[1, 2, 3]]);
  });

  it('settleWrites writes what waits at once, and a read after it sees it', async () => {
    const db = fakeDb();
    const rows: number[] = [];
    const queue = new DeferredWrites<number>(db, 'test', async (entries) => { rows.push(...entries); }, 60_000);
    void queue.add(7);
    void queue.add(8);
    await settleWrites(db);
    expect(rows).toEqual([7, 8]);
    await settleWrites(db); // nothing left: nothing more written
    expect(rows).toEqual([7, 8]);
  });

  it('keeps writes in the order they were queued when one is still running', async () => {
    const db = fakeDb();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const queue = new DeferredWrites<string>(db, 'test', async (entries) => {
      order.push(`start ${entries.join(',')}`);
      if (entries[0] === 'a') await gate;
      order.push(`end ${entries.join(',')}`);
    }, 60_000);
    void queue.add('a');
    const first = settleWrites(db);
    void queue.add('b');
    const second = settleWrites(db);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('reports a failed write instead of throwing it at whoever queued it, and goes on writing', async () => {
    const db = fakeDb();
    const reported: [unknown, string][] = [];
    onWriteError(db, (error, kind) => reported.push([error, kind]));
    const written: number[] = [];
    const queue = new DeferredWrites<number>(db, 'snapshots', async (entries) => {
      if (entries.includes(1)) throw new Error('disk full');
      written.push(...entries);
    }, 10);
    await expect(queue.add(1)).resolves.toBeUndefined();
    expect(reported).toEqual([[new Error('disk full'), 'snapshots']]);
    await queue.add(2);
    expect(written).toEqual([2]);
  });

  it('splits a long queue into statements of at most 500 entries', async () => {
    const db = fakeDb();
    const sizes: number[] = [];
    const queue = new DeferredWrites<number>(db, 'test', async (entries) => { sizes.push(entries.length); }, 60_000);
    for (let i = 0; i < 1_201; i += 1) void queue.add(i);
    await settleWrites(db);
    expect(sizes).toEqual([500, 500, 201]);
  });
});
