/**
 * The state diagram against the transition table: every drawn arrow is a table row that leaves
 * its `from` state and points into its `to` state, labelled with the row's words; every row the
 * figure claims is drawn; nothing else on the grid looks like an arrow.
 */
import { describe, expect, it } from 'vitest';
import { TRANSITIONS, transitionId, transitionLabel } from '../../src/sim/transitionTable.js';
import { drawDiagram, gridText } from '../../src/ui/stateDiagram/draw.js';
import { BOXES, DIAGRAM_HEIGHT, DIAGRAM_WIDTH, ROUTED_IDS, boxWidth, diagramArcs, routeCells, touchesBox } from '../../src/ui/stateDiagram/layout.js';
import { createTheme } from '../../src/ui/theme.js';

const theme = createTheme({ NO_COLOR: '1' });
const arcs = diagramArcs();
const grid = drawDiagram({}, theme);
const text = gridText(grid);
const HEADS: Record<string, [number, number]> = { '▲': [0, -1], '▼': [0, 1], '◀': [-1, 0], '▶': [1, 0] };
const inBox = (x: number, y: number, state: string) => BOXES.some((b) => b.state === state && b.y === y && x >= b.x && x < b.x + boxWidth(b));

describe('state diagram drawn from the transition table', () => {
  it('draws exactly the rows the table puts in the figure', () => {
    const figure = TRANSITIONS.filter((r) => r.figure).map(transitionId).sort();
    expect(arcs.map((a) => transitionId(a.row)).sort()).toEqual(figure);
    expect([...ROUTED_IDS].sort()).toEqual(figure);
  });

  it.each(arcs.map((a) => [transitionId(a.row), a] as const))('%s leaves its state and points into the next', (_id, arc) => {
    const cells = routeCells(arc.route);
    expect(touchesBox(cells[0]!, arc.row.from), 'starts beside the from state').toBe(true);
    const head = cells[cells.length - 1]!;
    const glyph = [...text[head.y]!][head.x]!;
    expect(Object.keys(HEADS)).toContain(glyph);
    const [dx, dy] = HEADS[glyph]!;
    expect(inBox(head.x + dx, head.y + dy, arc.row.to), `${glyph} points into ${arc.row.to}`).toBe(true);
    // Its label is the row's own words, drawn whole, next to its own line.
    expect(arc.label).toBe(transitionLabel(arc.row));
    expect([...text[arc.labelAt.y]!].slice(arc.labelAt.x, arc.labelAt.x + arc.label.length).join('')).toBe(arc.label);
    const near = [...arc.label].some((_, i) =>
      cells.some((c) => Math.abs(c.x - (arc.labelAt.x + i)) <= 2 && Math.abs(c.y - arc.labelAt.y) <= 1),
    );
    expect(near, 'label beside its line').toBe(true);
  });

  it('has no arrow head that is not an arc of the table', () => {
    const heads = text.join('').split('').filter((ch) => ch in HEADS).length;
    expect(heads).toBe(arcs.length);
  });

  it('sends CLOSING to TIME_WAIT, and FIN_WAIT_1 straight to TIME_WAIT on a FIN that ACKs ours', () => {
    const ids = arcs.map((a) => transitionId(a.row));
    expect(ids).toContain('CLOSING>TIME_WAIT:ack');
    expect(ids).toContain('FIN_WAIT_1>TIME_WAIT:fin');
    expect(ids.filter((id) => id.startsWith('CLOSING>'))).toEqual(['CLOSING>TIME_WAIT:ack']);
  });

  it('shows all eleven states and fits 58 columns by 12 rows', () => {
    expect(new Set(BOXES.map((b) => b.state)).size).toBe(11);
    expect(grid.length).toBe(DIAGRAM_HEIGHT);
    for (const l of text) expect([...l].length).toBeLessThanOrEqual(DIAGRAM_WIDTH);
    for (const b of BOXES) expect(text[b.y]!.slice(b.x, b.x + b.state.length)).toBe(b.state);
  });

  it('marks each endpoint in its state and makes its last transition bold', () => {
    const g = drawDiagram(
      { client: { state: 'TIME_WAIT', last: { from: 'FIN_WAIT_2', to: 'TIME_WAIT' } }, server: { state: 'LAST_ACK', last: { from: 'CLOSE_WAIT', to: 'LAST_ACK' } } },
      theme,
    );
    const t = gridText(g);
    const tw = BOXES.find((b) => b.state === 'TIME_WAIT')!;
    expect(t[tw.y]!.slice(tw.x, tw.x + 11)).toBe('TIME_WAIT◂c');
    expect(g[tw.y]![tw.x]!.style?.inverse).toBe(true);
    const la = BOXES.find((b) => b.state === 'LAST_ACK')!;
    expect(t[la.y]!.slice(la.x, la.x + 10)).toBe('LAST_ACK◂s');
    const boldLabel = (id: string) => {
      const a = arcs.find((x) => transitionId(x.row) === id)!;
      return g[a.labelAt.y]![a.labelAt.x]!.style?.bold === true;
    };
    expect(boldLabel('FIN_WAIT_2>TIME_WAIT:fin')).toBe(true);
    expect(boldLabel('CLOSE_WAIT>LAST_ACK:close')).toBe(true);
    expect(boldLabel('FIN_WAIT_1>TIME_WAIT:fin')).toBe(false);
  });
});
