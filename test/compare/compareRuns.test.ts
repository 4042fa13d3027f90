/** compareRuns and findDivergence on the built-in scenarios. */
import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/compare/compareRuns.js';
import { findDivergence } from '../../src/compare/divergence.js';
import { sideLabels } from '../../src/compare/labels.js';
import { getScenario, resolvePolicies, Simulation, type TraceEvent } from '../../src/sim/index.js';

const spec = (name: string) => getScenario(name)!;

describe('compareRuns', () => {
  it('lost-final-ack, TIME_WAIT on vs off: parts at the retransmitted FIN, ACK against RST', () => {
    const c = compareRuns(spec('lost-final-ack'), { variant: { timeWait: 'off' } });
    expect([c.a.label, c.b.label]).toEqual(['TIME_WAIT on', 'TIME_WAIT off']);
    expect(c.a.policies.timeWait).toBe('rfc');
    expect(c.b.policies.timeWait).toBe('off');
    const d = c.divergence!;
    expect(d.kind).toBe('behaviour');
    expect(d.at).toBe(1_850_000);
    const a = c.a.trace[d.indexA!]!;
    const b = c.b.trace[d.indexB!]!;
    expect(a.kind === 'send' && a.seg.flags).toEqual(['ACK']);
    expect(b.kind === 'send' && b.seg.flags).toEqual(['RST']);
    // The event before, on both sides, is the retransmitted FIN arriving.
    const cause = c.a.trace[d.indexA! - 1]!;
    expect(cause.kind === 'deliver' && cause.seg.retransmitOf !== undefined && cause.seg.flags.includes('FIN')).toBe(true);
    expect(d.sentence).toBe('At 1.850 s the retransmitted FIN reaches the client: with TIME_WAIT on the client answers ACK; with TIME_WAIT off it answers RST.');
    // Why: the client's state parted at the first FIN.
    expect(d.earlier?.at).toBe(850_000);
    expect(d.earlier?.sentence).toContain('goes from FIN_WAIT_2 to TIME_WAIT; with TIME_WAIT off it goes from FIN_WAIT_2 to CLOSED');
  });

  it('the variant goes on top of the base policies', () => {
    const c = compareRuns(spec('lost-final-ack'), { base: { mslSeconds: 10 }, variant: { timeWait: 'off' } });
    expect(c.a.policies).toMatchObject({ mslSeconds: 10, timeWait: 'rfc' });
    expect(c.b.policies).toMatchObject({ mslSeconds: 10, timeWait: 'off' });
  });

  it('gives both runs the same perturbations', () => {
    const c = compareRuns(spec('normal-close'), { variant: { timeWait: 'off' }, perturbations: [{ kind: 'drop', match: { from: 'server', flags: ['FIN'] } }] });
    for (const side of [c.a, c.b]) expect(side.trace.some((e) => e.kind === 'drop' && e.reason === 'perturbation')).toBe(true);
  });

  it("the variant holds throughout: a policy switch among the inputs does not undo it in run B", () => {
    // As a learner might: TIME_WAIT switched off by the perturb menu after step 5, then compared with it on.
    const c = compareRuns(spec('lost-final-ack'), { variant: { timeWait: 'rfc' }, perturbations: [{ kind: 'policy', set: { timeWait: 'off', mslSeconds: 10 }, afterStep: 5 }] });
    expect([c.a.label, c.b.label]).toEqual(['TIME_WAIT off', 'TIME_WAIT on']);
    const d = c.divergence!;
    expect(d.sentence).toContain('with TIME_WAIT off the client answers RST; with TIME_WAIT on it answers ACK');
    // The rest of the switch (the MSL) still applies to both.
    for (const side of [c.a, c.b]) expect(side.trace.some((e) => e.kind === 'perturb' && e.policies?.mslSeconds === 10)).toBe(true);
  });

  it('no divergence when a policy changes nothing in the run', () => {
    const c = compareRuns(spec('lost-final-ack'), { variant: { rstInTimeWait: 'ignore' } });
    expect(c.divergence).toBeNull();
  });

  it('a difference only in timers is the divergence when nothing visible differs', () => {
    const c = compareRuns(spec('normal-close'), { variant: { mslSeconds: 60 } });
    expect(c.divergence?.kind).toBe('internal');
    expect(c.divergence?.sentence).toMatch(/starts its 2MSL timer \(60\.0 s\); with MSL 60 s it starts its 2MSL timer \(2m 00s\)/);
  });
});

describe('findDivergence', () => {
  const run = (policies = {}) => {
    const sim = Simulation.create(spec('lost-final-ack'), { policies });
    sim.runUntil({ kind: 'quiet' });
    return sim.trace;
  };

  it('identical traces: none', () => {
    expect(findDivergence(run(), run())).toBeNull();
  });

  it('ignores what only numbers events: steps and segment ids', () => {
    const a = run();
    const b: TraceEvent[] = a.map((e) => ({ ...e, step: e.step + 7, ...('seg' in e && e.seg ? { seg: { ...e.seg, id: e.seg.id + 100 } } : {}) }) as TraceEvent);
    expect(findDivergence(a, b)).toBeNull();
  });

  it('one side ending early: the other side has events there and this one none', () => {
    const a = run();
    const b = a.slice(0, a.length - 3);
    const d = findDivergence(a, b)!;
    expect(d.indexA).toBe(a.length - 3);
    expect(d.indexB).toBeUndefined();
    expect(d.at).toBe(a[a.length - 3]!.at);
  });
});

describe('side labels', () => {
  const base = resolvePolicies();
  it.each([
    [{ timeWait: 'off' }, 'TIME_WAIT on', 'TIME_WAIT off'],
    [{ rstInTimeWait: 'ignore' }, 'RFC 1337 off', 'RFC 1337 on'],
    [{ mslSeconds: 120, timeWaitFixedSeconds: null, berkeleySynInTimeWait: false }, 'bsd preset', 'rfc1122 preset'],
    [{ timestamps: true }, 'timestamps=off', 'timestamps=on'],
    [{ timeWait: 'rfc' }, 'these policies', 'the same policies'],
  ] as const)('%j', (overrides, a, b) => {
    expect(sideLabels(base, resolvePolicies(overrides), overrides)).toEqual({ a, b });
  });
});
