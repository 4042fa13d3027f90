/**
 * Simulated time is an integer count of microseconds. Integers keep every run bit-for-bit
 * reproducible (no floating-point drift from summing delays) and map straight onto pcap
 * timestamps. Seconds appear only at the edges: scenario files, the CLI and the trace's `t`.
 */
export type Micros = number;

export const US_PER_SECOND = 1_000_000;

export function seconds(s: number): Micros {
  return Math.round(s * US_PER_SECOND);
}

export function toSeconds(us: Micros): number {
  return us / US_PER_SECOND;
}
