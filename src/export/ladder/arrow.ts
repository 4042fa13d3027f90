/**
 * Drawing one segment's arrow in the space between the client's and the server's lines.
 * Positions are fractions of the way from client (0) to server (1), so a segment lost at r1
 * ends in an `x` a fifth of the way across, as the links' delays (10, 30, 10 ms) place it.
 */
import type { NodeName } from '../../sim/index.js';

/** Where a node sits between the two lines; the loop (@) is drawn between the two routers. */
export function nodePosition(node: NodeName | 'loop'): number {
  switch (node) {
    case 'client':
      return 0;
    case 'server':
      return 1;
    case 'r1':
      return 0.2;
    case 'r2':
      return 0.8;
    default:
      return 0.5;
  }
}

export interface ArrowSpec {
  /** Which way the segment travels. */
  direction: 'toServer' | 'toClient';
  /** Where the drawn part starts and ends, as fractions from client (0) to server (1). */
  from: number;
  to: number;
  /** What marks the start (nothing: the sender's line) and the end (an arrowhead by default). */
  startMark?: '@';
  endMark?: 'x' | '@';
  label: string;
}

/**
 * The `width` characters between the two lines (exclusive of both), for one segment, and the
 * label when it fits nowhere on that row (the caller writes it on the next row).
 */
export function drawArrow(width: number, a: ArrowSpec): { body: string; overflow: string | null } {
  const cells = Array.from({ length: width }, () => ' ');
  const at = (f: number): number => Math.max(0, Math.min(width - 1, Math.round(f * (width - 1))));
  const lo = at(Math.min(a.from, a.to));
  const hi = at(Math.max(a.from, a.to));
  for (let i = lo; i <= hi; i++) cells[i] = '-';
  const toServer = a.direction === 'toServer';
  const head = a.endMark ?? (toServer ? '>' : '<');
  const startCell = toServer ? lo : hi;
  const endCell = toServer ? hi : lo;
  if (a.startMark) cells[startCell] = a.startMark;
  cells[endCell] = head;

  // The label goes on the shaft if it fits with a space either side, else into an empty
  // stretch beside it (a lost segment's shaft can be short), else on a row of its own.
  const inside = { start: lo + 1, end: hi - 1 };
  const beside = [
    { start: 0, end: lo - 2 },
    { start: hi + 2, end: width - 1 },
  ];
  const room = (r: { start: number; end: number }): number => r.end - r.start + 1;
  const label = a.label;
  if (room(inside) >= label.length + 2) {
    const pos = inside.start + Math.floor((room(inside) - label.length) / 2);
    cells[pos - 1] = ' ';
    cells[pos + label.length] = ' ';
    write(cells, pos, label);
    return { body: cells.join(''), overflow: null };
  }
  const region = beside.find((r) => room(r) >= label.length);
  if (!region) return { body: cells.join(''), overflow: label };
  // Beside the shaft, the label hugs it so it reads as belonging to it.
  write(cells, region.start === 0 ? region.end - label.length + 1 : region.start, label);
  return { body: cells.join(''), overflow: null };
}

function write(cells: string[], pos: number, text: string): void {
  for (let i = 0; i < text.length; i++) cells[pos + i] = text[i]!;
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return max <= 1 ? text.slice(0, max) : `${text.slice(0, max - 1)}~`;
}

/** Greedy word wrap to `width` columns; a word longer than a line is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const w = truncate(word, width);
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
