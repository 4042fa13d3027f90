/**
 * Playing a lesson's steps on the simulation, headless. Both the linter (which plays every
 * lesson to check its claims) and the player (which the TUI drives) go through these functions,
 * so "what the lint checked" and "what the learner sees" cannot drift apart.
 *
 * The simulation for step i is rebuilt deterministically: create the scenario of the last
 * `setup` at or before i, then replay the steps between that setup and i (a `perturb` is
 * applied at that moment, a `run`/`predict` is played to its condition). Challenges play in
 * their own copy and leave later steps untouched.
 */
import { countMatches, describeCondition, type Condition } from '../sim/condition.js';
import { getScenario, Simulation } from '../sim/index.js';
import { POLICY_PRESETS, type Policies } from '../sim/policy.js';
import type { Perturbation } from '../sim/scenario.js';
import type { TraceEvent } from '../sim/trace.js';
import type { Lesson } from './loader.js';
import type { ChallengeStep, PredictStep, SetupStep } from './schema.js';
import { asMenuAction, menuPerturbation, type SolutionAction, type UiProblem } from './uiActions.js';

/** Safety net so a runaway scenario (a loop that never heals) cannot hang the lint. */
export const MAX_STEPS_PER_RUN = 500_000;
/** How far a question's `verify` plays on when the question gives no `within`. */
export const DEFAULT_VERIFY_WITHIN = 600;

export interface PlayOptions {
  /** Seed for setups that do not pin one (default 1). */
  seed?: number;
}

/** Index of the last setup step at or before `i`, or -1. */
export function setupIndexFor(lesson: Pick<Lesson, 'steps'>, i: number): number {
  for (let j = Math.min(i, lesson.steps.length - 1); j >= 0; j--) if (lesson.steps[j]!.kind === 'setup') return j;
  return -1;
}

/** The policies a setup (or a compare step naming its own scenario) asks for: preset, then msl, then policies. */
export function setupPolicies(setup: Pick<SetupStep, 'preset' | 'msl' | 'policies'>): Partial<Policies> {
  return {
    ...(setup.preset ? POLICY_PRESETS[setup.preset] : {}),
    ...(setup.msl !== undefined ? { mslSeconds: setup.msl } : {}),
    ...(setup.policies ?? {}),
  };
}

export function createFromSetup(setup: SetupStep, opts: PlayOptions = {}): Simulation {
  const spec = getScenario(setup.scenario);
  if (!spec) throw new Error(`unknown scenario "${setup.scenario}"`);
  const policies = setupPolicies(setup);
  return Simulation.create(spec, {
    seed: setup.seed ?? opts.seed ?? 1,
    policies,
    perturbations: setup.perturbations ?? [],
  });
}

/**
 * The simulation as it stands when step `i` begins, or undefined if no setup precedes it.
 * Replays every step between the governing setup and `i`.
 */
export function simulationAt(lesson: Pick<Lesson, 'steps'>, i: number, opts: PlayOptions = {}): Simulation | undefined {
  return timelineAt(lesson, i, opts)?.sim;
}

export interface Timeline {
  sim: Simulation;
  /**
   * Simulated seconds the lesson has reached when the step begins. It can be later than
   * sim.now: a run to "time 46 s" stops there even though the last event was at 1.8 s (the
   * engine's clock only moves with events), and the next step starts from 46 s, not 1.8 s.
   */
  seconds: number;
}

/** The simulation and the lesson's clock when step `i` begins (see simulationAt). */
export function timelineAt(lesson: Pick<Lesson, 'steps'>, i: number, opts: PlayOptions = {}): Timeline | undefined {
  const s = setupIndexFor(lesson, i);
  if (s < 0) return undefined;
  const sim = createFromSetup(lesson.steps[s] as SetupStep, opts);
  let seconds = 0;
  for (let j = s + 1; j < i; j++) {
    const step = lesson.steps[j]!;
    if (step.kind === 'perturb') sim.perturb(step.perturbation);
    else if (step.kind === 'run' || step.kind === 'predict') seconds = Math.max(seconds, runFor(sim, step.until, step.within, seconds).endSeconds);
  }
  return { sim, seconds: Math.max(seconds, sim.now / 1e6) };
}

