/** The compare view's pure model: the picker's choices, the shared clock, the key reducer. */
import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../src/compare/compareRuns.js';
import { getScenario, resolvePolicies } from '../../../src/sim/index.js';
import { compareFrame } from '../../../src/ui/compare/compareFrame.js';
import { layoutDiagram } from '../../../src/diagram/layout.js';
import { compareReducer, compareVariants, initialCompareState, lockstepTimes } from '../../../src/ui/compare/compareModel.js';

describe('compareVariants', () => {
  it('offers each change relative to the policies in force', () => {
    expect(compareVariants(resolvePolicies()).map((v) => v.label)).toEqual(['TIME_WAIT off', 'rfc1122 preset', 'linux preset', 'RFC 1337 on']);
    const off = compareVariants(resolvePolicies({ timeWait: 'off', rstInTimeWait: 'ignore', mslSeconds: 120, berkeleySynInTimeWait: false }));
    expect(off.map((v) => v.label)).toEqual(['TIME_WAIT on', 'linux preset', 'bsd preset', 'RFC 1337 off']);
    expect(off[0]!.overrides).toEqual({ timeWait: 'rfc' });
  });
});

describe('compareReducer', () => {
  it('picks, steps within the moments, jumps to either end, switches side', () => {
    let s = compareReducer(initialCompareState, { type: 'cursor', delta: -1, length: 4 });
    expect(s.cursor).toBe(3);
    s = compareReducer(s, { type: 'choose' });
    expect([s.phase, s.chosen, s.index]).toEqual(['view', 3, 0]);
    s = compareReducer(s, { type: 'step', delta: -1, length: 10 });
    expect(s.index).toBe(0);
    s = compareReducer(s, { type: 'toEnd', length: 10 });
    expect(s.index).toBe(9);
    s = compareReducer(s, { type: 'step', delta: 1, length: 10 });
    expect(s.index).toBe(9);
    s = compareReducer(s, { type: 'step', delta: -1, length: 10 });
    expect(s.index).toBe(8);
    s = compareReducer(s, { type: 'switchSide' });
    expect(s.side).toBe('b');
    expect(compareReducer(s, { type: 'toStart' }).index).toBe(0);
  });

  it('scrolls back within the rows there are, and a step follows "now" again', () => {
    let s = compareReducer(initialCompareState, { type: 'choose' });
    for (let i = 0; i < 5; i++) s = compareReducer(s, { type: 'scroll', by: 1, max: 3 });
    expect(s.scroll).toBe(3);
    s = compareReducer(s, { type: 'scroll', by: -1, max: 3 });
    expect(s.scroll).toBe(2);
    expect(compareReducer(s, { type: 'step', delta: 1, length: 10 }).scroll).toBe(0);
    expect(compareReducer(s, { type: 'toEnd', length: 10 }).scroll).toBe(0);
  });
});

describe('the shared clock', () => {
  const c = compareRuns(getScenario('lost-final-ack')!, { variant: { timeWait: 'off' } });
  const times = lockstepTimes(c.a.trace, c.b.trace);

  it('stops at every moment either run has an event, once each, in order', () => {
    for (const ev of [...c.a.trace, ...c.b.trace]) if (ev.kind !== 'hop') expect(times).toContain(ev.at);
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(new Set(times).size).toBe(times.length);
  });

  it('a frame holds each run as it stood then, the mark only from the divergence on', () => {
    const before = compareFrame(c, 1_800_000, 80);
    expect(before.reached).toBe(false);
    expect(before.a.trace.every((e) => e.at <= 1_800_000)).toBe(true);
    expect(before.a.insert.some((i) => i.text)).toBe(false);
    // The retransmitted FIN is in flight at 1.800 s.
    expect(before.a.inFlight.some((f) => f.seg.retransmitOf !== undefined)).toBe(true);
    const at = compareFrame(c, 1_850_000, 80);
    expect(at.reached).toBe(true);
    expect(at.a.insert.find((i) => i.text)?.text?.line).toBe('◆ diverges: client sends ACK');
    expect(at.b.insert.find((i) => i.text)?.text?.line).toBe('◆ diverges: client sends RST');
    // Both ladders draw the same number of rows, and the frame knows how many.
    for (const side of [at.a, at.b]) {
      const g = layoutDiagram({ trace: side.trace, inFlight: side.inFlight, clock: at.clock, width: 80, data: side.data, insert: side.insert });
      expect(g.total).toBe(at.rows);
    }
    // Going back replays to the same moment exactly.
    expect(compareFrame(c, 1_800_000, 80).a.trace).toEqual(before.a.trace);
  });
});
