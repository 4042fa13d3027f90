/**
 * Checkpoints for exact step back: copies of the state, dense near the present and sparse
 * further back, in a bounded number so that an hour-long run holds no more of them than a
 * ten-minute one (memory stays flat).
 *
 * - The last DENSE intervals keep one checkpoint per interval: stepping back a little replays at
 *   most one interval.
 * - Further back, checkpoints sit on a grid of `farSpacing` steps (a power of two times the
 *   interval). When more than FAR of them have piled up, the spacing doubles and every other
 *   one goes, so a jump far back replays at most about 2/FAR of the run.
 * - The checkpoint at step 0 is always kept.
 */
import { checkpointCopy, TcbCopies } from './stateCopy.js';
import type { SimState } from './state.js';
import type { IncarnationLedger, SavedCounts } from './incarnationLedger.js';

export interface Checkpoint {
  step: number;
  state: SimState;
  /** Absolute trace length (events ever recorded) when it was taken. */
  traceLength: number;
  /** The incarnation counts then (see IncarnationLedger.save). */
  incarnations: SavedCounts;
}

const DENSE = 16;
const FAR = 16;

export class CheckpointStore {
  private list: Checkpoint[] = [];
  /** Spacing of the checkpoints older than the dense ones. */
  private farSpacing: number;

  constructor(
    readonly interval: number,
    /** Shared with the engine, which marks the TCBs it lets the TCP code change. */
    readonly tcbs: TcbCopies,
  ) {
    this.farSpacing = interval;
  }

  get size(): number {
    return this.list.length;
  }

  take(state: SimState, traceLength: number, ledger: IncarnationLedger): void {
    const last = this.list[this.list.length - 1];
    if (last && last.step >= state.step) return;
    this.list.push({ step: state.step, state: checkpointCopy(state, this.tcbs), traceLength, incarnations: ledger.save() });
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
    const denseFrom = now - DENSE * this.interval;
    const onGrid = (c: Checkpoint): boolean => c.step === 0 || c.step > denseFrom || c.step % this.farSpacing === 0;
    let far = 0;
    for (const c of this.list) if (c.step !== 0 && c.step <= denseFrom) far++;
    if (far <= FAR && this.list.every(onGrid)) return;
    while (this.list.filter((c) => c.step !== 0 && c.step <= denseFrom && c.step % this.farSpacing === 0).length > FAR) this.farSpacing *= 2;
    this.list = this.list.filter(onGrid);
  }
}
