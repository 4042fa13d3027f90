/**
 * Perturbations and alerts are said in words on screen: a policy change from its values (never
 * JSON), alerts without their ids, losses and loops without router names the ladder never draws.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim/index.js';
import { getScenario } from '../../src/sim/scenarios/index.js';
import type { TraceEvent } from '../../src/sim/trace.js';
import { alertText, perturbText, policyChangeText } from '../../src/ui/eventText.js';
import { describeEvent } from '../../src/ui/format.js';

const RAW = /[{}"]|\br\d\b|old-duplicate-accepted|loop-released|reuseTimeWait|mslSeconds/;

describe('event text on screen', () => {
  it('says every policy value as a rule', () => {
    expect(policyChangeText({ reuseTimeWait: 'allow' })).toBe('reuse of a 4-tuple in TIME_WAIT: now allowed');
    expect(policyChangeText({ mslSeconds: 10, timeWaitFixedSeconds: null })).toBe('MSL is now 10 s; TIME_WAIT lasts 2 × MSL again');
    const all = policyChangeText({
      mslSeconds: 1, timeWaitFixedSeconds: 60, timeWait: 'off', berkeleySynInTimeWait: false, rstInTimeWait: 'ignore',
      reuseTimeWait: 'refuse', initialRtoSeconds: 2, maxRetransmissions: 1, initialTtl: 3, abortSegment: 'rst-ack',
    });
    expect(all.split('; ')).toHaveLength(10);
    expect(all).not.toMatch(RAW);
  });

  it('turns a policy perturbation of a real run into words, in the log and the ladder text', () => {
    const spec = getScenario('normal-close')!;
    const sim = Simulation.create({ ...spec, perturbations: [{ kind: 'policy', at: 0.3, set: { reuseTimeWait: 'allow' } }] });
    sim.runUntil({ kind: 'quiet' });
    const ev = sim.completeTrace().find((e): e is Extract<TraceEvent, { kind: 'perturb' }> => e.kind === 'perturb');
    expect(ev).toBeDefined();
    expect(perturbText(ev!)).toBe('reuse of a 4-tuple in TIME_WAIT: now allowed');
    expect(describeEvent(ev!)).toBe('perturbation: reuse of a 4-tuple in TIME_WAIT: now allowed');
  });

  it('leaves router names out of loops and losses', () => {
    const spec = getScenario('normal-close')!;
    const sim = Simulation.create({
      ...spec,
      perturbations: [
        { kind: 'loop', match: { from: 'client', flags: ['FIN'] }, laps: 2 },
        { kind: 'drop', match: { from: 'server', flags: ['FIN'] } },
      ],
    });
    sim.runUntil({ kind: 'quiet' });
    const shown = sim.completeTrace().filter((e) => e.kind === 'perturb' || e.kind === 'drop' || (e.kind === 'hop' && e.looping));
    expect(shown.map((e) => e.kind)).toEqual(expect.arrayContaining(['perturb', 'drop', 'hop']));
    for (const e of shown) expect(describeEvent(e)).not.toMatch(RAW);
    expect(shown.map(describeEvent).join('\n')).toMatch(/caught in a routing loop \(for 2 laps/);
    expect(shown.map(describeEvent).join('\n')).toMatch(/lost in the network \(dropped on purpose\)/);
  });

  it('says alerts without their ids', () => {
    expect(alertText('old-duplicate-accepted')).toBe('an old duplicate was accepted');
  });
});
