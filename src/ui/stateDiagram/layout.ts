/**
 * Where the state diagram puts things. The eleven states sit at fixed places (CLOSED twice: where
 * a connection starts and where it ends); every arc is a row of src/sim/transitionTable.ts drawn
 * along a fixed route, and its label is that row's own words. So an arc cannot point somewhere
 * the endpoint code does not go: test/ui/stateDiagram.test.ts checks each route against its row.
 *
 * Routes are lists of points joined by straight lines; the last point is the arrow head. The
 * drawing is 58 columns by 12 rows, so it fits the narrowest pane it is given (the right column
 * of a 140-column terminal) with a line to spare below it at 80x24.
 */
import type { TcpState } from '../../sim/tcp/states.js';
import { TRANSITIONS, transitionId, transitionLabel, type TransitionRow } from '../../sim/transitionTable.js';

export interface Point {
  x: number;
  y: number;
}

export interface StateBox {
  state: TcpState;
  x: number;
  y: number;
}

export interface Arc {
  row: TransitionRow;
  route: readonly Point[];
  /** Where the label starts; the text is the row's label. */
  labelAt: Point;
  label: string;
}

/** Each state name is followed by two cells for the marks of the endpoints that are in it. */
export const MARK_WIDTH = 2;
export const DIAGRAM_WIDTH = 58;
export const DIAGRAM_HEIGHT = 12;

export const BOXES: readonly StateBox[] = [
  { state: 'LISTEN', x: 0, y: 0 },
  { state: 'CLOSED', x: 21, y: 0 },
  { state: 'SYN_SENT', x: 47, y: 0 },
  { state: 'SYN_RECEIVED', x: 0, y: 4 },
  { state: 'ESTABLISHED', x: 23, y: 4 },
  { state: 'FIN_WAIT_1', x: 0, y: 7 },
  { state: 'CLOSING', x: 24, y: 7 },
  { state: 'CLOSE_WAIT', x: 46, y: 7 },
  { state: 'FIN_WAIT_2', x: 0, y: 9 },
  { state: 'LAST_ACK', x: 46, y: 9 },
  { state: 'TIME_WAIT', x: 16, y: 11 },
  { state: 'CLOSED', x: 44, y: 11 },
];

const p = (x: number, y: number): Point => ({ x, y });

/** Route and label place per arc, keyed by transitionId. */
const ROUTES: Record<string, { route: Point[]; labelAt: Point }> = {
  'CLOSED>LISTEN:listen': { route: [p(20, 0), p(8, 0)], labelAt: p(11, 0) },
  'CLOSED>SYN_SENT:connect': { route: [p(29, 0), p(46, 0)], labelAt: p(31, 0) },
  'LISTEN>SYN_RECEIVED:syn': { route: [p(1, 1), p(1, 3)], labelAt: p(3, 2) },
  'SYN_SENT>ESTABLISHED:syn-ack': { route: [p(48, 1), p(48, 4), p(36, 4)], labelAt: p(34, 2) },
  'SYN_RECEIVED>ESTABLISHED:ack': { route: [p(14, 4), p(22, 4)], labelAt: p(17, 4) },
  'ESTABLISHED>FIN_WAIT_1:close': { route: [p(24, 5), p(3, 5), p(3, 6)], labelAt: p(8, 5) },
  'ESTABLISHED>CLOSE_WAIT:fin': { route: [p(34, 5), p(50, 5), p(50, 6)], labelAt: p(38, 5) },
  'FIN_WAIT_1>CLOSING:fin-not-acking': { route: [p(12, 7), p(23, 7)], labelAt: p(14, 7) },
  'FIN_WAIT_1>FIN_WAIT_2:ack': { route: [p(1, 8)], labelAt: p(3, 8) },
  'FIN_WAIT_1>TIME_WAIT:fin': { route: [p(11, 8), p(16, 8), p(16, 10)], labelAt: p(3, 10) },
  'FIN_WAIT_2>TIME_WAIT:fin': { route: [p(1, 10), p(1, 11), p(15, 11)], labelAt: p(4, 11) },
  'CLOSING>TIME_WAIT:ack': { route: [p(25, 8), p(25, 10)], labelAt: p(27, 9) },
  'CLOSE_WAIT>LAST_ACK:close': { route: [p(47, 8)], labelAt: p(35, 8) },
  'LAST_ACK>CLOSED:ack': { route: [p(53, 10), p(53, 11), p(52, 11)], labelAt: p(55, 10) },
  'TIME_WAIT>CLOSED:2msl': { route: [p(27, 11), p(43, 11)], labelAt: p(29, 11) },
};

/** The figure's arcs: every table row marked `figure`, each with its route. */
export function diagramArcs(rows: readonly TransitionRow[] = TRANSITIONS): Arc[] {
  return rows
    .filter((r) => r.figure)
    .map((row) => {
      const place = ROUTES[transitionId(row)];
      if (!place) throw new Error(`the state diagram has no route for ${transitionId(row)}`);
      return { row, route: place.route, labelAt: place.labelAt, label: transitionLabel(row) };
    });
}

/** The ids routes exist for (a route without a table row is a drawing of nothing). */
export const ROUTED_IDS: readonly string[] = Object.keys(ROUTES);

/** Every cell a route passes through, in order, the head last. */
export function routeCells(route: readonly Point[]): Point[] {
  const out: Point[] = [route[0]!];
  for (let i = 1; i < route.length; i++) {
    const a = route[i - 1]!;
    const b = route[i]!;
    const dx = Math.sign(b.x - a.x);
    const dy = Math.sign(b.y - a.y);
    for (let x = a.x, y = a.y; x !== b.x || y !== b.y; ) {
      x += dx;
      y += dy;
      out.push({ x, y });
    }
  }
  return out;
}

export function boxWidth(b: StateBox): number {
  return b.state.length + MARK_WIDTH;
}

/** Is the cell next to (left, right, above or below) a box of this state? */
export function touchesBox(cell: Point, state: TcpState): boolean {
  return BOXES.some((b) => {
    if (b.state !== state) return false;
    const inRow = cell.y === b.y && (cell.x === b.x - 1 || cell.x === b.x + boxWidth(b));
    const inCol = (cell.y === b.y - 1 || cell.y === b.y + 1) && cell.x >= b.x && cell.x < b.x + boxWidth(b);
    return inRow || inCol;
  });
}
