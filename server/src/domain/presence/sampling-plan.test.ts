import { describe, expect, it } from 'vitest';
import { chunkIds, MAX_PRESENCE_IDS } from './sampling-plan';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `user-${String(i).padStart(5, '0')}`);

describe('chunkIds', () => {
  it.each([[0, 0], [1, 1], [650, 1], [651, 2], [2000, 4], [10_000, 16]])('%i people make %i requests of at most 650 ids', (n, chunks) => {
    const result = chunkIds(ids(n));
    expect(result).toHaveLength(chunks);
    expect(result.every((c) => c.length <= MAX_PRESENCE_IDS)).toBe(true);
    expect(result.flat()).toEqual(ids(n));
  });

  it('sorts and removes duplicates, so every instance cuts the same chunks', () => {
    expect(chunkIds(['c', 'a', 'b', 'a'], 2)).toEqual([['a', 'b'], ['c']]);
    expect(() => chunkIds(['a'], 0)).toThrow(RangeError);
  });
});
