/**
 * The segments of the SVG ladder: one sloped arrow per segment, from its sender's line on the row
 * it left to the receiver's line on the row it arrived, or to a cross where it was lost. Rows
 * come from the ladder engine (layout.ts), so an arrow spans the same rows as in the terminal.
 * Every arrow is drawn before any label, then each label is laid along its arrow, near the
 * sender, at the first place where it meets nothing already drawn.
 */
import type { SegmentSpan } from './rows.js';
import { connKey, connTag } from './connections.js';
import { segLabel } from './format.js';
import { NODE_POS } from './layout.js';
import { INK } from './svgTheme.js';
import { boxAlong, Obstacles, rect, type Pt, type Shape } from './svgPlace.js';
import { el, num, textEl, textWidth, xmlText } from './svgText.js';

export interface ArrowFrame {
  /** x of the client's and the server's lines. */
  cx: number;
  sx: number;
  /** y of a row's centre. */
  y: (row: number) => number;
  rowH: number;
  colourOf: (connKey: string) => string;
  /** Several connections share the ladder: labels carry the connection's tag too. */
  many: boolean;
}

export interface DrawnSegments {
  /** Arrows and lost marks (under the labels), then the labels. */
  arrows: string[];
  labels: string[];
  /** What the legend has to explain. */
  seen: { lost: boolean; copy: boolean; injected: boolean; stray: boolean };
}

export const LABEL_SIZE = 12;
const MARK_SIZE = 11;
const HEAD = 9;

/** Where a lost segment died, as a fraction of the way from its sender (a router's place on the path). */
function lossFraction(span: SegmentSpan): number {
  const p = NODE_POS[span.dropAt ?? ''] ?? 0.5;
  return Math.min(0.95, Math.max(0.1, span.seg.from === 'client' ? p : 1 - p));
}

function labelText(span: SegmentSpan, many: boolean): { main: string; tags: string[] } {
  const seg = span.seg;
  const tags: string[] = [];
  if (seg.retransmitOf !== undefined) tags.push('retransmission');
  if (seg.copyOf !== undefined) tags.push('copy');
  if (span.injected) tags.push('injected');
  if (span.loopHops) tags.push(`looped ${span.loopHops} hops, TTL ${span.loopFirstTtl} down to ${span.loopTtl}`);
  if (span.endRow === undefined) tags.push('still in flight');
  return { main: `${many ? `${connTag(connKey(seg))} ` : ''}${segLabel(seg)}`, tags };
}

export function drawSegments(spans: readonly SegmentSpan[], f: ArrowFrame, obstacles: Obstacles): DrawnSegments {
  const arrows: string[] = [];
  const seen = { lost: false, copy: false, injected: false, stray: false };
  const area = f.sx - f.cx;
  const placing: Array<{ span: SegmentSpan; a: Pt; b: Pt; colour: string }> = [];

  for (const span of spans) {
    const seg = span.seg;
    const key = connKey(seg);
    const colour = f.colourOf(key);
    const dir = seg.from === 'client' ? 1 : -1;
    const x0 = seg.from === 'client' ? f.cx : f.sx;
    const a = { x: x0, y: f.y(span.startRow) };
    let b: Pt;
    if (span.end === 'deliver') b = { x: seg.from === 'client' ? f.sx : f.cx, y: f.y(span.endRow!) };
    else if (span.end === 'drop') b = { x: x0 + dir * lossFraction(span) * area, y: f.y(span.endRow!) };
    else b = { x: x0 + dir * 0.15 * area, y: a.y + f.rowH * 0.6 };
    // A row holds one segment event, so an arrow always ends below where it starts; keep it so.
    if (b.y <= a.y) b = { ...b, y: a.y + f.rowH * 0.5 };
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const u = { x: (b.x - a.x) / len, y: (b.y - a.y) / len };
    const dash = seg.copyOf !== undefined ? '7 4' : span.injected ? '2 3' : span.end === undefined ? '4 3' : undefined;
    seen.copy ||= seg.copyOf !== undefined;
    seen.injected ||= span.injected === true;
    seen.stray ||= colour === INK.stray;

    const parts: string[] = [el('title', {}, xmlText(`#${seg.id} ${segLabel(seg)}`))];
    const lineEnd = span.end === 'deliver' ? { x: b.x - u.x * (HEAD - 1), y: b.y - u.y * (HEAD - 1) } : b;
    parts.push(el('line', { x1: a.x, y1: a.y, x2: lineEnd.x, y2: lineEnd.y, stroke: colour, 'stroke-width': 1.8, 'stroke-dasharray': dash }));
    obstacles.add([a, b], seg.id);
    if (span.end === 'deliver') {
      const n = { x: -u.y, y: u.x };
      const base = { x: b.x - u.x * HEAD, y: b.y - u.y * HEAD };
      const head: Shape = [b, { x: base.x + n.x * 4, y: base.y + n.y * 4 }, { x: base.x - n.x * 4, y: base.y - n.y * 4 }];
      parts.push(el('polygon', { points: head.map((p) => `${num(p.x)},${num(p.y)}`).join(' '), fill: colour }));
      obstacles.add(head, seg.id);
    }
    if (span.end === 'drop') {
      seen.lost = true;
      parts.push(lostMark(b, dir, span.dropAt, obstacles));
    }
    arrows.push(
      el(
        'g',
        {
          class: 'segment',
          'data-seg': seg.id,
          'data-conn': key,
          'data-from': seg.from,
          'data-rows': `${span.startRow} ${span.endRow ?? span.startRow}`,
          'data-end': span.end ?? 'flight',
          'data-retransmission': seg.retransmitOf !== undefined ? 'yes' : undefined,
          'data-copy': seg.copyOf !== undefined ? 'yes' : undefined,
        },
        parts.join(''),
      ),
    );
    placing.push({ span, a, b, colour });
  }

  // Labels go down the page in order, so an earlier arrow's label has the first pick.
  placing.sort((p, q) => p.span.startRow - q.span.startRow);
  const labels = placing.map((p) => placeLabel(p.span, p.a, p.b, p.colour, f.many, obstacles));
  return { arrows, labels, seen };
}

