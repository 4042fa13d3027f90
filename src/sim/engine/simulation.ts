/**
 * The simulation: a discrete-event run of one scenario. `step()` processes exactly one queued
 * event. Stepping back restores the nearest checkpoint and replays, so it is exact.
 *
 * Same scenario + seed + perturbations => the same trace, event for event: all randomness comes
 * from the seeded generator in the state, time only from the queue, and ties are broken by the
 * order events were scheduled.
 */
import { heapPeek, heapPop } from './heap.js';
import { CheckpointStore } from './checkpoints.js';
import { restoredCopy, TcbCopies } from './stateCopy.js';
import { IncarnationLedger } from './incarnationLedger.js';
import { emit, scheduleAt, type Core } from './core.js';
import { HostContext } from './hostStack.js';
import { dispatch, perturbActions, type Hosts } from './dispatch.js';
import { applyNow, hasSelector, type PerturbActions } from './perturb.js';
import { fireTriggers, scheduleTimedActions } from './script.js';
import { initialState } from './initialState.js';
import { buildSnapshot } from './snapshot.js';
import { eventMatches, type Condition } from '../condition.js';
import { DEFAULT_NETWORK, type NetworkSpec, type Perturbation, type ScenarioSpec } from '../scenario.js';
import type { Policies } from '../policy.js';
import { seconds, type Micros } from '../time.js';
import type { TraceEvent } from '../trace.js';
import type { SimSnapshot } from '../view.js';
import { LIMITS } from '../limits.js';
import { RunBudget, type BudgetStop } from './budget.js';

export interface SimulationOptions {
  seed?: number;
  policies?: Partial<Policies>;
  perturbations?: Perturbation[];
  checkpointEvery?: number;
  /**
   * Keep only about this many of the most recent trace events in memory (default: all). A long
   * sandbox run sets it so memory stays flat; seeking regenerates what it needs by replay.
   */
  traceWindow?: number;
  /**
   * Stop runs once this many events have been processed in all (default: LIMITS.events when the
   * whole trace is kept, since memory grows with it; unlimited with a trace window, whose memory
   * is flat and whose clock the user drives). The stop is recorded in the trace.
   */
  maxEvents?: number;
}

export type { BudgetStop };

export interface RunResult {
  reached: boolean;
  event?: TraceEvent;
  stoppedBy: 'condition' | 'quiet' | 'limit' | BudgetStop;
  steps: number;
}

export class Simulation {
  readonly spec: ScenarioSpec;
  readonly seed: number;
  private readonly options: SimulationOptions;
  private readonly core: Core;
  private readonly hosts: Hosts;
  private readonly actions: PerturbActions;
  private readonly checkpointEvery: number;
  private readonly checkpoints: CheckpointStore;
  private readonly traceWindow: number;
  /** Events dropped from the front of the trace by the window. */
  private traceOffset = 0;
  private readonly budget: RunBudget;

  static create(spec: ScenarioSpec, options: SimulationOptions = {}): Simulation {
    return new Simulation(spec, options);
  }

  private constructor(spec: ScenarioSpec, options: SimulationOptions) {
    this.spec = spec;
    this.options = options;
    this.seed = options.seed ?? 1;
    this.checkpointEvery = Math.max(1, options.checkpointEvery ?? 1000);
    const tcbs = new TcbCopies();
    this.checkpoints = new CheckpointStore(this.checkpointEvery, tcbs);
    this.traceWindow = options.traceWindow ?? Infinity;
    this.budget = new RunBudget(options.maxEvents ?? (options.traceWindow === undefined ? LIMITS.events : Infinity));
    const network: NetworkSpec = { ...DEFAULT_NETWORK, ...spec.network };
    this.core = {
      state: initialState(spec, network, this.seed, options.policies),
      trace: [],
      spec,
      network,
      perturbations: [...(spec.perturbations ?? []), ...(options.perturbations ?? [])],
      tcbs,
      incarnations: new IncarnationLedger(),
      onEvent: (ev) => fireTriggers(this.core, ev),
    };
    this.hosts = { client: new HostContext(this.core, 'client'), server: new HostContext(this.core, 'server') };
    this.actions = perturbActions(this.core, this.hosts);
    scheduleTimedActions(this.core);
    this.afterStepCount = this.core.perturbations.filter((p) => p.afterStep !== undefined).length;
    this.core.perturbations.forEach((p, i) => {
      if (p.afterStep !== undefined) return; // applied by step() when its step comes
      if (p.at !== undefined) scheduleAt(this.core, seconds(p.at), { type: 'perturb', index: i });
      else if (hasSelector(p)) this.core.state.armed.push({ index: i, matches: 0, spent: false });
      else applyNow(this.core, i, this.actions);
    });
    this.applyDueAfterStep();
    this.takeCheckpoint();
  }

