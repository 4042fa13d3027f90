/**
 * The trace window keeps memory flat on long runs; nothing is lost, because a run can be
 * replayed: seeking back regenerates events, and completeTrace() rebuilds the whole trace.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, getScenario } from '../../../src/sim/index.js';

describe('trace window', () => {
  it('keeps at most about twice the window, and completeTrace() gives back every event', () => {
    const full = Simulation.create(getScenario('churn')!, { seed: 3 });
    const windowed = Simulation.create(getScenario('churn')!, { seed: 3, traceWindow: 500 });
    for (const sim of [full, windowed]) {
      sim.runUntil({ kind: 'quiet' }, { maxSteps: 4_000 });
      // An interactive perturbation part-way: the replay must include it at the same step.
      const seg = sim.snapshot().inFlight[0];
      if (seg) sim.perturb({ kind: 'drop', match: { id: seg.seg.id } });
      sim.runUntil({ kind: 'quiet' }, { maxSteps: 4_000 });
    }
    expect(windowed.trace.length).toBeLessThanOrEqual(1_000);
    expect(windowed.traceStart).toBeGreaterThan(0);
    expect(windowed.traceStart + windowed.trace.length).toBe(full.trace.length);
    expect(JSON.stringify(windowed.trace)).toBe(JSON.stringify(full.trace.slice(windowed.traceStart)));
    expect(JSON.stringify(windowed.completeTrace())).toBe(JSON.stringify(full.trace));
  });

  it('seeking back past the window regenerates the events from there on', () => {
    const full = Simulation.create(getScenario('churn')!, { seed: 5 });
    const windowed = Simulation.create(getScenario('churn')!, { seed: 5, traceWindow: 300 });
    full.runUntil({ kind: 'quiet' }, { maxSteps: 5_000 });
    windowed.runUntil({ kind: 'quiet' }, { maxSteps: 5_000 });
    windowed.seek(1_234);
    const start = windowed.traceStart;
    expect(JSON.stringify(windowed.trace)).toBe(JSON.stringify(full.trace.slice(start, start + windowed.trace.length)));
    expect(windowed.trace.at(-1)!.step).toBeLessThanOrEqual(1_234);
    windowed.seek(5_000);
    expect(windowed.traceStart + windowed.trace.length).toBe(full.trace.length);
    expect(JSON.stringify(windowed.trace)).toBe(JSON.stringify(full.trace.slice(windowed.traceStart)));
  });
});
