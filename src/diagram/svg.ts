/**
 * `toSvg`: the run as an SVG ladder diagram, for slides and notes. Pure: a trace in, one complete
 * SVG document out.
 *
 * It is laid out by the same engine as the terminal ladder: the rows are `ladderRows` of
 * layout.ts at the same width, so row i of the picture is row i of `--format ladder` (the same
 * moments, grouped the same way, annotations wrapped onto the same rows), and a row's index
 * gives its y. Across, the picture is its own: client and server lines with the routers as faint
 * guides, sloped arrows (svgArrows.ts), states and timers beside the host they belong to, a bar
 * for each TIME_WAIT (svgWaits.ts), one colour per connection and a legend (svgLegend.ts).
 */
import type { TraceEvent } from '../sim/trace.js';
import type { HostName } from '../sim/types.js';
import { connKeyOf } from './connections.js';
import { fmtDuration, fmtSeconds } from './format.js';
import { ladderRows, NODE_POS, noteWidth, TIME_W, type DrawRow } from './layout.js';
import { buildRows } from './rows.js';
import { drawSegments } from './svgArrows.js';
import { drawLegend } from './svgLegend.js';
import { Obstacles, rect } from './svgPlace.js';
import { FONT_FAMILY, el, textEl, textWidth, xmlText } from './svgText.js';
import { INK, connColour } from './svgTheme.js';
import { drawWait, findWaits, lanesUsed, LANE_W } from './svgWaits.js';

export interface SvgOptions {
  /** The terminal width whose ladder rows the picture follows (default 80); wider is wider. */
  width?: number;
  /** The picture's title (default "TCP ladder diagram"), e.g. the scenario's name and title. */
  title?: string;
}

const MARGIN = 20;
const ROW_H = 24;
const NOTE_SIZE = 11;
const TOP = 104;
const TITLE_MAX = 100;

interface NoteLook {
  text: string;
  className: string;
  attrs: Record<string, string | number>;
}

/** A state, timer or application note as words beside its host's line. */
function noteLook(ev: TraceEvent, colour: string): NoteLook | undefined {
  switch (ev.kind) {
    case 'state':
      return { text: ev.to, className: 'state', attrs: { fill: colour, 'font-weight': 'bold', 'font-size': NOTE_SIZE + 1 } };
    case 'timer': {
      const text = ev.action === 'expire' ? `${ev.timer} fired` : `${ev.timer} ${ev.action === 'restart' ? 'restarts, ' : ''}${fmtDuration(ev.expires - ev.at)}`;
      return { text, className: 'timer', attrs: { fill: INK.muted } };
    }
    case 'app':
      return { text: `app: ${ev.event}`, className: 'app', attrs: { fill: ev.event.startsWith('E') ? INK.alert : INK.muted, 'font-style': 'italic' } };
    default:
      return undefined;
  }
}

/** Whether row `r` shows its time: the first row of each instant, never a row of text alone. */
function showsTime(rows: readonly DrawRow[], r: number): boolean {
  const row = rows[r]!;
  return !row.through && (r === 0 || rows[r - 1]!.at !== row.at);
}

/** The endpoints' addresses, from the first segment either one sent. */
function addresses(trace: readonly TraceEvent[]): Record<HostName, string> {
  for (const ev of trace) {
    if (ev.kind === 'send' || ev.kind === 'deliver' || ev.kind === 'drop') {
      const { seg } = ev;
      return seg.from === 'client' ? { client: seg.src, server: seg.dst } : { client: seg.dst, server: seg.src };
    }
  }
  return { client: '', server: '' };
}

