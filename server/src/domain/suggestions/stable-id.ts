/**
 * Stable, URL-safe ids, with no crypto module (the domain does no I/O, and these ids are not
 * secrets, only names that must not churn). The hash is cyrb53's mixing (bryc, public domain) run
 * with two seeds for 106 bits; text goes in two UTF-16 units a word, numbers as two 32-bit words
 * (turning instants into strings cost more than everything else about an id).
 */

const TWO_32 = 4_294_967_296;
const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Eight hex digits of an unsigned 32-bit number (a table is cheaper than `toString(16)`). */
function hex32(x: number): string {
  return (HEX_BYTE[x >>> 24] as string) + HEX_BYTE[(x >>> 16) & 255] + HEX_BYTE[(x >>> 8) & 255] + HEX_BYTE[x & 255];
}

/** cyrb53's two lanes, run for two seeds at once (four lanes, one pass over the input). */
class Hash {
  constructor(private a1 = 0xdeadbeef ^ 1, private a2 = 0x41c6ce57 ^ 1, private b1 = 0xdeadbeef ^ 2, private b2 = 0x41c6ce57 ^ 2) {}

  copy(): Hash {
    return new Hash(this.a1, this.a2, this.b1, this.b2);
  }

  word(w: number): void {
    this.a1 = Math.imul(this.a1 ^ w, 2_654_435_761);
    this.a2 = Math.imul(this.a2 ^ w, 1_597_334_677);
    this.b1 = Math.imul(this.b1 ^ w, 2_654_435_761);
    this.b2 = Math.imul(this.b2 ^ w, 1_597_334_677);
  }

  text(s: string): void {
    let { a1, a2, b1, b2 } = this;
    // Two UTF-16 units a word: Graph event ids are ~150 characters, and this halves their cost.
    const n = s.length;
    for (let i = 0; i < n; i += 2) {
      const w = s.charCodeAt(i) | (i + 1 < n ? s.charCodeAt(i + 1) << 16 : 0);
      a1 = Math.imul(a1 ^ w, 2_654_435_761);
      a2 = Math.imul(a2 ^ w, 1_597_334_677);
      b1 = Math.imul(b1 ^ w, 2_654_435_761);
      b2 = Math.imul(b2 ^ w, 1_597_334_677);
    }
    this.a1 = a1;
    this.a2 = a2;
    this.b1 = b1;
    this.b2 = b2;
    this.word(0x1_0000 + n); // the length ends the text, so ("ab", "c") ≠ ("a", "bc") and "a" ≠ "a\0"
  }

  value(v: string | number): void {
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) {
      this.word(0x1_0001); // numbers and their decimal text hash differently, and that is fine: ids only need to be stable
      this.word(Math.floor(v / TWO_32));
      this.word(v >>> 0);
    } else {
      this.text(String(v));
    }
  }

  /** 28 hex digits: 53 bits from each seed. */
  hex(): string {
    return final(this.a1, this.a2) + final(this.b1, this.b2);
  }
}

/** cyrb53's finaliser, as 14 hex digits. */
function final(x1: number, x2: number): string {
  let h1 = Math.imul(x1 ^ (x1 >>> 16), 2_246_822_507);
  h1 ^= Math.imul(x2 ^ (x2 >>> 13), 3_266_489_909);
  let h2 = Math.imul(x2 ^ (x2 >>> 16), 2_246_822_507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3_266_489_909);
  return hex32((h2 >>> 0) & 0x1f_ffff).slice(2) + hex32(h1 >>> 0);
}

/**
 * An id maker for one scope (e.g. one person): the scope's parts are hashed once, then each id
 * adds its own parts. `stableIds(p, scope)(...rest)` equals `stableId(p, [...scope, ...rest])`.
 * @example const idFor = stableIds('sg_', [tenantId, userId]); idFor('recovery', start, end) // 'sg_' + 28 hex digits
 */
export function stableIds(prefix: string, scope: readonly (string | number)[]): (...parts: (string | number)[]) => string {
  const base = new Hash();
  for (const part of scope) base.value(part);
  return (...parts) => {
    const h = base.copy();
    for (const part of parts) h.value(part);
    return prefix + h.hex();
  };
}

/**
 * `prefix` + 28 lowercase hex digits, a pure function of `parts`.
 * @example stableId('sg_', ['tenant', 'user', 'recovery', 1, 2]) // 'sg_…' (always the same 28 digits)
 */
export function stableId(prefix: string, parts: readonly (string | number)[]): string {
  return stableIds(prefix, [])(...parts);
}
