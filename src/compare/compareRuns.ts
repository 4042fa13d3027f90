/**
 * Compare mode's core: one scenario run twice, under the base policies and under the base with
 * some overrides, and where the two runs part. Pure: two Simulations and their traces.
 */
import { Simulation, resolvePolicies, type Perturbation, type Policies, type ScenarioSpec, type TraceEvent } from '../sim/index.js';
import { findDivergence, type Divergence } from './divergence.js';
import { sideLabels } from './labels.js';

export interface CompareOptions {
  seed?: number;
  /** Perturbations beyond the scenario's own (a learner's, pinned by step), given to both runs. */
  perturbations?: readonly Perturbation[];
  /** The run's own policy settings (over the scenario's). */
  base?: Partial<Policies>;
  /** What the second run changes, on top of `base`. */
  variant: Partial<Policies>;
  /** Stop each run at this simulated time (default: the scenario's, else 600 s). */
  untilSeconds?: number;
  maxEvents?: number;
}

export interface CompareSide {
  label: string;
  /** Every policy in force at the start. */
  policies: Policies;
  /** The whole run (a copy: seeking `sim` later does not change it). */
  trace: readonly TraceEvent[];
  /** The run itself, finished; a view may seek it to show a moment. */
  sim: Simulation;
}

export interface Comparison {
  a: CompareSide;
  b: CompareSide;
  /** Null when the runs do the same thing throughout. */
  divergence: Divergence | null;
}

/** A quiet state can never come back to life, so both runs stop there or at the time limit. */
function run(spec: ScenarioSpec, policies: Partial<Policies>, o: CompareOptions): Simulation {
  const sim = Simulation.create(spec, {
    seed: o.seed ?? 1,
    policies,
    perturbations: [...(o.perturbations ?? [])],
    ...(o.maxEvents !== undefined && { maxEvents: o.maxEvents }),
  });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: o.untilSeconds ?? spec.until ?? 600 });
  return sim;
}

/**
 * Run B's perturbations: the variant holds for the whole run, so a policy change in the inputs
 * (a learner switching TIME_WAIT off halfway) no longer touches the policies the variant sets.
 */
export function variantPerturbations(perturbations: readonly Perturbation[], variant: Partial<Policies>): Perturbation[] {
  const out: Perturbation[] = [];
  for (const p of perturbations) {
    if (p.kind !== 'policy') {
      out.push(p);
      continue;
    }
    const set = Object.fromEntries(Object.entries(p.set).filter(([k]) => !(k in variant))) as Partial<Policies>;
    if (Object.keys(set).length > 0) out.push({ ...p, set });
  }
  return out;
}

export function compareRuns(spec: ScenarioSpec, o: CompareOptions): Comparison {
  const baseSet = { ...o.base };
  const variantSet = { ...o.base, ...o.variant };
  const simA = run(spec, baseSet, o);
  const simB = run(spec, variantSet, { ...o, perturbations: variantPerturbations(o.perturbations ?? [], o.variant) });
  const policiesA = resolvePolicies(spec.policies, baseSet);
  const policiesB = resolvePolicies(spec.policies, variantSet);
  // Named by the policies each run ended with: a learner's switch during run A shows in its name.
  const labels = sideLabels(simA.policies, simB.policies, o.variant);
  const traceA = simA.trace.slice();
  const traceB = simB.trace.slice();
  return {
    a: { label: labels.a, policies: policiesA, trace: traceA, sim: simA },
    b: { label: labels.b, policies: policiesB, trace: traceB, sim: simB },
    divergence: findDivergence(traceA, traceB, labels),
  };
}