export function toSvg(trace: readonly TraceEvent[], options: SvgOptions = {}): string {
  const width = Math.max(60, Math.floor(options.width ?? 80));
  const title = options.title ?? 'TCP ladder diagram';
  // The heading is cut short (a scenario file's title could be any length); <title> has it all.
  const heading = [...title].length > TITLE_MAX ? `${[...title].slice(0, TITLE_MAX - 1).join('')}…` : title;
  const data = buildRows(trace);
  const { rows, spans } = ladderRows(data, width);
  const colourOf = (key: string): string => connColour(data.conns.indexOf(key));
  const many = data.conns.length > 1;
  const addr = addresses(trace);

  const looks: Array<Partial<Record<HostName, NoteLook>>> = rows.map((row) => {
    const out: Partial<Record<HostName, NoteLook>> = {};
    for (const host of ['client', 'server'] as const) {
      const ev = row.notes[host];
      const colour = ev && ev.kind === 'state' && many ? colourOf(connKeyOf(host, ev.conn)) : INK.text;
      const look = ev && noteLook(ev, colour);
      if (look) out[host] = look;
    }
    return out;
  });
  const waits = findWaits(rows);

  // Across: time column, client notes, TIME_WAIT lanes, the lines, server lanes, server notes.
  // A reduce, not Math.max(...): a long run has more rows than a call may take arguments.
  const widest = (texts: string[], size: number): number => texts.reduce((m, t) => Math.max(m, textWidth(t, size)), 0);
  const timeW = widest(rows.map((row, r) => (showsTime(rows, r) ? fmtSeconds(row.at) : '')), NOTE_SIZE);
  const noteW = (host: HostName): number => widest(looks.map((l) => l[host]?.text ?? ''), NOTE_SIZE + 1);
  const headW = Math.max(textWidth(addr.client, NOTE_SIZE), textWidth(addr.server, NOTE_SIZE), textWidth('server', 14));
  const clientNoteRight = MARGIN + timeW + 14 + noteW('client');
  const lanesC = lanesUsed(waits, 'client');
  const cx = Math.max(clientNoteRight + 10 + lanesC * LANE_W, MARGIN + headW / 2 + 4);
  // The arrows' span grows with the width asked for, as the terminal ladder's does.
  const inner = width - 2 * noteWidth(width) - TIME_W - 3;
  const sx = cx + Math.min(1600, Math.max(560, inner * 14));
  const serverNoteLeft = sx + 10 + lanesUsed(waits, 'server') * LANE_W;
  let right = Math.max(serverNoteLeft + noteW('server'), sx + headW / 2 + 4, MARGIN + textWidth(heading, 15));
  const y = (r: number): number => TOP + r * ROW_H + ROW_H / 2;
  const lastY = y(Math.max(0, rows.length - 1)) + ROW_H / 2;

  const out: string[] = [];
  out.push(el('rect', { x: 0, y: 0, width: '100%', height: '100%', fill: INK.background }));
  out.push(textEl({ class: 'title', x: MARGIN, y: 30, fill: INK.text, 'font-size': 15, 'font-weight': 'bold' }, heading));
  for (const [host, x] of [['client', cx], ['server', sx]] as const) {
    out.push(textEl({ class: 'host', x, y: 64, 'text-anchor': 'middle', fill: INK.text, 'font-size': 14, 'font-weight': 'bold' }, host));
    out.push(textEl({ x, y: 80, 'text-anchor': 'middle', fill: INK.muted, 'font-size': NOTE_SIZE }, addr[host]));
  }
  // The routers: where on the path a segment is lost.
  for (const name of ['r1', 'r2'] as const) {
    const x = cx + NODE_POS[name]! * (sx - cx);
    out.push(el('line', { x1: x, y1: TOP - 6, x2: x, y2: lastY, stroke: INK.guide, 'stroke-dasharray': '2 5' }));
    out.push(textEl({ x, y: 80, 'text-anchor': 'middle', fill: INK.muted, 'font-size': NOTE_SIZE }, name));
  }
  out.push(hostLines(rows, [cx, sx], y));
  for (const w of waits) out.push(drawWait(w, w.host === 'client' ? cx : sx, 8, y, colourOf(w.conn)));

  const obstacles = new Obstacles();
  const drawn = drawSegments(spans, { cx, sx, y, rowH: ROW_H, colourOf, many }, obstacles);
  out.push(...drawn.arrows);

  for (const [r, row] of rows.entries()) {
    if (showsTime(rows, r)) out.push(textEl({ class: 'time', 'data-row': r, x: MARGIN + timeW, y: y(r) + 4, 'text-anchor': 'end', fill: INK.muted, 'font-size': NOTE_SIZE }, fmtSeconds(row.at)));
    for (const host of ['client', 'server'] as const) {
      const look = looks[r]![host];
      if (!look) continue;
      const x = host === 'client' ? clientNoteRight : serverNoteLeft;
      out.push(textEl({ class: look.className, 'data-row': r, 'data-host': host, x, y: y(r) + 4, 'text-anchor': host === 'client' ? 'end' : 'start', 'font-size': NOTE_SIZE, ...look.attrs }, look.text));
      // A state change is a dot on the line, where the host's life changes.
      if (look.className === 'state') out.push(el('circle', { cx: host === 'client' ? cx : sx, cy: y(r), r: 3, fill: INK.background, stroke: INK.hostLine, 'stroke-width': 1.5 }));
    }
  }
  out.push(...drawn.labels);

  // Text across the middle: gaps in time, and perturbations and alerts, whose wrapped lines stay together.
  let perturbation = false;
  const blocks: Block[] = [];
  for (const [r, row] of rows.entries()) {
    if (row.gap) blocks.push({ rows: [r], lines: [`· ${fmtDuration(row.gap.us)} ${row.gap.idle ? 'idle' : 'later'} ·`], className: 'gap', attrs: { fill: INK.muted, 'font-style': 'italic' } });
    if (!row.text) continue;
    const alert = row.text.style.k === 'token' && row.text.style.name === 'alert';
    perturbation ||= !alert;
    // The engine's first line starts with a mark (⚠ or ⚡) not every font has; colour says it here.
    const first = /^[⚠⚡] /.test(row.text.line);
    const line = row.text.line.replace(/^[⚠⚡] /, '');
    const prev = blocks[blocks.length - 1];
    const className = alert ? 'alert' : 'perturbation';
    if (!first && prev?.className === className && prev.rows[prev.rows.length - 1] === r - 1) {
      prev.rows.push(r);
      prev.lines.push(line);
    } else blocks.push({ rows: [r], lines: [line], className, attrs: alert ? { fill: INK.alert, 'font-weight': 'bold' } : { fill: INK.perturbation, 'font-style': 'italic' } });
  }
  // A block that would cover an arrow wherever it went stands in the margin right of the server.
  const marginX = right + 24;
  for (const block of blocks) {
    const w = Math.max(...block.lines.map((l) => textWidth(l, NOTE_SIZE)));
    const place = findPlace(block.rows, w, y, cx, sx, obstacles);
    const x = place.hits === 0 || block.className === 'gap' ? place.x : marginX;
    if (x === marginX) right = Math.max(right, marginX + w);
    out.push(blockText(block, x, w, y, obstacles));
  }
  const total = right + MARGIN;

  const legend = drawLegend(
    { conns: data.conns, ...drawn.seen, timeWait: waits.length > 0, restart: waits.some((w) => w.restartRows.length > 0), perturbation },
    MARGIN,
    total - MARGIN,
    lastY + 18,
  );
  out.push(legend.svg);
  const height = Math.ceil(lastY + 18 + legend.height + MARGIN);
  const sent = trace.filter((e) => e.kind === 'send').length;
  const lost = spans.filter((s) => s.end === 'drop').length;
  const desc = `Ladder diagram: client ${addr.client} on the left, server ${addr.server} on the right, time running down; ${sent} segments sent, ${lost} lost.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(total)}" height="${height}" viewBox="0 0 ${Math.ceil(total)} ${height}" role="img" aria-labelledby="title desc">`,
    el('title', { id: 'title' }, xmlText(title)),
    el('desc', { id: 'desc' }, xmlText(desc)),
    el('g', { 'font-family': FONT_FAMILY, 'font-size': 12 }, out.join('\n')),
    '</svg>',
    '',
  ].join('\n');
}