export interface RunOutcome {
  reached: boolean;
  /** Trace index where this run began: the reveal is trace.slice(from). */
  from: number;
  /** Simulated seconds at the start and end of the run. */
  startSeconds: number;
  endSeconds: number;
  event?: TraceEvent;
}

/**
 * Play until `cond` or `within` simulated seconds from the start, whichever comes first.
 * `clockSeconds` is where the lesson's clock stands if it is ahead of sim.now (a previous run
 * stopped at a time between events); `within` counts from there.
 */
export function runFor(sim: Simulation, cond: Condition, within: number, clockSeconds = 0): RunOutcome {
  const from = sim.trace.length;
  const startSeconds = Math.max(sim.now / 1e6, clockSeconds);
  const untilSeconds = startSeconds + within;
  const r = sim.runUntil(cond, { untilSeconds, maxSteps: MAX_STEPS_PER_RUN });
  const reached = r.reached;
  const out: RunOutcome = { reached, from, startSeconds, endSeconds: stopSeconds(cond, reached, sim, untilSeconds) };
  if (r.event) out.event = r.event;
  return out;
}

/**
 * Where a run stops on the lesson's clock. A time target is a moment, not an event: the run
 * stops exactly there even when the last event came earlier. A run that misses its condition
 * stops at its limit, never past it (the engine processed only events up to the limit).
 */
export function stopSeconds(cond: Condition, reached: boolean, sim: Simulation, untilSeconds: number): number {
  const now = sim.now / 1e6;
  if (cond.kind === 'time' && reached) return Math.max(cond.seconds, now);
  // A missed condition: the run gave up at its limit, or earlier if nothing was left to happen.
  if (!reached && !sim.isQuiet()) return Math.max(now, untilSeconds);
  return now;
}

/** Has `cond` been observed in the trace from index `from` (time/quiet: does it hold now)? */
export function observed(sim: Simulation, cond: Condition, from: number): boolean {
  // The engine's clock stops at the last event it processed, so a time target counts as seen
  // only once an event reaches it; runFor() settles targets that fall in an idle gap.
  if (cond.kind === 'time') return sim.now >= cond.seconds * 1e6;
  if (cond.kind === 'quiet') return sim.isQuiet();
  const need = 'nth' in cond && cond.nth ? cond.nth : 1;
  return countMatches(sim.trace, cond, from) >= need;
}

export interface OptionVerdict {
  index: number;
  correct: boolean;
  /** Only for options with an `outcome`. */
  seen?: boolean;
  /** True when what the simulation showed agrees with how the option is marked. */
  consistent: boolean;
}

export interface PredictReveal extends RunOutcome {
  verdicts: OptionVerdict[];
}

/** Play a predict step's reveal and judge every option's outcome against it. */
export function revealPredict(sim: Simulation, step: PredictStep, clockSeconds = 0): PredictReveal {
  const run = runFor(sim, step.until, step.within, clockSeconds);
  const verdicts = step.options.map((o, index): OptionVerdict => {
    const correct = o.correct === true;
    if (!o.outcome) return { index, correct, consistent: true };
    const seen = observed(sim, o.outcome, run.from);
    return { index, correct, seen, consistent: seen === correct };
  });
  return { ...run, verdicts };
}

/** Is a question's `verify` borne out: does the setup, played on from here, show it? */
export function verifyQuestion(sim: Simulation, verify: Condition, within = DEFAULT_VERIFY_WITHIN): boolean {
  if (observed(sim, verify, 0)) return true;
  runFor(sim, verify, within);
  return observed(sim, verify, 0);
}

export interface ChallengeResult extends RunOutcome {
  /** How many times the goal was seen since the challenge began. */
  count: number;
  needed: number;
}

/** The goal as a run-until condition: `count` becomes the condition's nth. */
export function goalCondition(step: ChallengeStep): Condition {
  const g = step.goal;
  if (step.count && step.count > 1 && g.kind !== 'time' && g.kind !== 'quiet') return { ...g, nth: step.count };
  return g;
}

/**
 * Apply the learner's actions and play until the goal or the time limit. An action without
 * `at` is applied at once; one with `at` (absolute simulated seconds) when the clock gets there,
 * which is how a worked solution says "lose this segment at 3 s".
 */
