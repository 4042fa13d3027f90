/**
 * Invariants over random runs: random built-in scenarios, seeds, policies and perturbations.
 * Each property runs at least 1,000 generated cases (fast-check shrinks any failure to a
 * small counter-example and prints its seed).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SCENARIO_NAMES, Simulation, getScenario, countMatches, type Perturbation, type Policies, type SegmentSelector } from '../../../src/sim/index.js';

const RUNS = 1000;

const selector: fc.Arbitrary<SegmentSelector> = fc.record(
  {
    from: fc.constantFrom('client' as const, 'server' as const),
    flags: fc.subarray(['SYN', 'FIN', 'ACK', 'PSH'] as const, { minLength: 1, maxLength: 2 }).map((f) => [...f]),
    nth: fc.integer({ min: 1, max: 4 }),
    data: fc.boolean(),
  },
  { requiredKeys: ['from'] },
);

/** Perturbations that keep every segment's lifetime within a few seconds (well under MSL). */
const boundedPerturbation: fc.Arbitrary<Perturbation> = fc.oneof(
  selector.map((match) => ({ kind: 'drop' as const, match })),
  fc.record({ kind: fc.constant('duplicate' as const), match: selector, copies: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('delay' as const), match: selector, by: fc.double({ min: 0.01, max: 8, noNaN: true }) }),
  fc.record({ kind: fc.constant('loop' as const), match: selector, laps: fc.integer({ min: 1, max: 25 }) }),
  fc.record({ kind: fc.constant('reorder' as const), match: selector, by: fc.double({ min: 0.01, max: 2, noNaN: true }) }),
  fc.record({ kind: fc.constant('heal' as const), at: fc.double({ min: 0, max: 20, noNaN: true }) }),
);

/** Anything goes, including crashes and reconnects and injected segments. */
const anyPerturbation: fc.Arbitrary<Perturbation> = fc.oneof(
  boundedPerturbation,
  fc.record({ kind: fc.constant('crash' as const), host: fc.constantFrom('client' as const, 'server' as const), at: fc.double({ min: 0, max: 5, noNaN: true }), rebootAfter: fc.double({ min: 0, max: 5, noNaN: true }) }),
  fc.record({ kind: fc.constant('reconnect' as const), host: fc.constant('client' as const), at: fc.double({ min: 0, max: 10, noNaN: true }) }),
  fc.record({
    kind: fc.constant('inject' as const),
    at: fc.double({ min: 0, max: 10, noNaN: true }),
    segment: fc.record({ from: fc.constantFrom('client' as const, 'server' as const), flags: fc.constant(['PSH', 'ACK'] as ('PSH' | 'ACK')[]), seq: fc.integer({ min: 0, max: 0xffff_ffff }), data: fc.constant('junk') }),
  }),
);

const policies: fc.Arbitrary<Partial<Policies>> = fc.record({
  mslSeconds: fc.constantFrom(30, 60, 120),
  timeWait: fc.constantFrom('rfc' as const, 'off' as const),
  berkeleySynInTimeWait: fc.boolean(),
  rstInTimeWait: fc.constantFrom('close' as const, 'ignore' as const),
  reuseTimeWait: fc.constantFrom('refuse' as const, 'allow' as const),
});

const runInput = (perturbation: fc.Arbitrary<Perturbation>) =>
  fc.record({
    scenario: fc.constantFrom(...SCENARIO_NAMES),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    policies,
    perturbations: fc.array(perturbation, { maxLength: 4 }),
  });

type Input = { scenario: string; seed: number; policies: Partial<Policies>; perturbations: Perturbation[] };

function simulate(input: Input): Simulation {
  const spec = getScenario(input.scenario)!;
  const sim = Simulation.create(spec, { seed: input.seed, policies: input.policies, perturbations: input.perturbations });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: 400, maxSteps: 20_000 });
  return sim;
}

describe('simulation invariants over random perturbations', () => {
  it('never throws, and the same inputs give the identical trace', () => {
    fc.assert(
      fc.property(runInput(anyPerturbation), (input) => {
        const a = simulate(input);
        const b = simulate(input);
        expect(JSON.stringify(b.trace)).toBe(JSON.stringify(a.trace));
      }),
      { numRuns: RUNS },
    );
  });

  it('stepping back k events and forward k again reproduces the trace exactly', () => {
    fc.assert(
      fc.property(runInput(anyPerturbation), fc.double({ min: 0, max: 1, noNaN: true }), (input, where) => {
        const spec = getScenario(input.scenario)!;
        const sim = Simulation.create(spec, { seed: input.seed, policies: input.policies, perturbations: input.perturbations, checkpointEvery: 16 });
        sim.runUntil({ kind: 'quiet' }, { untilSeconds: 400, maxSteps: 20_000 });
        const end = sim.stepCount;
        const full = JSON.stringify(sim.trace);
        const k = Math.floor(where * end);
        sim.stepBack(k);
        expect(sim.stepCount).toBe(end - k);
        sim.seek(end);
        expect(sim.stepCount).toBe(end);
        expect(JSON.stringify(sim.trace)).toBe(full);
      }),
      { numRuns: RUNS },
    );
  });

  // TIME_WAIT protects a new incarnation only while nothing can cut it short: reuse must be
  // refused, and an RST must not end it (RFC 1337 fix F1). Without F1, an old duplicate SYN can
  // make the peer send an RST that "assassinates" the TIME_WAIT; this property found that case
  // (RFC 1337 hazard H1) before it was written down here.
  it('with TIME_WAIT on (RFC 1337 F1) and every lifetime within MSL, no old duplicate is ever accepted', () => {
    fc.assert(
      fc.property(runInput(boundedPerturbation), (input) => {
        const run = {
          ...input,
          policies: { ...input.policies, timeWait: 'rfc' as const, reuseTimeWait: 'refuse' as const, rstInTimeWait: 'ignore' as const },
        };
        const sim = simulate(run);
        const msl = sim.policies.mslSeconds * 1_000_000;
        const bounded = sim.trace.every((e) => e.kind !== 'deliver' || e.at - e.seg.born <= msl);
        fc.pre(bounded);
        expect(countMatches(sim.trace, { kind: 'alert', alert: 'old-duplicate-accepted' })).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('with TIME_WAIT off, wandering-duplicate produces an old-duplicate-accepted alert whatever the seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(30, 60, 120), (seed, msl) => {
        const sim = simulate({ scenario: 'wandering-duplicate', seed, policies: { timeWait: 'off', mslSeconds: msl }, perturbations: [] });
        expect(countMatches(sim.trace, { kind: 'alert', alert: 'old-duplicate-accepted' })).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('interactive perturbations replay exactly', () => {
  it('a drop made while paused survives a step back and forward', () => {
    const sim = Simulation.create(getScenario('normal-close')!);
    sim.runUntil({ kind: 'state', host: 'client', state: 'TIME_WAIT' });
    // The client's final ACK is in flight now: drop it.
    const ack = sim.snapshot().inFlight.find((p) => p.from === 'client' && p.seg.flags.join() === 'ACK')!;
    expect(ack).toBeDefined();
    sim.perturb({ kind: 'drop', match: { id: ack.seg.id } });
    sim.runUntil({ kind: 'quiet' });
    const full = JSON.stringify(sim.trace);
    expect(countMatches(sim.trace, { kind: 'segment', on: 'send', from: 'server', flags: ['FIN'], retransmission: true })).toBe(1);
    const end = sim.stepCount;
    sim.seek(3);
    sim.seek(end);
    expect(JSON.stringify(sim.trace)).toBe(full);
  });
});
