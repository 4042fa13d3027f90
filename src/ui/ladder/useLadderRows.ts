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
import { followTrace, RowBuilder, type LadderData } from '../../diagram/rows.js';
import type { TraceEvent } from '../../sim/trace.js';

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