export function playChallenge(sim: Simulation, step: ChallengeStep, actions: readonly Perturbation[]): ChallengeResult {
  const from = sim.trace.length;
  const startSeconds = sim.now / 1e6;
  const deadline = startSeconds + step.within;
  const ordered = [...actions].sort((a, b) => (a.at ?? -1) - (b.at ?? -1));
  for (const a of ordered) {
    if (a.at !== undefined && a.at * 1e6 > sim.now) {
      if (a.at > deadline || goalSeen(sim, step, from) >= (step.count ?? 1)) break;
      sim.runUntil({ kind: 'time', seconds: a.at }, { maxSteps: MAX_STEPS_PER_RUN });
    }
    sim.perturb(a);
  }
  return playOn(sim, step, from, startSeconds);
}

/** How many times the challenge's goal has been seen since trace index `from`. */
function goalSeen(sim: Simulation, step: ChallengeStep, from: number): number {
  const goal = goalCondition(step);
  return goal.kind === 'time' || goal.kind === 'quiet' ? (observed(sim, goal, from) ? 1 : 0) : countMatches(sim.trace, goal, from);
}

/** Play on to the goal or the challenge's limit (counted from `startSeconds`). */
function playOn(sim: Simulation, step: ChallengeStep, from: number, startSeconds: number): ChallengeResult {
  const goal = goalCondition(step);
  const needed = step.count ?? 1;
  const deadline = startSeconds + step.within;
  let event: TraceEvent | undefined;
  const before = goalSeen(sim, step, from);
  if (before < needed) {
    const rest: Condition = goal.kind === 'time' || goal.kind === 'quiet' ? goal : { ...goal, nth: needed - before };
    const r = runFor(sim, rest, Math.max(0, deadline - sim.now / 1e6));
    event = r.event;
  }
  const count = goalSeen(sim, step, from);
  const out: ChallengeResult = { reached: count >= needed, from, startSeconds, endSeconds: sim.now / 1e6, count, needed };
  if (event) out.event = event;
  return out;
}

export interface SolutionResult extends ChallengeResult {
  /** The Perturbations the menu would have applied, in order. */
  applied: Perturbation[];
  /** The first action the keys cannot perform, if any (then the solution stops there). */
  problem?: UiProblem & { index: number };
}

/**
 * Play a worked solution as a learner would: for each action, step until its `at` has happened
 * (one engine event at a time: every event a condition can see is one a learner's step stops
 * at), then apply what the perturb menu applies for it; then play on to the goal.
 */
export function playSolution(sim: Simulation, step: ChallengeStep, solution: readonly SolutionAction[]): SolutionResult {
  const from = sim.trace.length;
  const startSeconds = sim.now / 1e6;
  const deadline = startSeconds + step.within;
  const applied: Perturbation[] = [];
  const stop = (index: number, problem: UiProblem): SolutionResult => ({
    reached: false, from, startSeconds, endSeconds: sim.now / 1e6, count: goalSeen(sim, step, from), needed: step.count ?? 1, applied, problem: { index, ...problem },
  });
  for (const [index, a] of solution.entries()) {
    const m = asMenuAction(a);
    if ('problem' in m) return stop(index, m.problem);
    if (a.at) {
      let steps = 0;
      while (!observed(sim, a.at, from)) {
        if (sim.isQuiet() || sim.now / 1e6 > deadline || ++steps > MAX_STEPS_PER_RUN) {
          return stop(index, { path: ['at'], found: `a point never reached: "${describeCondition(a.at)}" does not happen within ${step.within} s`, expected: 'a point the run reaches before the challenge\'s limit' });
        }
        sim.step();
      }
    }
    const act = m.action;
    if (act.kind === 'switch' && sim.policies[act.name] === act.to) {
      return stop(index, { path: ['set', act.name], found: `${act.name} set to ${String(act.to)}, which it already is here`, expected: 'a change: the menu only offers the other value' });
    }
    const p = menuPerturbation(act);
    sim.perturb(p);
    applied.push(p);
  }
  return { ...playOn(sim, step, from, startSeconds), applied };
}
