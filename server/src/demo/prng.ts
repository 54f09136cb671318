/**
 * Deterministic randomness for the demo tenant: the same seed always builds the same
 * organisation, so tests and screenshots are stable. Never `Math.random`.
 */
export interface Prng {
  /** A number in `[0, 1)`. */
  next(): number;
  /** A whole number in `[min, max]`. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** 32-bit FNV-1a of a string. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A number in `[0, 1)` that depends only on `parts`: noise that is a pure function of its inputs. */
export function hashUnit(...parts: Array<string | number>): number {
  // A second mixing round (murmur3's finaliser) so neighbouring inputs do not give neighbouring outputs.
  let h = hash32(parts.join('|'));
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x1_0000_0000;
}

/** mulberry32, seeded from a string or number. */
export function createPrng(seed: string | number): Prng {
  let state = typeof seed === 'number' ? seed >>> 0 : hash32(seed);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}

/**
 * 128 bits that depend only on `key`: four differently seeded 32-bit hashes. Not cryptographic;
 * ids of a synthetic tenant only need to be stable and distinct, and `createHash` is too slow to
 * run once per seeded event.
 */
function hash128(key: string): Buffer {
  let a = 0x811c9dc5 ^ 0x9e3779b1;
  let b = 0x811c9dc5 ^ 0x3c6ef362;
  let c = 0x811c9dc5 ^ 0xdaa66d13;
  let d = 0x811c9dc5 ^ 0x78dde6c4;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x01000193);
    c = Math.imul(c ^ ch, 0x01000193);
    d = Math.imul(d ^ ch, 0x01000193);
  }
  const out = Buffer.allocUnsafe(16);
  out.writeUInt32BE(finalise(a), 0);
  out.writeUInt32BE(finalise(b ^ a), 4);
  out.writeUInt32BE(finalise(c ^ b), 8);
  out.writeUInt32BE(finalise(d ^ c), 12);
  return out;
}

/** murmur3's finaliser: spreads every input bit over the output. */
function finalise(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A GUID derived from a key: the same key always gives the same id. */
export function stableGuid(key: string): string {
  const hex = hash128(key).toString('hex');
  // Version 5 and RFC 4122 variant bits, as a name-based UUID would carry.
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An Outlook-looking item id ("AAMkAD…=") derived from a key. */
export function stableItemId(key: string): string {
  return `AAMkAD${hash128(key).toString('base64url')}${hash128(`${key}#2`).toString('base64url').slice(0, 6)}=`;
}

/** Upper-case hex of 128 bits derived from a key (for iCalUIds). */
export function stableHex(key: string): string {
  return hash128(key).toString('hex').toUpperCase();
}

/** An Outlook-looking change key, derived from the item and its version. */
export function changeKeyFor(key: string, version: number): string {
  return hash128(`${key}#${version}`).toString('base64').slice(0, 22);
}
