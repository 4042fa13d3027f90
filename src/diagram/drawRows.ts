/**
 * The ladder's rows as drawn at a width: the grouped rows (rows.ts) with long annotations wrapped
 * onto rows of their own that arrows pass through, and any rows a caller inserts (compare mode's
 * marks), with the segment spans moved to match. The terminal ladder, the SVG picture and compare
 * mode all take their rows from here, so they agree row for row.
 */
import { alertText, perturbText } from './eventText.js';
import { wrapText } from './format.js';
import { tok, type DStyle } from './grid.js';
import type { LadderData, LadderRow, SegmentSpan } from './rows.js';

/** An added row: before row `before` of `ladderRows(...)` (its length: before "now"). */
export interface RowInsert {
  before: number;
  at: number;
  text?: { line: string; style: DStyle } | undefined;
}

export const TIME_W = 9;
export const noteWidth = (width: number): number => (width >= 120 ? 16 : 12);

/** A row as drawn: a data row, or one more line of a wrapped annotation. */
export interface DrawRow extends LadderRow {
  /** Arrows pass straight down: a row for text only. */
  through?: boolean;
  text?: { line: string; style: DStyle };
}

/** Rows with long annotations wrapped onto rows of their own, and spans moved to match. */
export interface Expanded {
  rows: DrawRow[];
  spans: SegmentSpan[];
  /** Rows arrows step on before each row (text-only rows do not count). */
  steps: number[];
}

/** Per grouped rows and width: a frame of a long run only lays out what it shows. */
const expandedCache = new WeakMap<LadderData, Map<number, Expanded>>();

function expanded(data: LadderData, inner: number): Expanded {
  let byWidth = expandedCache.get(data);
  if (!byWidth) expandedCache.set(data, (byWidth = new Map()));
  let e = byWidth.get(inner);
  if (!e) byWidth.set(inner, (e = expand(data, inner)));
  return e;
}

/**
 * The rows the ladder draws at `width` columns ("now" left out), for other renderers of the same
 * run: the SVG export takes its rows from here, so it has the ladder's order and grouping.
 */
export function ladderRows(data: LadderData, width: number): Expanded {
  const { cx, sx } = lineColumns(width);
  return expanded(data, sx - cx - 1);
}

/** The columns of the client's and the server's lines at `width`. */
export function lineColumns(width: number): { cx: number; sx: number } {
  const noteW = noteWidth(width);
  return { cx: TIME_W + noteW, sx: width - noteW - 2 };
}

/** The rows before "now" (which the caller adds), with spans and steps to match. */
function expand(data: LadderData, inner: number): Expanded {
  const rows: DrawRow[] = [];
  const map: number[] = [];
  const all: readonly LadderRow[] = data.rows;
  for (const [i, row] of all.entries()) {
    map[i] = rows.length;
    const ev = row.middle;
    const text = ev?.kind === 'alert' ? `⚠ ${alertText(ev.alert)}` : ev?.kind === 'perturb' ? `⚡ ${perturbText(ev)}` : '';
    if (!ev || !text) {
      rows.push(row.gap ? { ...row, through: true } : row);
      continue;
    }
    const style = ev.kind === 'alert' ? tok('alert') : tok('accent');
    // Narrow enough to fit beside an arrow passing through the text's rows.
    const lines = wrapText(text, Math.min(inner - 8, Math.max(24, Math.floor(inner / 2) - 2)));
    // The event's own row keeps its segment (if any); each line of text gets a row arrows pass through.
    if (row.seg || row.notes.client || row.notes.server) rows.push({ ...row, middle: undefined });
    else map[i] = rows.length;
    for (const line of lines) rows.push({ at: row.at, notes: {}, through: true, text: { line, style } });
  }
  // A span that would start on a text-only row (an injection's own note) starts below the text.
  const below = (r: number): number => {
    let i = r;
    while (rows[i]?.through) i++;
    return i;
  };
  const spans = [...data.spans.values()].map((s) => {
    const startRow = below(map[s.startRow] ?? rows.length);
    const endRow = s.endRow === undefined ? undefined : (map[s.endRow] ?? rows.length);
    // Most spans do not move (no annotation above them): the same object, no copy to collect.
    if (startRow === s.startRow && endRow === s.endRow) return s;
    return { ...s, startRow, ...(endRow !== undefined ? { endRow } : {}) };
  });
  const steps: number[] = [0];
  for (let r = 0; r < rows.length; r++) steps.push(steps[r]! + (rows[r]!.through ? 0 : 1));
  return { rows, spans, steps };
}

/** The expanded rows with inserted rows added, and spans and steps moved to match. */
export function withInserts(exp: Expanded, inserts: readonly RowInsert[]): Expanded {
  const sorted = [...inserts].sort((a, b) => a.before - b.before);
  const rows: DrawRow[] = [];
  const map: number[] = [];
  let k = 0;
  for (let i = 0; i <= exp.rows.length; i++) {
    for (; k < sorted.length && sorted[k]!.before <= i; k++) {
      const ins = sorted[k]!;
      rows.push({ at: ins.at, notes: {}, through: true, ...(ins.text ? { text: ins.text } : {}) });
    }
    map[i] = rows.length;
    if (i < exp.rows.length) rows.push(exp.rows[i]!);
  }
  const spans = exp.spans.map((s) => ({ ...s, startRow: map[s.startRow] ?? rows.length, ...(s.endRow !== undefined ? { endRow: map[s.endRow] ?? rows.length } : {}) }));
  const steps: number[] = [0];
  for (let r = 0; r < rows.length; r++) steps.push(steps[r]! + (rows[r]!.through ? 0 : 1));
  return { rows, spans, steps };
}
