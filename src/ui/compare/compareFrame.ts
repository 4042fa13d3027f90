/**
 * One frame of the compare view: each run as it stood at the shared clock (its events so far and
 * the segments in flight), and the rows that keep the two ladders in step, with the divergence
 * marked once the clock has reached it. UI-free: the components only paint it.
 */
import type { Comparison, CompareSide } from '../../compare/compareRuns.js';
import { alignRows } from '../../compare/alignRows.js';
import { markText } from '../../compare/sentence.js';
import { followTrace, RowBuilder, type LadderData } from '../../diagram/rows.js';
import { ladderRows, type RowInsert } from '../../diagram/layout.js';
import type { InFlightView, TraceEvent } from '../../sim/index.js';

export interface SideFrame {
  trace: readonly TraceEvent[];
  inFlight: readonly InFlightView[];
  data: LadderData;
  insert: RowInsert[];
}

export interface CompareFrame {
  clock: number;
  a: SideFrame;
  b: SideFrame;
  /** The clock has reached the divergence (the mark and the sentence show from then on). */
  reached: boolean;
  /** Rows each ladder draws ("now" included): the same for both runs. */
  rows: number;
}

/**
 * The run at `clock`: its simulation stepped there. Going back, it seeks to the engine step of the
 * last event at or before `clock` in the whole run, so the nearest checkpoint is restored instead
 * of the run being replayed from its start.
 */
function sideAt(side: CompareSide, clock: number): { trace: TraceEvent[]; inFlight: readonly InFlightView[]; data: LadderData } {
  const sim = side.sim;
  if (sim.now > clock) sim.seek(stepAt(side.trace, clock));
  for (let next = sim.nextEventTime(); next !== null && next <= clock; next = sim.nextEventTime()) sim.step();
  return { trace: sim.trace.slice(), inFlight: sim.snapshot().inFlight, data: rowsOf(side) };
}

/** The engine step of the last event at or before `clock` (0 when there is none). */
function stepAt(trace: readonly TraceEvent[], clock: number): number {
  let lo = 0;
  let hi = trace.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trace[mid]!.at <= clock) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : trace[lo - 1]!.step;
}

/**
 * The ladder's rows for a side as its simulation stands, followed a step at a time (the same
 * RowBuilder the sandbox's ladder uses) instead of regrouped from the whole trace each frame.
 */
const builders = new WeakMap<CompareSide, RowBuilder>();
function rowsOf(side: CompareSide): LadderData {
  const trace = side.sim.trace;
  let builder = builders.get(side);
  if (!builder || !followTrace(builder, trace, trace.length)) {
    builder = new RowBuilder(true);
    for (const ev of trace) builder.add(ev);
    builders.set(side, builder);
  }
  return builder.data();
}

export const MARK_GLYPH = '◆';

export function compareFrame(c: Comparison, clock: number, width: number): CompareFrame {
  const a = sideAt(c.a, clock);
  const b = sideAt(c.b, clock);
  const dataA = a.data;
  const dataB = b.data;
  const d = c.divergence;
  const reached = d !== null && clock >= d.at;
  // Replay is exact, so the events of the frame stand at the same indices as in the whole run.
  const evA = reached && d.indexA !== undefined ? a.trace[d.indexA] : undefined;
  const evB = reached && d.indexB !== undefined ? b.trace[d.indexB] : undefined;
  const mark = reached
    ? { at: d.at, eventA: evA, eventB: evB, textA: markText(MARK_GLYPH, evA), textB: markText(MARK_GLYPH, evB) }
    : undefined;
  const insert = alignRows({ a: dataA, b: dataB, width, mark });
  return {
    clock,
    reached,
    rows: ladderRows(dataA, width).rows.length + insert.a.length + 1,
    a: { ...a, insert: insert.a },
    b: { ...b, insert: insert.b },
  };
}
