/**
 * Checkpoints for exact step back: copies of the state, dense near the present and thinning
 * with distance, so a long run keeps O(log n) of them while stepping back a little stays cheap.
 * A checkpoint `interval` steps apart is kept for the last DENSE intervals; further back the
 * spacing doubles each time the distance doubles.
 */
import { checkpointCopy, TcbCopies } from './stateCopy.js';
import type { SimState } from './state.js';

export interface Checkpoint {
  step: number;
  state: SimState;
  /** Absolute trace length (events ever recorded) when it was taken. */
  traceLength: number;
}

const DENSE = 16;

export class CheckpointStore {
  private list: Checkpoint[] = [];

  constructor(
    readonly interval: number,
    /** Shared with the engine, which marks the TCBs it lets the TCP code change. */
    readonly tcbs: TcbCopies,
  ) {}

  get size(): number {
    return this.list.length;
  }

  take(state: SimState, traceLength: number): void {
    const last = this.list[this.list.length - 1];
    if (last && last.step >= state.step) return;
    this.list.push({ step: state.step, state: checkpointCopy(state, this.tcbs), traceLength });
    this.thin(state.step);
  }

  /** The latest checkpoint at or before `step` (the first one, at step 0, always exists). */
  atOrBefore(step: number): Checkpoint {
    let best = this.list[0]!;
    for (const c of this.list) if (c.step <= step) best = c;
    return best;
  }

  /** Forget checkpoints after `step` (they were taken before a perturbation added at `step`). */
  dropAfter(step: number): void {
    this.list = this.list.filter((c) => c.step <= step);
  }

  private thin(now: number): void {
    const dense = DENSE * this.interval;
    this.list = this.list.filter((c) => {
      const d = now - c.step;
      if (c.step === 0 || d < dense) return true;
      const spacing = this.interval * 2 ** Math.floor(Math.log2(d / dense) + 1);
      return c.step % spacing === 0;
    });
  }
}
