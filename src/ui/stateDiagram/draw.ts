/**
 * Draws the state diagram on a character grid from its layout: boxes, arcs (line glyphs chosen by
 * which neighbours each cell joins, so crossings and corners come out right), arrow heads, labels.
 * Each endpoint's current state is inverse with a mark (c, s or cs), and the arc of its last
 * transition is bold in the accent colour. Pure: the component only turns the grid into <Text>.
 */
import type { TcpState } from '../../sim/tcp/states.js';
import type { Cell } from '../ladder/layoutLadder.js';
import type { Style, Theme } from '../theme.js';
import { BOXES, DIAGRAM_HEIGHT, DIAGRAM_WIDTH, boxWidth, diagramArcs, routeCells, type Arc, type Point } from './layout.js';

export interface DiagramMarks {
  client?: { state: TcpState; last?: { from: TcpState; to: TcpState } | undefined } | undefined;
  server?: { state: TcpState; last?: { from: TcpState; to: TcpState } | undefined } | undefined;
}

const UP = 1;
const DOWN = 2;
const LEFT = 4;
const RIGHT = 8;
const LINE: Record<number, string> = {
  [UP | DOWN]: '│', [LEFT | RIGHT]: '─', [UP]: '│', [DOWN]: '│', [LEFT]: '─', [RIGHT]: '─',
  [DOWN | RIGHT]: '┌', [DOWN | LEFT]: '┐', [UP | RIGHT]: '└', [UP | LEFT]: '┘',
  [UP | DOWN | RIGHT]: '├', [UP | DOWN | LEFT]: '┤', [LEFT | RIGHT | DOWN]: '┬', [LEFT | RIGHT | UP]: '┴',
  [UP | DOWN | LEFT | RIGHT]: '┼',
};
const HEAD: Record<number, string> = { [UP]: '▲', [DOWN]: '▼', [LEFT]: '◀', [RIGHT]: '▶' };

function dirBetween(a: Point, b: Point): number {
  if (b.y < a.y) return UP;
  if (b.y > a.y) return DOWN;
  return b.x < a.x ? LEFT : RIGHT;
}
const opposite = (d: number): number => (d === UP ? DOWN : d === DOWN ? UP : d === LEFT ? RIGHT : LEFT);

function inBox(c: Point, state: TcpState): boolean {
  return BOXES.some((b) => b.state === state && c.y === b.y && c.x >= b.x && c.x < b.x + boxWidth(b));
}

/** The direction from a route's first cell back to the box it leaves. */
function towardFromBox(start: Point, from: TcpState): number {
  for (const d of [UP, DOWN, LEFT, RIGHT]) {
    const n = { x: start.x + (d === LEFT ? -1 : d === RIGHT ? 1 : 0), y: start.y + (d === UP ? -1 : d === DOWN ? 1 : 0) };
    if (inBox(n, from)) return d;
  }
  return 0;
}

/** Is this arc the last transition of the client or the server? */
export function isLastTransition(arc: Arc, marks: DiagramMarks): boolean {
  return [marks.client, marks.server].some((m) => m?.last && m.last.from === arc.row.from && m.last.to === arc.row.to);
}

export function drawDiagram(marks: DiagramMarks, theme: Theme, arcs: readonly Arc[] = diagramArcs()): Cell[][] {
  const grid: Cell[][] = Array.from({ length: DIAGRAM_HEIGHT }, () => Array.from({ length: DIAGRAM_WIDTH }, () => ({ ch: ' ' })));
  const bits: number[][] = grid.map((r) => r.map(() => 0));
  const lineStyle: Array<Array<Style | undefined>> = grid.map((r) => r.map(() => undefined));
  const put = (x: number, y: number, ch: string, style?: Style): void => {
    const row = grid[y];
    if (row && x >= 0 && x < DIAGRAM_WIDTH) row[x] = { ch, style };
  };
  const heads: Array<{ at: Point; dir: number; style: Style }> = [];
  const labels: Array<{ at: Point; text: string; style: Style }> = [];

  for (const arc of arcs) {
    const hot = isLastTransition(arc, marks);
    const style = hot ? { ...theme.accent, bold: true } : theme.muted;
    const cells = routeCells(arc.route);
    const back = towardFromBox(cells[0]!, arc.row.from);
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      let b = 0;
      if (i === 0) b |= back;
      if (i > 0) b |= dirBetween(c, cells[i - 1]!);
      if (i < cells.length - 1) b |= dirBetween(c, cells[i + 1]!);
      bits[c.y]![c.x]! |= b;
      // The highlighted arc keeps its colour where it crosses a muted one.
      if (hot || !lineStyle[c.y]![c.x]) lineStyle[c.y]![c.x] = style;
    }
    const head = cells[cells.length - 1]!;
    const dir = cells.length > 1 ? dirBetween(cells[cells.length - 2]!, head) : opposite(back);
    heads.push({ at: head, dir, style: hot ? style : theme.heading });
    labels.push({ at: arc.labelAt, text: arc.label, style: hot ? style : {} });
  }
  for (let y = 0; y < DIAGRAM_HEIGHT; y++) {
    for (let x = 0; x < DIAGRAM_WIDTH; x++) if (bits[y]![x]) put(x, y, LINE[bits[y]![x]!] ?? '┼', lineStyle[y]![x]);
  }
  for (const h of heads) put(h.at.x, h.at.y, HEAD[h.dir] ?? '▶', h.style);
  for (const l of labels) [...l.text].forEach((ch, i) => put(l.at.x + i, l.at.y, ch, l.style));

  for (const box of BOXES) {
    const atC = marks.client?.state === box.state;
    const atS = marks.server?.state === box.state;
    const style: Style = atC || atS ? { ...theme.state(box.state), inverse: true, bold: true } : theme.state(box.state);
    [...box.state].forEach((ch, i) => put(box.x + i, box.y, ch, style));
    const mark = atC && atS ? 'cs' : atC ? '◂c' : atS ? '◂s' : '';
    [...mark].forEach((ch, i) => put(box.x + box.state.length + i, box.y, ch, theme.accent));
  }
  return grid;
}

/** The grid as plain text, one string per row (tests and the screen-reader path). */
export function gridText(grid: readonly Cell[][]): string[] {
  return grid.map((r) => r.map((c) => c.ch).join('').trimEnd());
}