  get now(): Micros {
    return this.core.state.now;
  }
  get stepCount(): number {
    return this.core.state.step;
  }
  /** The recorded events still in memory (all of them unless a trace window is set). */
  get trace(): readonly TraceEvent[] {
    return this.core.trace;
  }
  /** How many events were recorded before trace[0] (dropped by the trace window). */
  get traceStart(): number {
    return this.traceOffset;
  }
  /** How many checkpoints are held (they thin out with distance). */
  get checkpointCount(): number {
    return this.checkpoints.size;
  }
  get policies(): Policies {
    return this.core.state.policies;
  }
  get perturbations(): readonly Perturbation[] {
    return this.core.perturbations;
  }
  get network(): NetworkSpec {
    return this.core.network;
  }
  /** Why the engine stopped the run by itself, or null while it has not. */
  get stoppedByBudget(): BudgetStop | null {
    return this.budget.stopped;
  }
  /** The event budget in force (Infinity when there is none). */
  get eventBudget(): number {
    return this.budget.maxEvents;
  }

  isQuiet(): boolean {
    return this.core.state.queue.length === 0;
  }

  nextEventTime(): Micros | null {
    return heapPeek(this.core.state.queue)?.time ?? null;
  }

  /** Process exactly one queued event; returns the trace events it produced. */
  step(): TraceEvent[] {
    const before = this.traceOffset + this.core.trace.length;
    this.advance();
    return this.core.trace.slice(before - this.traceOffset);
  }

  /** One event, without copying its trace events out (the hot path of runUntil and seek). */
  private advance(): boolean {
    const s = this.core.state;
    const entry = heapPop(s.queue);
    if (!entry) return false;
    this.budget.tick(entry.time);
    s.now = entry.time;
    s.step += 1;
    dispatch(this.core, this.hosts, this.actions, entry.item);
    if (this.afterStepCount > 0) this.applyDueAfterStep();
    if (s.step % this.checkpointEvery === 0) this.takeCheckpoint();
    if (this.core.trace.length > 2 * this.traceWindow) this.trimTrace();
    return true;
  }

  /** Run until the condition holds (its nth match counted from now), nothing is left, or a limit. */
  runUntil(cond: Condition, limit: { maxSteps?: number; untilSeconds?: number } = {}): RunResult {
    const maxSteps = limit.maxSteps ?? 5_000_000;
    const until = limit.untilSeconds === undefined ? Infinity : seconds(limit.untilSeconds);
    const target = cond.kind === 'time' ? seconds(cond.seconds) : Infinity;
    const wanted = 'nth' in cond && cond.nth !== undefined ? cond.nth : 1;
    // A time or quiet condition is about the queue; no event can match it.
    const byEvent = cond.kind !== 'time' && cond.kind !== 'quiet';
    let seen = 0;
    let steps = 0;
    for (;;) {
      const next = this.nextEventTime();
      // Quiet: nothing more will happen. A time still comes, and quiet is what was asked for.
      if (next === null) return { reached: cond.kind === 'quiet' || (cond.kind === 'time' && target <= until), stoppedBy: 'quiet', steps };
      if (next > target) return { reached: true, stoppedBy: 'condition', steps };
      if (next > until || steps >= maxSteps) return { reached: false, stoppedBy: 'limit', steps };
      const trip = this.budget.check(this.core.state.step);
      if (trip) emit(this.core, { at: this.core.state.now, step: this.core.state.step, kind: 'perturb', host: 'client', perturbation: 'budget', detail: trip.detail });
      if (this.budget.stopped) return { reached: false, stoppedBy: this.budget.stopped, steps };
      const trace = this.core.trace;
      // Counted from the start of the run: the step may trim the front of the window.
      const from = this.traceOffset + trace.length;
      this.advance();
      steps++;
      for (let i = from - this.traceOffset; byEvent && i < trace.length; i++) {
        if (eventMatches(cond, trace[i]!) && ++seen >= wanted) return { reached: true, event: trace[i], stoppedBy: 'condition', steps };
      }
    }
  }

