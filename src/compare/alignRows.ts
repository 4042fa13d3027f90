/**
 * Two ladders in step: rows added so that every line of one ladder stands at the same moment as
 * the same line of the other, and the divergence marked by one text row on both, on the same
 * line. Each ladder is still laid out by the one engine (src/diagram/layout.ts); this only says
 * where its blank rows go (`RowInsert`s).
 */
import type { TraceEvent } from '../sim/index.js';
import type { LadderData } from '../diagram/rows.js';
import { ladderRows, type DrawRow, type RowInsert } from '../diagram/layout.js';
import { tok } from '../diagram/grid.js';

/** Where the divergence is marked: its time, each side's event there, and each side's text. */
export interface DivergenceMark {
  at: number;
  eventA?: TraceEvent | undefined;
  eventB?: TraceEvent | undefined;
  textA: string;
  textB: string;
}

export interface AlignInput {
  a: LadderData;
  b: LadderData;
  width: number;
  mark?: DivergenceMark | undefined;
}

/** Rows before the mark sort first at its instant, the mark itself next, the rest after. */
interface Key {
  at: number;
  phase: 0 | 1 | 2;
}

const cmp = (x: Key, y: Key): number => x.at - y.at || x.phase - y.phase;

function holds(row: DrawRow, ev: TraceEvent): boolean {
  return row.seg?.ev === ev || row.middle === ev || row.notes.client === ev || row.notes.server === ev;
}

/** The row the mark goes before: the one drawing the side's event, else the first at or after its time. */
function markRow(rows: readonly DrawRow[], at: number, ev: TraceEvent | undefined): number {
  if (ev) {
    const i = rows.findIndex((r) => holds(r, ev));
    if (i >= 0) return i;
  }
  const i = rows.findIndex((r) => !r.gap && r.at >= at);
  return i < 0 ? rows.length : i;
}

function keysOf(rows: readonly DrawRow[], mark: number | undefined, at: number): Key[] {
  return rows.map((r, i) => ({ at: r.at, phase: mark !== undefined && i >= mark && r.at === at ? 2 : 0 }));
}

const name = (k: Key): string => `${k.at}|${k.phase}`;

function counts(keys: readonly Key[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(name(k), (m.get(name(k)) ?? 0) + 1);
  return m;
}

export function alignRows({ a, b, width, mark }: AlignInput): { a: RowInsert[]; b: RowInsert[] } {
  const rowsA = ladderRows(a, width).rows;
  const rowsB = ladderRows(b, width).rows;
  const mA = mark ? markRow(rowsA, mark.at, mark.eventA) : undefined;
  const mB = mark ? markRow(rowsB, mark.at, mark.eventB) : undefined;
  const keysA = keysOf(rowsA, mA, mark?.at ?? 0);
  const keysB = keysOf(rowsB, mB, mark?.at ?? 0);
  const markKey: Key | undefined = mark ? { at: mark.at, phase: 1 } : undefined;
  // Every distinct moment either side draws, in order.
  const all = [...keysA, ...keysB, ...(markKey ? [markKey] : [])].sort(cmp);
  const union = all.filter((k, i) => i === 0 || cmp(all[i - 1]!, k) !== 0);
  const countA = counts(keysA);
  const countB = counts(keysB);
  const plan = (keys: readonly Key[], own: Map<string, number>, text: string | undefined): RowInsert[] => {
    const inserts: RowInsert[] = [];
    let pos = 0;
    for (const k of union) {
      const mine = own.get(name(k)) ?? 0;
      // Rows of this side up to and including this moment.
      while (pos < keys.length && cmp(keys[pos]!, k) <= 0) pos++;
      if (k === markKey) {
        inserts.push({ before: pos, at: k.at, text: { line: text ?? '', style: tok('alert') } });
        continue;
      }
      const want = Math.max(countA.get(name(k)) ?? 0, countB.get(name(k)) ?? 0);
      for (let n = mine; n < want; n++) inserts.push({ before: pos, at: k.at });
    }
    return inserts;
  };
  return { a: plan(keysA, countA, mark?.textA), b: plan(keysB, countB, mark?.textB) };
}
