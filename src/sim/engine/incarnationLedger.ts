/**
 * How many incarnations each 4-tuple has had, kept outside the checkpointed state. A churn run
 * uses a fresh port for every connection, so a map copied into every checkpoint grew with the
 * run and made each checkpoint slower than the last.
 *
 * Counts only ever rise, and every rise is logged with its engine step. Going back to step k
 * undoes the logged rises after k, so the cost of a step back is the number of rises undone.
 */
export class IncarnationLedger {
  private readonly counts = new Map<string, number>();
  private readonly log: Array<{ step: number; tuple: string; previous: number }> = [];

  count(tuple: string): number {
    return this.counts.get(tuple) ?? 0;
  }

  record(tuple: string, step: number, count: number): void {
    this.log.push({ step, tuple, previous: this.count(tuple) });
    this.counts.set(tuple, count);
  }

  /** Forget every rise recorded after `step` (the run is going back to it). */
  rewindTo(step: number): void {
    for (let e = this.log.at(-1); e && e.step > step; e = this.log.at(-1)) {
      this.log.pop();
      if (e.previous === 0) this.counts.delete(e.tuple);
      else this.counts.set(e.tuple, e.previous);
    }
  }
}
