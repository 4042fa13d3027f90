/**
 * The ladder's readability invariant, checked on the pure grid: nothing is wider than asked, no
 * label covers an arrow or another label, and every label is either on screen in full (or in its
 * short form) or listed as a note.
 */
import { expect } from 'vitest';
import { layoutDiagram, type EngineInput } from '../../src/diagram/layout.js';

export const SIZES: ReadonlyArray<[number, number]> = [
  [80, 24],
  [120, 40],
  [200, 50],
];

/** Problems found (empty when the layout is readable); `where` names the case in messages. */
export function ladderProblems(input: EngineInput): string[] {
  const bad: string[] = [];
  const g = layoutDiagram(input);
  const bare = layoutDiagram({ ...input, labels: false });
  const text = (cells: ReadonlyArray<{ ch: string }>) => cells.map((c) => c.ch).join('');
  if (g.header.length !== input.width) bad.push(`header is ${g.header.length} wide`);
  for (const [i, line] of g.lines.entries()) {
    if (line.length !== input.width) bad.push(`row ${g.first + i} is ${line.length} wide`);
    for (const c of line) if ([...c.ch].length !== 1) bad.push(`row ${g.first + i} has a cell "${c.ch}"`);
  }
  // Labels never cover arrows: every arrow cell of the drawing without labels is still there.
  for (const [i, line] of bare.lines.entries()) {
    for (const [x, c] of line.entries()) {
      const now = g.lines[i]![x]!;
      if (c.kind === 'arrow' && (now.kind !== 'arrow' || now.ch !== c.ch)) bad.push(`row ${g.first + i} col ${x}: arrow ${c.ch} covered by "${now.ch}"\n${text(g.lines[i]!)}`);
    }
  }
  // Every label visible is intact (nothing wrote over it) and apart from the others.
  const spans = new Map<number, Array<[number, number]>>();
  for (const p of g.placed) {
    if (p.row < g.first || p.row >= g.first + g.lines.length) continue;
    if (p.how === 'hidden') {
      if (!g.footnotes.some((n) => n.includes(p.full))) bad.push(`label "${p.full}" neither shown nor noted`);
      continue;
    }
    if (p.x < 0) {
      if (!g.footnotes.some((n) => n.includes(p.full))) bad.push(`text "${p.full}" neither shown nor noted`);
      continue;
    }
    const len = [...p.text].length;
    const line = g.lines[p.row - g.first]!;
    const shown = text(line.slice(p.x, p.x + len));
    if (shown !== p.text) bad.push(`label "${p.text}" reads "${shown}"`);
    if (line.slice(p.x, p.x + len).some((c) => c.kind !== 'label')) bad.push(`label "${p.text}" is not all label cells`);
    if (p.how === 'note' && !g.footnotes.some((n) => n.includes(p.full))) bad.push(`note ${p.text} has no text under the diagram`);
    const mine: [number, number] = [p.x, p.x + len - 1];
    for (const [a, b] of spans.get(p.row) ?? []) if (mine[0] <= b + 1 && a <= mine[1] + 1) bad.push(`labels touch on row ${p.row}: "${p.text}"`);
    spans.set(p.row, [...(spans.get(p.row) ?? []), mine]);
    if (p.x + len > g.sx) bad.push(`label "${p.text}" runs past the server line`);
  }
  return bad;
}

export function expectReadable(input: EngineInput, where: string): void {
  const bad = ladderProblems(input);
  expect(bad.slice(0, 5), `${where}: ${bad.length} problem(s)`).toEqual([]);
}
