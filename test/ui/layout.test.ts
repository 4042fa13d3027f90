import { describe, expect, it } from 'vitest';
import { runLayout, WIDE_COLUMNS } from '../../src/ui/layout.js';

const SIZES = [
  [80, 24],
  [100, 30],
  [139, 40],
  [140, 40],
  [160, 48],
  [220, 70],
] as const;

describe('run layout', () => {
  it.each(SIZES)('fits %ix%i, one row short of the terminal (no full-screen redraw)', (c, r) => {
    for (const narrative of [true, false]) {
      for (const diagram of [true, false]) {
        for (const tallNarrative of [true, false]) {
          const L = runLayout(c, r, { narrative, diagram, tallNarrative });
          expect(L.height).toBe(r - 1);
          expect(L.body.height).toBe(r - 3);
          const column = L.wide
            ? Math.max(L.ladder.height + L.endpoints.height, L.diagram.height + L.narrative.height + L.log.height)
            : (L.diagramReplacesLadder ? L.diagram.height : L.ladder.height + L.narrative.height) + L.endpoints.height + L.log.height;
          expect(column).toBeLessThanOrEqual(L.body.height);
          for (const rect of [L.ladder, L.endpoints, L.narrative, L.log, L.diagram]) expect(rect.width).toBeLessThanOrEqual(c);
          if (L.wide) expect(L.ladder.width + 1 + L.narrative.width).toBeLessThanOrEqual(c);
          expect(L.wide).toBe(c >= WIDE_COLUMNS);
          if (!narrative) expect(L.narrative.height).toBe(0);
        }
      }
    }
  });

  it('gives a question more room than plain text', () => {
    const plain = runLayout(80, 24, { narrative: true, diagram: false });
    const tall = runLayout(80, 24, { narrative: true, diagram: false, tallNarrative: true });
    expect(tall.narrative.height).toBeGreaterThan(plain.narrative.height);
  });

  it('gives a step with nothing to simulate the whole body', () => {
    const L = runLayout(80, 24, { narrative: true, diagram: false, narrativeOnly: true });
    expect(L.narrative.height).toBe(L.body.height);
    expect(L.ladder.height).toBe(0);
  });
});