/** The host lines, dotted across rows that stand for a stretch of time with nothing in it. */
function hostLines(rows: readonly DrawRow[], xs: readonly number[], y: (r: number) => number): string {
  const parts: string[] = [];
  let from = 0;
  const piece = (a: number, b: number, gap: boolean): void => {
    for (const x of xs) {
      parts.push(el('line', { x1: x, y1: a === 0 ? TOP - 14 : y(a) - ROW_H / 2, x2: x, y2: y(b) + ROW_H / 2, stroke: INK.hostLine, 'stroke-width': 2, 'stroke-dasharray': gap ? '2 4' : undefined }));
    }
  };
  for (let r = 0; r <= rows.length; r++) {
    const gap = r < rows.length && rows[r]!.gap !== undefined;
    const wasGap = r > from && rows[from]!.gap !== undefined;
    if (r === rows.length || gap !== wasGap) {
      if (r > from) piece(from, r - 1, wasGap);
      from = r;
    }
  }
  if (rows.length === 0) piece(0, 0, false);
  return el('g', { class: 'hosts' }, parts.join(''));
}

/** Lines of text across the middle, on consecutive rows, left-aligned together. */
interface Block {
  rows: number[];
  lines: string[];
  className: string;
  attrs: Record<string, string>;
}

/** The place for lines of `w` px on rows `rs` nearest the centre that covers least, and what it covers. */
function findPlace(rs: readonly number[], w: number, y: (r: number) => number, cx: number, sx: number, obstacles: Obstacles): { x: number; hits: number } {
  const centre = (cx + sx - w) / 2;
  let best = { x: centre, hits: Infinity };
  for (let d = 0; d <= (sx - cx) / 2; d += 12) {
    for (const x of d === 0 ? [centre] : [centre - d, centre + d]) {
      if (x < cx + 8 || x + w > sx - 8) continue;
      const hits = rs.reduce((n, r) => n + obstacles.hits(ground(x, y(r), w)), 0);
      if (hits < best.hits) best = { x, hits };
    }
    if (best.hits === 0) break;
  }
  return best;
}

const ground = (x: number, yr: number, w: number) => rect(x - 3, yr - 9, w + 6, 14);

/** A block of text with its lines left-aligned at `x`, on a white ground that keeps them readable. */
function blockText(block: Block, x: number, w: number, y: (r: number) => number, obstacles: Obstacles): string {
  const parts: string[] = [];
  let hits = 0;
  for (const [i, r] of block.rows.entries()) {
    hits += obstacles.hits(ground(x, y(r), w));
    obstacles.add(ground(x, y(r), w));
    parts.push(el('rect', { x: x - 3, y: y(r) - 9, width: w + 6, height: 14, fill: INK.background, 'fill-opacity': 0.9 }));
    parts.push(textEl({ 'data-row': r, x, y: y(r) + 4, 'font-size': NOTE_SIZE, ...block.attrs }, block.lines[i]!));
  }
  return el('g', { class: block.className, 'data-hits': hits }, parts.join(''));
}
