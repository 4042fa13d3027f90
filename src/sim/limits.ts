/**
 * Upper bounds on the work one run may ask for. Scenario and lesson files are shared between
 * teachers, so a small file must not be able to make the program run for minutes or eat
 * gigabytes. The YAML schemas (src/lessons/simSchemas.ts) and the command line
 * (src/cli/selectorSyntax.ts, simulateOptions.ts) both read this one table, so a value is
 * refused the same way wherever it is written. The engine's event budget is the backstop for
 * combinations that are each within bounds but multiply (every segment duplicated, say).
 */
export const LIMITS = {
  /** Extra copies one duplicate perturbation makes of each matched segment. */
  copies: 100,
  /** Laps a routing loop may hold a segment for (the TTL usually ends it far sooner). */
  laps: 10_000,
  /** nth / id in a selector or condition: far more than any run sends. */
  count: 1_000_000,
  /** Any time in seconds: --until, at, gap, by, for, MSL... One simulated day. */
  seconds: 86_400,
  /** Retransmissions of one segment before giving up. */
  retransmissions: 100,
  /**
   * Events one run may process before it is stopped (the default of --max-events). Measured: a
   * full-trace run costs about 2 KB of memory per event with its text output, so 200,000 keeps
   * the worst run under 500 MB; no built-in scenario or lesson comes near it.
   */
  events: 200_000,
  /** The most --max-events may be raised to. */
  maxEventsCeiling: 50_000_000,
  /**
   * Events in a row at one simulated instant before the run is judged a livelock: with zero
   * link delays a repeated send can go on for ever without the clock moving.
   */
  sameInstantEvents: 100_000,
} as const;

export type LimitName = keyof typeof LIMITS;

/** "2,000,000": how the limits are written in messages. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
