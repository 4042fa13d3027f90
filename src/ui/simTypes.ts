/**
 * The part of the Simulation (src/sim/engine/simulation.ts) the UI uses. Declared structurally so
 * the UI can be built and tested against small fakes, and so it is obvious which engine calls the
 * screens depend on.
 */
import type { Policies } from '../sim/policy.js';
import type { Perturbation, ScenarioSpec } from '../sim/scenario.js';
import type { TraceEvent } from '../sim/trace.js';
import type { SimSnapshot } from '../sim/view.js';

export interface SimLike {
  readonly spec: Pick<ScenarioSpec, 'name' | 'title'> & Partial<ScenarioSpec>;
  readonly now: number;
  readonly stepCount: number;
  readonly trace: readonly TraceEvent[];
  readonly policies: Policies;
  isQuiet(): boolean;
  nextEventTime(): number | null;
  step(): TraceEvent[];
  seek(step: number): void;
  stepBack(n?: number): void;
  perturb(p: Perturbation): void;
  snapshot(): SimSnapshot;
  /** The whole trace from the start, even beyond the trace window (for exports). */
  completeTrace(): readonly TraceEvent[];
}

/** Trace kinds a learner sees as "something happened" (a hop is only interesting inside a loop). */
export function isVisibleEvent(ev: TraceEvent): boolean {
  return ev.kind !== 'hop' || ev.looping;
}
