/**
 * Every built-in scenario at every step, every lesson at every step, and random perturbations:
 * at 80x24, 120x40 and 200x50 the ladder stays readable (see check.ts).
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { loadCourse } from '../../src/lessons/course.js';
import { timelineAt } from '../../src/lessons/playback.js';
import { BUILTIN_SCENARIOS, getScenario, SCENARIO_NAMES, Simulation } from '../../src/sim/index.js';
import { buildRows } from '../../src/diagram/rows.js';
import type { Perturbation } from '../../src/sim/scenario.js';
import { expectReadable, SIZES } from './check.js';

/** Lay the run out as the TUI would after each step (the ladder's share of the screen is about 2/3). */
function checkRun(sim: Simulation, where: string, maxSteps = 400, every = 1): void {
  let n = 0;
  while (!sim.isQuiet() && n < maxSteps) {
    sim.step();
    n++;
    if (n % every !== 0) continue;
    const data = buildRows(sim.trace);
    const inFlight = sim.snapshot().inFlight;
    for (const [w, h] of SIZES) {
      expectReadable({ trace: sim.trace, data, inFlight, clock: sim.now, width: w, height: Math.floor((h * 2) / 3) }, `${where} step ${n} at ${w}x${h}`);
    }
  }
  // And the whole run at once, as the export draws it.
  for (const [w] of SIZES) expectReadable({ trace: sim.trace, inFlight: sim.snapshot().inFlight, clock: sim.now, width: w }, `${where} whole at ${w}`);
}

describe('the ladder stays readable', () => {
  it.each(SCENARIO_NAMES.map((n) => [n]))('scenario %s, at every step', (name) => {
    checkRun(Simulation.create(getScenario(name)!, { seed: 1 }), name);
  });

  it('scenario churn (many connections), every 5th step of its first 3000', () => {
    checkRun(Simulation.create(BUILTIN_SCENARIOS['churn']!, { seed: 1 }), 'churn', 3000, 5);
  });

  it('every lesson, at every step', async () => {
    const course = await loadCourse(join(__dirname, '../../lessons'));
    for (const lesson of course.lessons) {
      for (let i = 0; i < lesson.steps.length; i++) {
        const tl = timelineAt(lesson, i + 1);
        if (!tl) continue;
        const { sim } = tl;
        const data = buildRows(sim.trace);
        for (const [w, h] of SIZES) {
          for (const scroll of [0, 5, 40]) {
            expectReadable(
              { trace: sim.trace, data, inFlight: sim.snapshot().inFlight, clock: sim.now, width: w, height: Math.floor((h * 2) / 3), scroll },
              `lesson ${lesson.number} step ${i + 1} at ${w}x${h} scroll ${scroll}`,
            );
          }
        }
      }
    }
  });

  it('under random perturbations', () => {
    const from = fc.constantFrom('client' as const, 'server' as const);
    const match = fc.record({ from, nth: fc.integer({ min: 1, max: 4 }) });
    const perturbation: fc.Arbitrary<Perturbation> = fc.oneof(
      fc.record({ kind: fc.constant('drop' as const), match }),
      fc.record({ kind: fc.constant('duplicate' as const), match }),
      fc.record({ kind: fc.constant('delay' as const), match, by: fc.double({ min: 0.01, max: 0.5, noNaN: true }) }),
      fc.record({ kind: fc.constant('loop' as const), match, laps: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('reorder' as const), match }),
    ) as fc.Arbitrary<Perturbation>;
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIO_NAMES), fc.array(perturbation, { maxLength: 3 }), fc.integer({ min: 1, max: 50 }), (name, perturbations, seed) => {
        let sim: Simulation;
        try {
          sim = Simulation.create(getScenario(name)!, { seed, perturbations });
        } catch {
          return; // a combination the scenario refuses is not a ladder problem
        }
        checkRun(sim, `${name} seed ${seed} ${JSON.stringify(perturbations)}`, 300, 7);
      }),
      { numRuns: 25 },
    );
  });
});