/** A cross where the segment died and the words "lost at r2" beyond it. */
function lostMark(at: Pt, dir: number, where: string | undefined, obstacles: Obstacles): string {
  const r = 5.5;
  const text = where === 'r1' || where === 'r2' ? `lost at ${where}` : 'lost';
  const w = textWidth(text, MARK_SIZE);
  const tx = dir === 1 ? at.x + r + 6 : at.x - r - 6 - w;
  obstacles.add(rect(at.x - r - 1, at.y - r - 1, 2 * r + 2, 2 * r + 2));
  obstacles.add(rect(tx - 1, at.y - 9, w + 2, 14));
  const stroke = { stroke: INK.lost, 'stroke-width': 2.6, 'stroke-linecap': 'round' };
  return el(
    'g',
    { class: 'lost' },
    el('line', { x1: at.x - r, y1: at.y - r, x2: at.x + r, y2: at.y + r, ...stroke }) +
      el('line', { x1: at.x - r, y1: at.y + r, x2: at.x + r, y2: at.y - r, ...stroke }) +
      textEl({ x: tx, y: at.y + 4, fill: INK.lost, 'font-size': MARK_SIZE, 'font-weight': 'bold' }, text),
  );
}

/**
 * The label lies along its arrow, reading left to right, above it or else below it, starting
 * near the sender and moving along until it meets nothing; if no place is free, the place that
 * meets the fewest things.
 */
function placeLabel(span: SegmentSpan, a: Pt, b: Pt, colour: string, many: boolean, obstacles: Obstacles): string {
  const { main, tags } = labelText(span, many);
  const full = tags.length ? `${main} · ${tags.join(' · ')}` : main;
  const w = textWidth(full, LABEL_SIZE);
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  const d = { x: (b.x - a.x) / len, y: (b.y - a.y) / len };
  const rightward = d.x >= 0;
  const u = rightward ? d : { x: -d.x, y: -d.y };
  // Baselines 5 px above the line, or 14 px below it; boxes one pixel larger than the glyphs.
  const sides = [
    { baseline: 5, across: [1, 15] as [number, number] },
    { baseline: -14, across: [-18, -3] as [number, number] },
  ];
  let best: { hits: number; origin: Pt; baseline: number; box: Shape } | undefined;
  const last = Math.max(12, len - w - 16);
  search: for (let s = 12; s <= last; s += 12) {
    // The label covers [s, s + w] of the arrow counted from the sender; `origin` is its left end.
    const along = rightward ? s : s + w;
    const origin = { x: a.x + d.x * along, y: a.y + d.y * along };
    for (const side of sides) {
      const box = boxAlong(origin, u, [-2, w + 2], side.across);
      const hits = obstacles.hits(box, span.seg.id);
      if (!best || hits < best.hits) best = { hits, origin, baseline: side.baseline, box };
      if (hits === 0) break search;
    }
  }
  const chosen = best!;
  obstacles.add(chosen.box);
  const angle = (Math.atan2(u.y, u.x) * 180) / Math.PI;
  const tagText = tags.length ? el('tspan', { 'font-weight': 'bold' }, xmlText(` · ${tags.join(' · ')}`)) : '';
  const at = { transform: `translate(${num(chosen.origin.x)} ${num(chosen.origin.y)}) rotate(${num(angle)})`, y: -chosen.baseline, 'font-size': LABEL_SIZE };
  const label = el('text', { class: 'label', 'data-seg': span.seg.id, 'data-hits': chosen.hits, ...at, fill: colour }, xmlText(main) + tagText);
  if (chosen.hits === 0) return label;
  // Where it has to cross something, a white outline drawn first keeps the words readable (a
  // copy underneath rather than paint-order, which not every SVG reader knows).
  const halo = el('text', { class: 'halo', ...at, fill: INK.background, stroke: INK.background, 'stroke-width': 4, 'stroke-linejoin': 'round', 'aria-hidden': 'true' }, xmlText(main) + tagText);
  return halo + label;
}
