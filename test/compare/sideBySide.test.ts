/** Two ladders in step: same moments on the same lines, the divergence on the same line of both. */
import { describe, expect, it } from 'vitest';
import { alignRows } from '../../src/compare/alignRows.js';
import { compareRuns } from '../../src/compare/compareRuns.js';
import { compareLadderText, divergenceMark } from '../../src/compare/sideBySide.js';
import { buildRows } from '../../src/diagram/rows.js';
import { toLadder } from '../../src/export/ladder.js';
import { getScenario, SCENARIO_NAMES } from '../../src/sim/index.js';
import { ladderProblems } from '../diagram/check.js';

const HALF = 78;
const halves = (text: string) => text.split('\n').map((l) => [l.slice(0, HALF), l.slice(HALF + 3)] as const);
/** The time a ladder line shows in its time column, if any. */
const timeOf = (line: string) => /^\s*(\d+\.\d{3})s/.exec(line)?.[1];

describe('compareLadderText', () => {
  const c = compareRuns(getScenario('lost-final-ack')!, { variant: { timeWait: 'off' } });
  const text = compareLadderText(c);
  const lines = halves(text);

  it('names each side, fits 160 columns, plain characters only', () => {
    expect(text.split('\n')[0]).toMatch(/^run A: TIME_WAIT on +\| run B: TIME_WAIT off$/);
    for (const l of text.split('\n')) expect(l.length).toBeLessThanOrEqual(160);
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('marks the divergence on the same line of both ladders, at the retransmitted FIN', () => {
    const marked = lines.findIndex(([a]) => a.includes('>> diverges'));
    expect(marked).toBeGreaterThan(0);
    expect(lines[marked]![0]).toContain('>> diverges: client sends ACK');
    expect(lines[marked]![1]).toContain('>> diverges: client sends RST');
    // The line before is the arrival of the retransmitted FIN at 1.850 s, on both sides.
    expect(timeOf(lines[marked - 1]![0])).toBe('1.850');
    expect(timeOf(lines[marked - 1]![1])).toBe('1.850');
    expect(lines[marked + 1]![0]).toContain('ACK seq=1014 ack=5025');
    expect(lines[marked + 1]![1]).toContain('RST seq=1014');
  });

  it('the sentence under the ladders', () => {
    expect(text).toContain('At 1.850 s the retransmitted FIN reaches the client: with TIME_WAIT on the client answers ACK; with TIME_WAIT off it answers RST.');
    expect(text).toContain('Before that, at 0.850 s');
  });

  it.each(SCENARIO_NAMES.map((n) => [n]))('%s vs TIME_WAIT off: every line shows the same moment on both sides', (name) => {
    const cmp = compareRuns(getScenario(name)!, { variant: { timeWait: 'off' } });
    for (const [a, b] of halves(compareLadderText(cmp))) {
      const ta = timeOf(a);
      const tb = timeOf(b);
      if (ta !== undefined && tb !== undefined) expect(ta).toBe(tb);
    }
  });
});

describe('alignRows', () => {
  it('no inserts: the ladder is the plain export', () => {
    const trace = compareRuns(getScenario('normal-close')!, { variant: {} }).a.trace;
    expect(toLadder(trace, { width: 80, insert: [] })).toBe(toLadder(trace, { width: 80 }));
  });

  it('inserted rows keep the ladder readable (no label over an arrow, nothing too wide)', () => {
    const c = compareRuns(getScenario('wandering-duplicate')!, { variant: { timeWait: 'off' } });
    const ins = alignRows({ a: buildRows(c.a.trace), b: buildRows(c.b.trace), width: HALF, mark: divergenceMark(c, '◆') });
    expect(ins.a.length + ins.b.length).toBeGreaterThan(2);
    for (const [side, insert] of [[c.a, ins.a], [c.b, ins.b]] as const) {
      const end = side.trace[side.trace.length - 1]!.at;
      expect(ladderProblems({ trace: side.trace, inFlight: [], clock: end, width: HALF, insert })).toEqual([]);
    }
  });
});
