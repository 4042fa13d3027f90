/**
 * `simulate --compare` as text: the two runs' ladders side by side, each laid out by the one
 * ladder engine at half the width, kept in step row for row, with the divergence marked on the
 * same line of both and its sentence under them. Plain characters only, as the ladder export.
 */
import { toLadder } from '../export/ladder.js';
import { ASCII_LEGEND } from '../diagram/ascii.js';
import { wrapText } from '../diagram/format.js';
import { buildRows } from '../diagram/rows.js';
import { inert } from '../text/inert.js';
import { alignRows, type DivergenceMark } from './alignRows.js';
import type { Comparison } from './compareRuns.js';
import { markText } from './sentence.js';

/** The default width: two 78-column ladders and a 3-column divider. */
export const COMPARE_WIDTH = 160;
const DIVIDER = ' | ';
/** Two ladders at the export's least width (60) and the divider. */
export const COMPARE_MIN_WIDTH = 2 * 60 + DIVIDER.length;

/** The divergence mark for a comparison (null before it is reached or when there is none). */
export function divergenceMark(c: Comparison, glyph: string): DivergenceMark | undefined {
  const d = c.divergence;
  if (!d) return undefined;
  const eventA = d.indexA === undefined ? undefined : c.a.trace[d.indexA];
  const eventB = d.indexB === undefined ? undefined : c.b.trace[d.indexB];
  return { at: d.at, eventA, eventB, textA: markText(glyph, eventA), textB: markText(glyph, eventB) };
}

/** What the comparison found, in sentences: the divergence, and the inner difference before it. */
export function verdictLines(c: Comparison): string[] {
  const d = c.divergence;
  if (!d) return [`The runs do not diverge: with ${c.a.label} and with ${c.b.label} every event is the same.`];
  const lines = [d.sentence];
  if (d.earlier) lines.push(`Before that, ${d.earlier.sentence.charAt(0).toLowerCase()}${d.earlier.sentence.slice(1)}`);
  return lines;
}

export function compareLadderText(c: Comparison, width = COMPARE_WIDTH): string {
  const half = Math.max(60, Math.floor((width - DIVIDER.length) / 2));
  const last = (t: Comparison['a']['trace']): number => (t.length ? t[t.length - 1]!.at : 0);
  const clock = Math.max(last(c.a.trace), last(c.b.trace));
  const inserts = alignRows({ a: buildRows(c.a.trace), b: buildRows(c.b.trace), width: half, mark: divergenceMark(c, '>>') });
  const ladder = (trace: Comparison['a']['trace'], insert: typeof inserts.a): string[] =>
    toLadder(trace, { width: half, insert, clock, legend: false }).trimEnd().split('\n');
  const left = ladder(c.a.trace, inserts.a);
  const right = ladder(c.b.trace, inserts.b);
  const out = [`${`run A: ${c.a.label}`.slice(0, half).padEnd(half)}${DIVIDER}${`run B: ${c.b.label}`.slice(0, half)}`, ''];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    out.push(`${(left[i] ?? '').padEnd(half)}${DIVIDER}${right[i] ?? ''}`.trimEnd());
  }
  out.push('', ASCII_LEGEND, '');
  for (const line of verdictLines(c)) out.push(...wrapText(line, half * 2 + DIVIDER.length));
  return inert(`${out.join('\n')}\n`);
}
