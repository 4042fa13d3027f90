/**
 * Step two of drawing the ladder: lay rows and segments out on a character grid.
 *
 * Client and server are vertical lines; each segment is a staircase sloping down from its
 * sender's line towards the receiver's, one step per row it spends in flight:
 *
 *   ├───╮ FIN seq=1001 ack=5001        │
 *   │   ╰──────────╮                   │
 *   │              ╰──────────────────▶│
 *
 * A lost segment ends in ✕ where it was lost, an in-flight one ends in a head on the "now" row
 * (⟳ with its TTL while it circles in a routing loop). Pure function of its inputs: the Ladder
 * component only turns the grid into <Text>.
 */
import type { SegmentRecord, TraceEvent } from '../../sim/trace.js';
import type { InFlightView } from '../../sim/view.js';
import type { HostName } from '../../sim/types.js';
import { fmtDuration, fmtSeconds, segLabel, segMarks } from '../format.js';
import { alertText, perturbText } from '../eventText.js';
import { GLYPHS, type Style, type Theme } from '../theme.js';
import { buildRows, GAP_MARK_US, type LadderData, type LadderRow, type SegmentSpan } from './ladderRows.js';

export interface Cell {
  ch: string;
  style?: Style | undefined;
}

export interface LadderInput {
  trace: readonly TraceEvent[];
  inFlight: readonly InFlightView[];
  clock: number;
  width: number;
  /** Rows available including the column header. */
  height: number;
  /** Rows scrolled back from the bottom ("now"). */
  scroll: number;
  theme: Theme;
  /** Reuse grouped rows across frames when the trace has not grown. */
  data?: LadderData;
  /**
   * While following "now" (scroll 0): the first row shown by the last frame. It is kept as long
   * as "now" still fits; when "now" runs off the bottom the view jumps, leaving a third of the
   * rows free below it. Scrolling by one row per event would change every line of the ladder on
   * every frame, which is most of the bytes (and the flicker) of a busy run.
   */
  followFrom?: number | undefined;
}

export interface LadderGrid {
  header: Cell[];
  lines: Cell[][];
  /** Data rows in all (the "now" row included), and the index of the first one shown. */
  total: number;
  first: number;
  scroll: number;
}

/** Where along the path the routers sit (links of 10, 30 and 10 ms). */
const NODE_POS: Record<string, number> = { client: 0, r1: 0.2, r2: 0.8, server: 1 };

function posFrom(node: string, from: HostName): number {
  const p = NODE_POS[node] ?? 0.5;
  return from === 'client' ? p : 1 - p;
}

/** How far (0..1) an in-flight segment has travelled from its sender, at `clock`. */
export function travelled(f: InFlightView, clock: number): number {
  if (f.looping) return 0.5;
  const to = posFrom(f.nextNode, f.from);
  const prevNode = f.from === 'client'
    ? f.nextNode === 'r2' ? 'r1' : f.nextNode === 'server' ? 'r2' : 'client'
    : f.nextNode === 'r1' ? 'r2' : f.nextNode === 'client' ? 'r1' : 'server';
  const from = posFrom(prevNode, f.from);
  const span = f.arrives - f.departed;
  const t = span > 0 ? Math.min(1, Math.max(0, (clock - f.departed) / span)) : 1;
  return from + (to - from) * t;
}

