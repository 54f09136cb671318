/**
 * How a sampling cycle is cut up: the opted-in people of a tenant, sorted, in chunks of at most
 * 650 ids (Graph's limit for one `getPresencesByUserId`), so a cycle costs ceil(n / 650) requests.
 * Each chunk is one job any instance may take.
 */

/** Graph's limit for one `getPresencesByUserId` and for one presence subscription's filter. */
export const MAX_PRESENCE_IDS = 650;

/**
 * Splits ids into chunks of at most `size`, after sorting and removing duplicates, so the same
 * people make the same chunks on every instance.
 * @example chunkIds(['c', 'a', 'b', 'a'], 2) // [['a', 'b'], ['c']]
 */
export function chunkIds(ids: readonly string[], size: number = MAX_PRESENCE_IDS): string[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('size must be a whole number, at least 1');
  const sorted = [...new Set(ids)].sort();
  const chunks: string[][] = [];
  for (let i = 0; i < sorted.length; i += size) chunks.push(sorted.slice(i, i + size));
  return chunks;
}
