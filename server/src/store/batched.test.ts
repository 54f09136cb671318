import { describe, expect, it } from 'vitest';
import { batched, groupBy } from './batched';

describe('batched', () => {
  it('answers calls of the same turn with one batch, each with its own value', async () => {
    const batches: string[][] = [];
    const upper = batched(async (keys: readonly string[]) => {
      batches.push([...keys]);
      return keys.map((k) => k.toUpperCase());
    });
    expect(await Promise.all(['a', 'b', 'c'].map(upper))).toEqual(['A', 'B', 'C']);
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('gathers the calls made while a batch runs into the next one', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const twice = batched(async (keys: readonly number[]) => {
      batches.push([...keys]);
      if (batches.length === 1) await gate;
      return keys.map((k) => k * 2);
    });
    const first = twice(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [twice(2), twice(3)];
    release();
    expect(await Promise.all([first, ...later])).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('splits batches at the maximum size', async () => {
    const sizes: number[] = [];
    const same = batched(async (keys: readonly number[]) => {
      sizes.push(keys.length);
      return keys;
    }, 2);
    expect(await Promise.all([1, 2, 3, 4, 5].map(same))).toEqual([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('rejects every call of a failed batch, and serves the next batch', async () => {
    let fail = true;
    const load = batched(async (keys: readonly string[]) => {
      if (fail) throw new Error('store gone');
      return keys;
    });
    const failed = await Promise.allSettled([load('a'), load('b')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await load('c')).toBe('c');
  });

  it('refuses a batch that answers the wrong number of values', async () => {
    const wrong = batched(async () => ['only one']);
    await expect(Promise.all([wrong('a'), wrong('b')])).rejects.toThrow('A batch of 2 answered 1 values');
  });
});

describe('groupBy', () => {
  it('groups keys by a part, in order', () => {
    const keys = [{ t: 'x', u: 1 }, { t: 'y', u: 2 }, { t: 'x', u: 3 }];
    expect([...groupBy(keys, (k) => k.t)]).toEqual([['x', [keys[0], keys[2]]], ['y', [keys[1]]]]);
  });
});
