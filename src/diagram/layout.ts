/**
 * The ladder layout engine: one pure function from a run to a grid of cells, which the TUI
 * paints with its theme and `--format ladder` writes as plain characters (ascii.ts). Same run,
 * same width: same geometry.
 *
 * Client and server are vertical lines; each segment is a staircase sloping down from its
 * sender's line towards the receiver's, one step per row it spends in flight:
 *
 *   ├───╮ FIN seq=1001 ack=5001        │
 *   │   ╰──────────╮                   │
 *   │              ╰──────────────────▶│
 *
 * Arrows are drawn first (crossings get ┼), then labels, each on a free span of its start row
 * (or the row above), shortened when the long form has no room, and as a last resort replaced by
 * `#id` with the full label in `footnotes`. Annotations (perturbations, alerts) are wrapped onto
 * rows of their own, which arrows pass straight through.
 */
import type { TraceEvent } from '../sim/trace.js';
import type { InFlightView } from '../sim/view.js';
import { connKey, connKeyOf, connTag } from './connections.js';
import { fmtDuration, fmtSeconds, segLabel, segShortLabel } from './format.js';
import { Canvas, open, tok, type DCell, type DStyle } from './grid.js';
import { buildRows, GAP_MARK_US, type LadderData, type SegmentSpan } from './rows.js';
import { NODE_POS, positionAt, posFrom, travelled } from './motion.js';
import { clientPort, noteText } from './noteText.js';
import { ladderRows, lineColumns, noteWidth, TIME_W, withInserts, type DrawRow, type RowInsert } from './drawRows.js';

export { NODE_POS, positionAt, travelled } from './motion.js';
export { ladderRows, noteWidth, TIME_W, type DrawRow, type Expanded, type RowInsert } from './drawRows.js';

export interface EngineInput {
  trace: readonly TraceEvent[];
  inFlight: readonly InFlightView[];
  clock: number;
  width: number;
  /** Rows available including the column header; undefined draws every row (the export). */
  height?: number | undefined;
  /** Rows scrolled back from the bottom ("now"). */
  scroll?: number | undefined;
  /** Grouped rows reused across frames while the trace has not grown. */
  data?: LadderData | undefined;
  /** While following "now": the first row shown by the last frame (kept while "now" fits). */
  followFrom?: number | undefined;
  /** A connection key (connections.ts) to draw in full; the others are muted and unlabelled. */
  focus?: string | null | undefined;
  /** Draw the routers r1 and r2 as lines of their own. */
  network?: boolean | undefined;
  /** A segment id to mark (a search match): drawn in reverse video and scrolled into view. */
  highlight?: number | null | undefined;
  /** Leave labels out (tests compare arrows with and without them). */
  labels?: boolean | undefined;
  /**
   * Rows to add, each before a row of `ladderRows` (arrows pass straight through them): blank
   * ones keep two ladders in step row for row, and one with text marks a moment (compare mode).
   */
  insert?: readonly RowInsert[] | undefined;
}


export interface PlacedLabel {
  /** The label's data row and first column, and the text written there. */
  row: number;
  x: number;
  text: string;
  /** The label in full, and whether it was shortened or replaced by a note reference. */
  full: string;
  how: 'full' | 'short' | 'note' | 'hidden';
}

export interface EngineGrid {
  header: DCell[];
  lines: DCell[][];
  /** Data rows in all ("now" included), the first one shown, and the clamped scroll. */
  total: number;
  first: number;
  scroll: number;
  /** Columns of the client's and the server's lines. */
  cx: number;
  sx: number;
  /** Full texts of labels that had no room, for the rows shown (`#12 FIN seq=...`). */
  footnotes: string[];
  placed: PlacedLabel[];
}

