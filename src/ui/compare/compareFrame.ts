/**
 * One frame of the compare view: each run as it stood at the shared clock (its events so far and
 * the segments in flight), and the rows that keep the two ladders in step, with the divergence
 * marked once the clock has reached it. UI-free: the components only paint it.
 */
import type { Comparison, CompareSide } from '../../compare/compareRuns.js';
import { alignRows } from '../../compare/alignRows.js';
import { markText } from '../../compare/sentence.js';
import { buildRows, type LadderData } from '../../diagram/rows.js';
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

/** The run at `clock`: its simulation stepped (or replayed from the start) to there. */
function sideAt(side: CompareSide, clock: number): { trace: TraceEvent[]; inFlight: readonly InFlightView[] } {
  const sim = side.sim;
  if (sim.now > clock) sim.seek(0);
  for (let next = sim.nextEventTime(); next !== null && next <= clock; next = sim.nextEventTime()) sim.step();
  return { trace: sim.trace.slice(), inFlight: sim.snapshot().inFlight };
}

export const MARK_GLYPH = '◆';

export function compareFrame(c: Comparison, clock: number, width: number): CompareFrame {
  const a = sideAt(c.a, clock);
  const b = sideAt(c.b, clock);
  const dataA = buildRows(a.trace);
  const dataB = buildRows(b.trace);
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
    a: { ...a, data: dataA, insert: insert.a },
    b: { ...b, data: dataB, insert: insert.b },
  };
}