export function layoutLadder(input: LadderInput): LadderGrid {
  const { width, theme } = input;
  const data = input.data ?? buildRows(input.trace);
  const rows: LadderRow[] = [...data.rows, { at: input.clock, notes: {} }];
  const nowRow = rows.length - 1;
  const timeW = 9;
  const noteW = width >= 120 ? 16 : 12;
  const cx = timeW + noteW;
  const sx = width - noteW - 2;
  const viewH = Math.max(1, input.height - 1);
  const maxScroll = Math.max(0, rows.length - viewH);
  const scroll = Math.min(Math.max(0, input.scroll), maxScroll);
  let first = Math.max(0, rows.length - viewH - scroll);
  if (scroll === 0 && input.followFrom !== undefined) {
    // `first` is now the lowest start that still shows "now"; `jump` leaves room below it.
    const jump = Math.max(first, rows.length - viewH + Math.floor(viewH / 3));
    first = input.followFrom >= first && input.followFrom <= jump ? input.followFrom : jump;
  }
  const last = Math.min(rows.length - 1, first + viewH - 1);

  const grid: Cell[][] = [];
  for (let r = first; r <= last; r++) {
    const line: Cell[] = Array.from({ length: width }, () => ({ ch: ' ' }));
    line[cx] = { ch: '│' };
    line[sx] = { ch: '│' };
    grid.push(line);
  }
  const put = (row: number, x: number, ch: string, style?: Style): void => {
    if (row < first || row > last || x < 0 || x >= width) return;
    grid[row - first]![x] = { ch, style };
  };
  const write = (row: number, x: number, text: string, style?: Style, maxX = width - 1): void => {
    let i = 0;
    for (const ch of text) {
      if (x + i > maxX) break;
      // A control character (a newline in some detail text) would break the row.
      put(row, x + i, ch < ' ' ? ' ' : ch, style);
      i++;
    }
  };

  // Time column: each instant once; the "now" row always shows the display clock.
  let prevAt = -1;
  for (let r = first; r <= last; r++) {
    const row = rows[r]!;
    const isNow = r === nowRow;
    if (isNow) write(r, 0, fmtSeconds(row.at).padStart(timeW - 1), theme.focus);
    else if (row.at !== prevAt || r === first) write(r, 0, fmtSeconds(row.at).padStart(timeW - 1), theme.muted);
    prevAt = row.at;
  }

  // Segments first, labels and notes on top so text stays readable where lines cross.
  const labels: Array<() => void> = [];
  const inFlight = new Map(input.inFlight.map((f) => [f.seg.id, f]));
  for (const span of data.spans.values()) {
    const f = inFlight.get(span.seg.id);
    drawSpan(span, f);
  }
  // In-flight segments whose send happened before the trace we were given (rare): start on "now".
  for (const f of input.inFlight) {
    if (!data.spans.has(f.seg.id)) drawSpan({ seg: f.seg, startRow: nowRow }, f);
  }

  function drawSpan(span: SegmentSpan, f: InFlightView | undefined): void {
    const seg = span.seg;
    const endRow = span.endRow ?? (f ? nowRow : span.startRow);
    if (endRow < first || span.startRow > last) return;
    const dir = seg.from === 'client' ? 1 : -1;
    const x0 = dir === 1 ? cx : sx;
    const D = sx - cx - 1;
    let frac = 1;
    let head: string = dir === 1 ? GLYPHS.arrowRight : GLYPHS.arrowLeft;
    let headStyle = theme.segment(seg.flags, seg.len > 0);
    let headText = '';
    if (span.end === 'drop') {
      frac = span.dropAt ? posFrom(span.dropAt, seg.from) : 0.5;
      frac = Math.min(0.95, Math.max(0.1, frac));
      head = GLYPHS.lost;
      headStyle = theme.lost;
      headText = 'lost';
    } else if (span.end === undefined && f) {
      frac = Math.max(0.05, travelled(f, input.clock));
      head = f.looping ? GLYPHS.loop : dir === 1 ? GLYPHS.headRight : GLYPHS.headLeft;
      if (f.looping) {
        headStyle = theme.looping;
        headText = `TTL ${f.seg.ttl} looping`;
      }
    } else if (span.end === undefined) {
      frac = 0.1;
      head = '…';
    }
    const L = Math.max(1, Math.round(frac * D));
    const N = Math.max(0, endRow - span.startRow);
    // The first step is shorter than the rest, which leaves room for the label beside its bend.
    const p = (k: number): number => x0 + dir * (k === 0 ? 0 : Math.max(1, Math.round((L * (k - 0.4)) / (N + 0.6))));
    const style = theme.segment(seg.flags, seg.len > 0);
    for (let k = 0; k <= N; k++) {
      const row = span.startRow + k;
      if (row < first || row > last) continue;
      const a = p(k);
      const b = p(k + 1);
      if (k === 0) put(row, x0, dir === 1 ? '├' : '┤', style);
      else if (a === b) {
        put(row, a, k === N ? head : dir === 1 ? '╲' : '╱', k === N ? headStyle : style);
        continue;
      } else put(row, a, dir === 1 ? '╰' : '╯', style);
      for (let x = a + dir; x !== b; x += dir) put(row, x, '─', style);
      if (k === N) put(row, b, head, headStyle);
      else put(row, b, dir === 1 ? '╮' : '╭', style);
      if (k === N && headText) {
        const hx = dir === 1 ? b + 2 : b - 1 - headText.length;
        labels.push(() => write(row, Math.max(cx + 1, hx), headText, headStyle, sx - 1));
      }
    }
    // The label sits beside the first bend, on the sender's side of the gap.
    const r0 = span.startRow;
    if (r0 >= first && r0 <= last) {
      const text = segMarks(seg) + segLabel(seg);
      const bend = p(1);
      const mark = seg.retransmitOf !== undefined ? theme.retransmission : seg.copyOf !== undefined ? theme.duplicate : style;
      labels.push(() => {
        let start = dir === 1 ? bend + 2 : bend - 1 - text.length;
        start = Math.min(start, sx - 1 - text.length);
        start = Math.max(start, cx + 2);
        write(r0, start, text, mark, sx - 1);
      });
    }
  }
  for (const l of labels) l();

  // Notes beside each line, and perturbations/alerts across the middle.
  for (let r = first; r <= last; r++) {
    const row = rows[r]!;
    for (const host of ['client', 'server'] as const) {
      const ev = row.notes[host];
      if (!ev) continue;
      const [full, style] = noteText(ev, theme);
      // `app:` is dropped before the event name would be cut.
      const text = full.length > noteW && full.startsWith('app:') ? full.slice(4) : full;
      const t = text.slice(0, noteW);
      if (host === 'client') write(r, Math.max(0, cx - 1 - t.length), t, style);
      else write(r, sx + 2, t, style);
    }
    if (row.gap) {
      // Time the rows fold away is marked with its length, and the time lines break (┊).
      put(r, cx, '┊', theme.muted);
      put(r, sx, '┊', theme.muted);
      const text = ` ${fmtDuration(row.gap.us)} ${row.gap.idle ? 'idle' : 'later'} `;
      write(r, Math.max(cx + 1, Math.floor((cx + sx - text.length) / 2)), text, theme.muted, sx - 1);
    }
    if (r === nowRow && input.inFlight.length === 0 && rows.length > 1 && row.at - rows[nowRow - 1]!.at >= GAP_MARK_US) {
      const text = ` ${fmtDuration(row.at - rows[nowRow - 1]!.at)} idle so far `;
      write(r, Math.max(cx + 1, Math.floor((cx + sx - text.length) / 2)), text, theme.muted, sx - 1);
    }
    if (row.middle) {
      const ev = row.middle;
      const text = ev.kind === 'alert' ? `${GLYPHS.alert} ${alertText(ev.alert)}` : ev.kind === 'perturb' ? `⚡ ${perturbText(ev)}` : '';
      write(r, cx + 2, ` ${text} `.slice(0, sx - cx - 3), ev.kind === 'alert' ? theme.alert : theme.accent, sx - 2);
    }
  }

  const header: Cell[] = Array.from({ length: width }, () => ({ ch: ' ' }));
  const hdr = (x: number, text: string, style?: Style): void => {
    let i = 0;
    for (const ch of text) if (x + i < width) header[x + i++] = { ch, style };
  };
  hdr(0, 'time'.padStart(timeW - 1), theme.muted);
  hdr(cx - 'client'.length, 'client', theme.heading);
  hdr(sx, 'server', theme.heading);
  return { header, lines: grid, total: rows.length, first, scroll };
}

function noteText(ev: TraceEvent, theme: Theme): [string, Style] {
  switch (ev.kind) {
    case 'state':
      return [ev.to, theme.state(ev.to)];
    case 'timer':
      return ev.action === 'expire'
        ? [`${GLYPHS.timer}${ev.timer} fired`, theme.timer(ev.timer)]
        : [`${GLYPHS.timer}${ev.timer}${ev.action === 'restart' ? GLYPHS.retransmission : ' '}${fmtDuration(ev.expires - ev.at)}`, theme.timer(ev.timer)];
    case 'app':
      return [`app:${ev.event}`, ev.event.startsWith('E') ? theme.bad : theme.muted];
    default:
      return ['', theme.muted];
  }
}

export type { SegmentRecord };