  /** Process every event due at or before `secondsAt`. */
  runToTime(secondsAt: number): void {
    this.runUntil({ kind: 'time', seconds: secondsAt });
  }

  /** Go to exactly `step` (back or forward): restore the nearest checkpoint, then replay. */
  seek(step: number): void {
    const target = Math.max(0, Math.floor(step));
    // Forward is plain replay from here: a later checkpoint cannot be used, because stepping
    // back truncated the trace it would need.
    if (target < this.core.state.step) {
      this.budget.reset();
      const cp = this.checkpoints.atOrBefore(target);
      this.core.state = restoredCopy(cp.state, this.core.tcbs);
      this.core.incarnations.restore(cp.incarnations);
      if (cp.traceLength >= this.traceOffset) {
        this.core.trace.length = cp.traceLength - this.traceOffset;
      } else {
        // The window no longer holds events that far back: the kept trace restarts here.
        this.core.trace.length = 0;
        this.traceOffset = cp.traceLength;
      }
    }
    while (this.core.state.step < target && this.advance());
  }

  stepBack(n = 1): void {
    this.seek(this.core.state.step - n);
  }

  /** Apply a perturbation from this point on; it is recorded so replays reproduce it. */
  perturb(p: Perturbation): TraceEvent[] {
    const step = this.core.state.step;
    const { at: _at, ...rest } = p as Perturbation & { at?: number };
    const recorded = { ...rest, afterStep: step } as Perturbation;
    this.core.perturbations.push(recorded);
    this.afterStepCount += 1;
    // Checkpoints past this point were taken without it.
    this.checkpoints.dropAfter(step);
    const before = this.core.trace.length;
    applyNow(this.core, this.core.perturbations.length - 1, this.actions);
    return this.core.trace.slice(before);
  }

  snapshot(): SimSnapshot {
    return buildSnapshot(this.core);
  }

  /**
   * Every event from the start to now, even those the trace window has dropped: runs are
   * deterministic, so a fresh run of the same inputs (with the perturbations added since,
   * which are recorded by step) replays them exactly. For exports of a long run.
   */
  completeTrace(): readonly TraceEvent[] {
    if (this.traceOffset === 0) return this.core.trace;
    const given = this.options.perturbations?.length ?? 0;
    const own = this.spec.perturbations?.length ?? 0;
    const { traceWindow: _window, ...rest } = this.options;
    const replay = new Simulation(this.spec, { ...rest, perturbations: [...(this.options.perturbations ?? []), ...this.core.perturbations.slice(own + given)] });
    replay.seek(this.core.state.step);
    return replay.trace;
  }

  private takeCheckpoint(): void {
    this.checkpoints.take(this.core.state, this.traceOffset + this.core.trace.length, this.core.incarnations);
  }

  private trimTrace(): void {
    const drop = this.core.trace.length - this.traceWindow;
    this.core.trace.splice(0, drop);
    this.traceOffset += drop;
  }

  /** How many perturbations wait for a step number (so the hot path can skip looking). */
  private afterStepCount = 0;

  private applyDueAfterStep(): void {
    const step = this.core.state.step;
    this.core.perturbations.forEach((p, i) => {
      if (p.afterStep === step) applyNow(this.core, i, this.actions);
    });
  }
}
