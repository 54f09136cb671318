/**
 * Stable, URL-safe ids from strings, with no crypto module (the domain does no I/O and these ids
 * are not secrets, only names that must not churn). cyrb53 is a small, well-mixed 53-bit string
 * hash; two seeds give 106 bits, so collisions among one person's suggestions are not a concern.
 */

/** cyrb53 by bryc (public domain): a 53-bit hash of a string. */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2_654_435_761);
    h2 = Math.imul(h2 ^ ch, 1_597_334_677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2_246_822_507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3_266_489_909);
  return 4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0);
}

/**
 * `prefix` + 28 lowercase hex digits, a pure function of `parts`.
 * @example stableId('sg_', ['tenant', 'user', 'recovery', 1, 2]) // 'sg_…' (always the same 28 digits)
 */
export function stableId(prefix: string, parts: readonly (string | number)[]): string {
  const text = parts.join('\u0000');
  return prefix + cyrb53(text, 1).toString(16).padStart(14, '0') + cyrb53(text, 2).toString(16).padStart(14, '0');
}
