/**
 * The engine's own limits on a run, whatever its caller asked for: a total event budget (the
 * full trace is kept in memory, so events are memory) and livelock detection (with zero link
 * delays a repeated send can go on for ever without the clock moving, so a time limit alone
 * never ends it). Both stop the run before the next event; the engine records why in the trace.
 */
import { LIMITS, formatCount } from '../limits.js';
import type { Micros } from '../time.js';

export type BudgetStop = 'max-events' | 'livelock';

export class RunBudget {
  /** Set once a budget has tripped; later runs stop at once for the same reason. */
  stopped: BudgetStop | null = null;
  private sameInstant = 0;
  private lastTime: Micros | null = null;

  constructor(readonly maxEvents: number) {}

  /** Count one processed event at `time`. */
  tick(time: Micros): void {
    this.sameInstant = time === this.lastTime ? this.sameInstant + 1 : 0;
    this.lastTime = time;
  }

  /** Stepping back: the stop and the run of same-instant events no longer hold. */
  reset(): void {
    this.stopped = null;
    this.sameInstant = 0;
    this.lastTime = null;
  }

  /** Whether the run must stop before the next event, given `steps` processed in all. */
  check(steps: number): { stop: BudgetStop; detail: string } | null {
    if (this.stopped) return null;
    if (steps >= this.maxEvents) {
      this.stopped = 'max-events';
      return { stop: this.stopped, detail: `the run is stopped after ${formatCount(steps)} events (its event budget)` };
    }
    if (this.sameInstant >= LIMITS.sameInstantEvents) {
      this.stopped = 'livelock';
      return {
        stop: this.stopped,
        detail: `the run is stopped: ${formatCount(this.sameInstant)} events in a row without the clock moving (zero delays make a loop that never ends)`,
      };
    }
    return null;
  }
}