export function layoutDiagram(input: EngineInput): EngineGrid {
  const { width } = input;
  const data = input.data ?? buildRows(input.trace);
  const noteW = noteWidth(width);
  const { cx, sx } = lineColumns(width);
  const base = ladderRows(data, width);
  const exp = input.insert?.length ? withInserts(base, input.insert) : base;
  const rows: DrawRow[] = [...exp.rows, { at: input.clock, notes: {} }];
  const spans = exp.spans;
  const nowRow = rows.length - 1;
  const viewH = input.height === undefined ? rows.length : Math.max(1, input.height - 1);
  const maxScroll = Math.max(0, rows.length - viewH);
  let scroll = Math.min(Math.max(0, input.scroll ?? 0), maxScroll);
  // A marked segment off the window brings its first row to the middle of it.
  const lit = input.highlight ?? null;
  const litRow = lit === null ? undefined : spans.find((s) => s.seg.id === lit)?.startRow;
  const shown = (s: number): boolean => litRow === undefined || (litRow >= rows.length - viewH - s && litRow < rows.length - s);
  if (!shown(scroll)) scroll = Math.min(maxScroll, Math.max(0, rows.length - viewH - Math.max(0, litRow! - Math.floor(viewH / 2))));
  let first = Math.max(0, rows.length - viewH - scroll);
  if (scroll === 0 && litRow === undefined && input.followFrom !== undefined && input.height !== undefined) {
    const jump = Math.max(first, rows.length - viewH + Math.floor(viewH / 3));
    first = input.followFrom >= first && input.followFrom <= jump ? input.followFrom : jump;
  }
  const last = Math.min(rows.length - 1, first + viewH - 1);
  // One row of margin either side: a label may sit on the row above its arrow.
  const cv = new Canvas(width, Math.max(0, first - 1), Math.min(nowRow, last + 1));
  const lo = cx + 2;
  const hi = sx - 2;
  const many = data.conns.length > 1;
  const focus = input.focus ?? null;
  // A router's column, the same one a cross lands on when a client's segment dies there.
  const routerX = (name: 'r1' | 'r2'): number => cx + Math.round(NODE_POS[name]! * (sx - cx - 1));
  const routers = input.network ? [routerX('r1'), routerX('r2')] : [];

  for (let r = cv.first; r <= cv.last; r++) {
    cv.set(r, cx, rows[r]!.gap ? '┊' : '│', 'axis', rows[r]!.gap ? tok('muted') : undefined);
    cv.set(r, sx, rows[r]!.gap ? '┊' : '│', 'axis', rows[r]!.gap ? tok('muted') : undefined);
    for (const x of routers) cv.set(r, x, '┆', 'guide', tok('muted'));
  }

  // The time column: each instant once; the "now" row always shows the display clock.
  for (let r = cv.first; r <= cv.last; r++) {
    const row = rows[r]!;
    const shown = r === nowRow || r === first || rows[r - 1]?.at !== row.at;
    if (shown && !(row.through && r !== first)) {
      const t = fmtSeconds(row.at).padStart(TIME_W - 1);
      [...t].forEach((ch, i) => cv.set(r, i, ch, 'time', r === nowRow ? tok('focus') : tok('muted')));
    }
  }

  // Stepping rows before each row: arrows advance only on rows that are not text-only.
  const stepsBefore: number[] = [...exp.steps, exp.steps[exp.rows.length]! + 1];

  interface Want {
    row: number;
    /** Where the label starts (side 1) or ends (side -1): beside the bend or the head. */
    anchor: number;
    side: 1 | -1;
    full: string;
    short: string;
    style: DStyle;
    above: boolean;
    id: number | null;
  }
  const wants: Want[] = [];
  const inFlight = new Map(input.inFlight.map((f) => [f.seg.id, f]));
  const drawn = new Set<number>();
  for (const span of spans) {
    drawn.add(span.seg.id);
    drawSpan(span, inFlight.get(span.seg.id));
  }
  for (const f of input.inFlight) if (!drawn.has(f.seg.id)) drawSpan({ seg: f.seg, startRow: nowRow }, f);

  function drawSpan(span: SegmentSpan, f: InFlightView | undefined): void {
    const seg = span.seg;
    const endRow = span.endRow ?? (f ? nowRow : span.startRow);
    if (endRow < cv.first || span.startRow > cv.last) return;
    const key = connKey(seg);
    const muted = focus !== null && key !== focus;
    const dir = seg.from === 'client' ? 1 : -1;
    const x0 = dir === 1 ? cx : sx;
    const D = sx - cx - 1;
    const marked = !muted && lit === seg.id;
    const segStyle: DStyle = muted ? tok('muted') : marked ? tok('selected') : { k: 'seg', flags: seg.flags, data: seg.len > 0 };
    let frac = 1;
    let head: string = dir === 1 ? '▶' : '◀';
    let headStyle = segStyle;
    let headText = '';
    if (span.end === 'drop') {
      frac = Math.min(0.95, Math.max(0.1, span.dropAt ? posFrom(span.dropAt, seg.from) : 0.5));
      head = '✕';
      headStyle = muted ? segStyle : tok('lost');
      headText = span.dropAt === 'r1' || span.dropAt === 'r2' ? `lost at ${span.dropAt}` : 'lost';
    } else if (span.end === undefined && f) {
      frac = Math.max(0.05, travelled(f, input.clock));
      head = f.looping ? '⟳' : dir === 1 ? '▸' : '◂';
      if (f.looping) {
        headStyle = muted ? segStyle : tok('looping');
        headText = input.network ? `TTL ${f.seg.ttl} laps r1⇄r2` : `TTL ${f.seg.ttl} looping`;
      }
    } else if (span.end === undefined) {
      frac = 0.1;
      head = '…';
    }
    // A loss at a router ends exactly on that router's column.
    const atRouter = span.end === 'drop' && (span.dropAt === 'r1' || span.dropAt === 'r2') ? Math.abs(routerX(span.dropAt) - x0) : null;
    const L = Math.max(1, atRouter ?? Math.round(frac * D));
    const N = Math.max(0, endRow - span.startRow);
    const m = stepsBefore[endRow + 1]! - stepsBefore[span.startRow]!;
    // A segment still on its way is drawn where it was at each row's time, so the rows already
    // passed stay as they were from frame to frame and only the "now" row moves (less to redraw).
    const timed = span.end === undefined && f !== undefined && !f.looping && f.arrives > f.departed;
    const p = (k: number): number => {
      if (k === 0) return x0;
      if (timed) return x0 + dir * Math.max(1, Math.round(D * positionAt(f, rows[span.startRow]!.at, rows[span.startRow + k - 1]!.at)));
      const c = stepsBefore[span.startRow + k]! - stepsBefore[span.startRow]!;
      return x0 + dir * Math.max(1, Math.round((L * (c - 0.4)) / (Math.max(1, m) - 0.4)));
    };
    for (let k = 0; k <= N; k++) {
      const row = span.startRow + k;
      if (row < cv.first || row > cv.last) continue;
      const a = p(k);
      const b = p(k + 1);
      if (k === 0) cv.arrow(row, x0, dir === 1 ? '├' : '┤', segStyle);
      else if (a === b) {
        cv.arrow(row, a, k === N ? head : dir === 1 ? '╲' : '╱', k === N ? headStyle : segStyle);
        continue;
      } else cv.arrow(row, a, dir === 1 ? '╰' : '╯', segStyle);
      for (let x = a + dir; x !== b; x += dir) cv.arrow(row, x, '─', segStyle);
      cv.arrow(row, b, k === N ? head : dir === 1 ? '╮' : '╭', k === N ? headStyle : segStyle);
      if (k === N && headText && !muted) {
        wants.push({ row, anchor: dir === 1 ? b + 2 : b - 1, side: dir === 1 ? 1 : -1, full: headText, short: head === '✕' ? (span.dropAt === 'r1' || span.dropAt === 'r2' ? `at ${span.dropAt}` : 'lost') : `TTL ${f?.seg.ttl ?? ''}`, style: headStyle, above: false, id: null });
      }
    }
    if (muted) return;
    const marks = `${seg.retransmitOf !== undefined ? '↻ ' : ''}${seg.copyOf !== undefined ? '⧉ ' : ''}`;
    // A segment that circled between r1 and r2: its laps and its TTL counting down.
    const laps = span.loopHops ? ` ⟳ ${span.loopHops} hops r1⇄r2, TTL ${span.loopFirstTtl}→${span.loopTtl}` : '';
    const tag = `${many ? ` ${connTag(key)}` : ''}${span.injected ? ' injected' : ''}${laps}`;
    const full = `${marks}${segLabel(seg)}${tag}`;
    const short = `${marks}${segShortLabel(seg)}${tag}`;
    const bend = p(1);
    const style = marked ? segStyle : seg.retransmitOf !== undefined ? tok('retransmission') : seg.copyOf !== undefined ? tok('duplicate') : segStyle;
    wants.push({ row: span.startRow, anchor: dir === 1 ? bend + 2 : bend - 1, side: dir === 1 ? 1 : -1, full, short, style, above: true, id: seg.id });
  }

  const placed: PlacedLabel[] = [];
  const footnotes: string[] = [];
  const visible = (r: number): boolean => r >= first && r <= last;
  const put = (w: Want, row: number, text: string, how: PlacedLabel['how'], near = Infinity): boolean => {
    const len = [...text].length;
    const prefer = w.side === 1 ? w.anchor : w.anchor - len;
    const at = cv.nearest(row, len, lo, hi, prefer, near);
    if (at === undefined) return false;
    cv.label(row, at, text, w.style);
    placed.push({ row, x: at, text, full: w.full, how });
    return true;
  };
  if (input.labels !== false) {
    wants.sort((a, b) => a.row - b.row);
    for (const w of wants) {
      if (w.row < cv.first || w.row > cv.last) continue;
      const tries: Array<[number, string, PlacedLabel['how'], number?]> = [];
      // Not onto a text-only row (an annotation's or a gap's): that text is placed after labels.
      const above = w.above && w.row - 1 >= cv.first && !rows[w.row - 1]!.through ? w.row - 1 : null;
      // Near its arrow first, in full then short, on its row or the row above; then a numbered
      // note beside it; then anywhere on its row.
      const NEAR = w.above ? 12 : 2;
      for (const text of [w.full, w.short] as const) {
        const how = text === w.full ? 'full' : 'short';
        tries.push([w.row, text, how, NEAR]);
        if (above !== null) tries.push([above, text, how, NEAR]);
      }
      // A numbered note beside its arrow reads better than a label far from it.
      if (w.id !== null) tries.push([w.row, `#${w.id}`, 'note', NEAR]);
      tries.push([w.row, w.full, 'full'], [w.row, w.short, 'short']);
      if (w.id !== null) {
        tries.push([w.row, `#${w.id}`, 'note']);
        if (above !== null) tries.push([above, `#${w.id}`, 'note']);
      }
      const ok = tries.some(([row, text, how, near]) => put(w, row, text, how, near));
      if (!ok) placed.push({ row: w.row, x: -1, text: '', full: w.full, how: 'hidden' });
      const p = placed[placed.length - 1]!;
      if ((p.how === 'note' || p.how === 'hidden') && visible(w.row)) footnotes.push(w.id !== null ? `#${w.id} ${w.full}` : w.full);
    }
  }

  // Notes beside each line, then the text rows: gaps, annotations and the idle time so far.
  for (let r = cv.first; r <= cv.last; r++) {
    const row = rows[r]!;
    for (const host of ['client', 'server'] as const) {
      const ev = row.notes[host];
      if (!ev) continue;
      if (focus !== null && (ev.kind === 'state' || ev.kind === 'timer') && connKeyOf(host, ev.conn) !== focus) continue;
      const [options, style] = noteText(ev);
      const room = host === 'client' ? cx - 1 - TIME_W : noteW;
      const text = options.find((t) => [...t].length <= room) ?? `${[...options[options.length - 1]!].slice(0, room - 1).join('')}…`;
      const len = [...text].length;
      const x = host === 'client' ? Math.max(TIME_W, cx - 1 - len) : sx + 2;
      [...text].forEach((ch, i) => cv.set(r, x + i, ch, 'note', style));
    }
    const texts: Array<{ text: string; style: DStyle }> = [];
    if (row.gap) texts.push({ text: `⋮ ${fmtDuration(row.gap.us)} ${row.gap.idle ? 'idle' : 'later'} ⋮`, style: tok('muted') });
    if (row.text) texts.push({ text: row.text.line, style: row.text.style });
    if (r === nowRow && input.inFlight.length === 0 && rows.length > 1 && row.at - rows[nowRow - 1]!.at >= GAP_MARK_US) {
      texts.push({ text: `${fmtDuration(row.at - rows[nowRow - 1]!.at)} idle so far`, style: tok('muted') });
    }
    if (input.labels !== false) for (const t of texts) flow(r, t.text, t.style);
  }

  /** Text across the middle: centred on a free span, or flowing around the arrows that pass. */
  function flow(r: number, text: string, style: DStyle): void {
    const chars = [...text];
    const centre = Math.floor((cx + sx - chars.length) / 2);
    const spot = cv.nearest(r, chars.length, lo, hi, centre);
    if (spot !== undefined) {
      cv.label(r, spot, text, style);
      placed.push({ row: r, x: spot, text, full: text, how: 'full' });
      return;
    }
    let x = lo;
    let i = 0;
    // Around an arrow: skip its cell and keep one blank either side of it.
    const clear = (c: number): boolean => cv.get(r, c)?.kind !== 'arrow';
    for (; i < chars.length && x <= hi; x++) {
      if (open(cv.get(r, x)) && clear(x - 1) && clear(x + 1)) cv.label(r, x, chars[i++]!, style);
    }
    if (i < chars.length) {
      if (visible(r)) footnotes.push(text);
      placed.push({ row: r, x: -1, text: '', full: text, how: 'note' });
    }
  }

  const header: DCell[] = Array.from({ length: width }, () => ({ ch: ' ', kind: 'blank' }));
  const hdr = (x: number, text: string, style: DStyle): void => {
    let i = 0;
    for (const ch of text) {
      if (x + i >= 0 && x + i < width) header[x + i] = { ch, kind: 'note', style };
      i++;
    }
  };
  hdr(0, 'time'.padStart(TIME_W - 1), tok('muted'));
  const port = clientPort(data, focus);
  const client = port ? `client :${port}` : 'client';
  hdr(Math.max(TIME_W, cx - client.length), client, tok('heading'));
  hdr(sx, 'server', tok('heading'));
  if (routers.length) {
    hdr(routers[0]! - 1, 'r1', tok('heading'));
    hdr(routers[1]! - 1, 'r2', tok('heading'));
  }
  const lines = cv.rows.slice(first - cv.first, last - cv.first + 1);
  return { header, lines, total: rows.length, first, scroll, cx, sx, footnotes, placed };
}
