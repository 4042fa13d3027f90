/**
 * A lesson's `compare` step: what its two runs are. Run A is the lesson's simulation as the
 * step begins (scenario, seed, the setup's policies, every perturbation so far, pinned by step)
 * with the step's `policies` changed; run B is run A with `variant` changed. A step naming its
 * own `scenario` starts both runs from that instead. The linter, the player and the lesson
 * screen all read the step through here, so what the lint checked is what the learner sees.
 */
import { compareRuns, type Comparison } from '../compare/compareRuns.js';
import { getScenario, type Perturbation, type Policies, type ScenarioSpec } from '../sim/index.js';
import type { Lesson } from './loader.js';
import { setupIndexFor, setupPolicies, timelineAt, type PlayOptions } from './playback.js';
import type { CompareStep, SetupStep } from './schema.js';

export interface CompareInputs {
  spec: ScenarioSpec;
  seed: number;
  base: Partial<Policies>;
  variant: Partial<Policies>;
  perturbations: Perturbation[];
}

/** The two runs of compare step `i`, or undefined when it has no simulation to start from. */
export function compareInputs(lesson: Pick<Lesson, 'steps'>, i: number, opts: PlayOptions = {}): CompareInputs | undefined {
  const step = lesson.steps[i];
  if (step?.kind !== 'compare') return undefined;
  if (step.scenario !== undefined) {
    const spec = getScenario(step.scenario);
    if (!spec) throw new Error(`unknown scenario "${step.scenario}"`);
    return { spec, seed: step.seed ?? opts.seed ?? 1, base: setupPolicies(step), variant: step.variant, perturbations: [...(step.perturbations ?? [])] };
  }
  const timeline = timelineAt(lesson, i, opts);
  if (!timeline) return undefined;
  const setup = lesson.steps[setupIndexFor(lesson, i)] as SetupStep;
  const { sim } = timeline;
  // The scenario's own perturbations come with its spec; the rest (the setup's, and those of
  // perturb steps, pinned to the step they were applied after) are handed to both runs.
  const own = sim.spec.perturbations?.length ?? 0;
  return {
    spec: sim.spec,
    seed: step.seed ?? sim.seed,
    base: { ...setupPolicies(setup), ...(step.policies ?? {}) },
    variant: step.variant,
    perturbations: [...sim.perturbations.slice(own), ...(step.perturbations ?? [])],
  };
}

/** Both runs of compare step `i`, finished, and where they part. */
export function playCompare(lesson: Pick<Lesson, 'steps'>, i: number, opts: PlayOptions = {}): Comparison | undefined {
  const c = compareInputs(lesson, i, opts);
  return c && compareRuns(c.spec, { seed: c.seed, perturbations: c.perturbations, base: c.base, variant: c.variant });
}

export type { CompareStep };
