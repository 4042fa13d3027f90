/**
 * The ladder's grouped rows for the trace the controller shows, kept up to date by adding and
 * taking back only the events that changed: a step adds its events, a step back undoes them
 * (src/diagram/rows.ts RowBuilder). Grouping the whole 5,000-event window again on every key
 * was the largest cost of a step in a long run.
 *
 * The trace changes in three ways: events appended, the end cut off and replayed (step back),
 * or the front trimmed when the window slides (a new first event). The first two are followed;
 * anything else (a trimmed front, another simulation) rebuilds.
 */
import { useMemo } from 'react';
import { RowBuilder, type LadderData } from '../../diagram/rows.js';
import type { TraceEvent } from '../../sim/trace.js';

/**
 * Follows `trace[0..length)` with `builder`, or returns false when it cannot. A step back
 * restores a checkpoint and replays from it, which makes new objects for the replayed events: the
 * builder keeps the events before the first one that changed (found by halving, since the
 * events the trace kept are always a prefix) and adds the rest again.
 */
export function followTrace(builder: RowBuilder, trace: readonly TraceEvent[], length: number): boolean {
  const seen = builder.events;
  if (seen.length > 0 && trace[0] !== seen[0]) return false;
  let common = Math.min(length, seen.length);
  if (common > 0 && trace[common - 1] !== seen[common - 1]) {
    // trace[0] is shared: find the first index that differs in [1, common).
    let lo = 1;
    let hi = common - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (trace[mid] === seen[mid]) lo = mid + 1;
      else hi = mid;
    }
    common = lo;
  }
  builder.truncate(common);
  for (let i = common; i < length; i++) builder.add(trace[i]!);
  return true;
}

/**
 * One builder per trace array (a simulation's trace keeps its array for life), outside any
 * component: a ladder that is mounted again (the layout changed when a pane was toggled) picks up
 * where the last one stopped instead of regrouping the whole window. The rows are the builder's
 * own, changed in place: two ladders showing one trace at different steps would need a builder
 * each (no screen does that; compare mode's two runs have two traces).
 */
const builders = new WeakMap<readonly TraceEvent[], RowBuilder>();

export function useLadderRows(trace: readonly TraceEvent[], length: number, version: number): LadderData {
  return useMemo(() => {
    let builder = builders.get(trace);
    if (!builder || !followTrace(builder, trace, length)) {
      builder = new RowBuilder(true);
      for (let i = 0; i < length; i++) builder.add(trace[i]!);
      builders.set(trace, builder);
    }
    return builder.data();
    // `version` changes whenever the controller hands out a new state of the same trace array.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [trace, length, version]);
}
