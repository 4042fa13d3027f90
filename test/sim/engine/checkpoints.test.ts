/**
 * Checkpoints stay few however long a run is (memory stays flat), and going back to any step,
 * near or far, still reproduces the run exactly.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, getScenario } from '../../../src/sim/index.js';

const EVERY = 100;

describe('checkpoints on a long run', () => {
  const long = Simulation.create(getScenario('churn')!, { seed: 2, checkpointEvery: EVERY, traceWindow: 2_000 });
  long.runUntil({ kind: 'quiet' }, { maxSteps: 60_000 });

  it('are bounded in number (16 dense, at most 16 further back, and the first)', () => {
    expect(long.stepCount).toBe(60_000);
    expect(long.checkpointCount).toBeLessThanOrEqual(33);
    // Doubling the run adds none.
    long.runUntil({ kind: 'quiet' }, { maxSteps: 60_000 });
    expect(long.checkpointCount).toBeLessThanOrEqual(33);
  });

  it('a jump far back and forward again gives the same events as a run that never went back', () => {
    const fresh = Simulation.create(getScenario('churn')!, { seed: 2 });
    fresh.runUntil({ kind: 'quiet' }, { maxSteps: 12_345 });
    long.seek(12_345);
    expect(long.stepCount).toBe(12_345);
    expect(JSON.stringify(long.trace)).toBe(JSON.stringify(fresh.trace.slice(long.traceStart)));
    // Forward from there, and back a little (from the dense checkpoints), still match.
    fresh.runUntil({ kind: 'quiet' }, { maxSteps: 20_000 });
    long.seek(32_345);
    long.stepBack(7);
    fresh.seek(32_338);
    expect(JSON.stringify(long.trace)).toBe(JSON.stringify(fresh.trace.slice(long.traceStart)));
    expect(long.snapshot()).toEqual(fresh.snapshot());
  });
});

describe('a step that trims the trace window', () => {
  it('still returns its events from step(), and runUntil still sees them', () => {
    const full = Simulation.create(getScenario('churn')!, { seed: 4 });
    const windowed = Simulation.create(getScenario('churn')!, { seed: 4, traceWindow: 50 });
    full.runUntil({ kind: 'quiet' }, { maxSteps: 3_000 });
    let trims = 0;
    for (let i = 0; i < 3_000; i++) {
      const start = windowed.traceStart;
      const got = windowed.step();
      if (windowed.traceStart !== start) trims++;
      expect(got).toEqual(full.trace.filter((e) => e.step === windowed.stepCount));
    }
    expect(trims).toBeGreaterThan(10);
    // Every data event is found by runUntil, trims or not.
    const counting = Simulation.create(getScenario('churn')!, { seed: 4, traceWindow: 50 });
    const wanted = full.trace.filter((e) => e.kind === 'app' && e.event === 'data').length;
    let found = 0;
    while (counting.runUntil({ kind: 'app', event: 'data' }, { maxSteps: 3_000 - counting.stepCount }).reached) found++;
    expect(found).toBe(wanted);
  });
});
