/**
 * 32-bit sequence-number arithmetic (RFC 9293 §3.4).
 *
 * Sequence numbers live in a circle of 2^32 values, so "less than" only makes sense for
 * numbers less than 2^31 apart. Every comparison in the simulation goes through these helpers;
 * a plain `<` on sequence numbers is a bug (it breaks at the wrap, which lesson 5 shows on purpose).
 */

export const SEQ_MODULUS = 0x1_0000_0000;

/** Normalise any integer into [0, 2^32). */
export function seqNorm(n: number): number {
  const r = n % SEQ_MODULUS;
  return r < 0 ? r + SEQ_MODULUS : r;
}

/** a + n, wrapped to 32 bits. */
export function seqAdd(a: number, n: number): number {
  return seqNorm(a + n);
}

/** The signed distance from b to a, in (-2^31, 2^31]: positive when a is "after" b. */
export function seqDiff(a: number, b: number): number {
  const d = seqNorm(a - b);
  return d > 0x7fff_ffff ? d - SEQ_MODULUS : d;
}

export const seqLt = (a: number, b: number): boolean => seqDiff(a, b) < 0;
export const seqLe = (a: number, b: number): boolean => seqDiff(a, b) <= 0;
export const seqGt = (a: number, b: number): boolean => seqDiff(a, b) > 0;
export const seqGe = (a: number, b: number): boolean => seqDiff(a, b) >= 0;

/** lo <= x < hi, all modulo 2^32 (a window that starts at lo). */
export function seqInWindow(x: number, lo: number, hi: number): boolean {
  return seqLe(lo, x) && seqLt(x, hi);
}
