/**
 * A small seeded pseudo-random generator (mulberry32). Its whole state is one 32-bit integer
 * kept inside the simulation state, so a checkpoint captures it and a replay draws the same
 * numbers. Nothing in src/sim may use Math.random.
 */
export interface RngState {
  s: number;
}

export function createRng(seed: number): RngState {
  // Mix the seed once so that small neighbouring seeds do not give similar first draws.
  return { s: (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ (seed >>> 13)) >>> 0 };
}

/** A float in [0, 1); advances the state. */
export function nextFloat(rng: RngState): number {
  rng.s = (rng.s + 0x6d2b79f5) >>> 0;
  let t = rng.s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** An unsigned 32-bit integer; advances the state. */
export function nextUint32(rng: RngState): number {
  return Math.floor(nextFloat(rng) * 4294967296) >>> 0;
}
