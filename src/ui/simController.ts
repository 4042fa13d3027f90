/**
 * Drives one SimLike for the UI: play/pause, speed, idle skipping, step, exact step back,
 * perturb. It holds no timers: useSimulation owns the wall clock and calls `tick(ms)`, so this
 * class is deterministic and unit-testable. Listeners are told after every change; React reads
 * the state through selectors (see useSimulation.ts).
 */
import type { Perturbation } from '../sim/scenario.js';
import type { TraceEvent } from '../sim/trace.js';
import type { SimSnapshot } from '../sim/view.js';
import { isVisibleEvent, type SimLike } from './simTypes.js';

/** Simulated seconds per wall-clock second. 0.05x is slow motion: a 50 ms trip takes a second. */
export const SPEEDS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 100] as const;
export const DEFAULT_SPEED_INDEX = 2;
/** With idle skipping on, a wait with nothing in flight is compressed to this many wall seconds. */
export const IDLE_WALL_SECONDS = 1.5;
/** G stops after this many learner steps: a looping run must not freeze the screen. */
export const TO_END_MAX_STEPS = 5_000;
/** Engine events one tick may process at most, so a very fast run cannot freeze the screen. */
const MAX_EVENTS_PER_TICK = 20_000;

export interface SimState {
  sim: SimLike;
  snapshot: SimSnapshot;
  trace: readonly TraceEvent[];
  traceLength: number;
  /**
   * Bumped whenever the trace may have changed. Its length is not enough: step back and a new
   * perturbation can replace the tail with a different one of the same length.
   */
  traceVersion: number;
  /** Display clock in microseconds: >= sim.now, moves smoothly between events while playing. */
  clock: number;
  playing: boolean;
  speedIndex: number;
  skipIdle: boolean;
  /** Set when the run is over (nothing queued). */
  quiet: boolean;
  /** Bumped on every change; handy as a React key. */
  version: number;
}

export interface ControllerOptions {
  speedIndex?: number;
  skipIdle?: boolean;
  /** Checked after every engine event while playing; true pauses (a lesson step's goal). */
  shouldPause?: (sim: SimLike) => boolean;
  /**
   * A moment (microseconds) that playing and stepping must not run past: a lesson step that
   * plays "to 46 s" stops the clock there even when no event falls at 46 s. Asked with the
   * display clock; undefined means no such moment. Only a stop ahead of the clock counts, so
   * once reached, the learner plays on past it.
   */
  stopAt?: (clock: number) => number | undefined;
  /** The display clock to start from, when it is ahead of sim.now (a lesson step mid-wait). */
  clock?: number;
}

export class SimController {
  private state: SimState;
  private listeners = new Set<() => void>();
  /** stepCount before each forward user step, so step back returns to exactly that point. */
  private marks: number[] = [];
  private idleGap: { from: number; to: number } | null = null;
  shouldPause: ((sim: SimLike) => boolean) | undefined;
  stopAt: ((clock: number) => number | undefined) | undefined;

  constructor(sim: SimLike, opts: ControllerOptions = {}) {
    this.shouldPause = opts.shouldPause;
    this.stopAt = opts.stopAt;
    this.state = this.fresh(sim, opts.speedIndex ?? DEFAULT_SPEED_INDEX, opts.skipIdle ?? true, opts.clock);
  }

  private fresh(sim: SimLike, speedIndex: number, skipIdle: boolean, clock = 0): SimState {
    return {
      sim,
      snapshot: sim.snapshot(),
      trace: sim.trace,
      traceLength: sim.trace.length,
      traceVersion: 0,
      clock: Math.max(sim.now, clock),
      playing: false,
      speedIndex,
      skipIdle,
      quiet: sim.isQuiet(),
      version: 0,
    };
  }

  getState = (): SimState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private emit(patch: Partial<SimState>, resnap = false): void {
    const sim = this.state.sim;
    const next: SimState = { ...this.state, ...patch, version: this.state.version + 1 };
    if (resnap) {
      next.snapshot = sim.snapshot();
      next.trace = sim.trace;
      next.traceLength = sim.trace.length;
      next.traceVersion = this.state.traceVersion + 1;
      next.quiet = sim.isQuiet();
      if (next.clock < sim.now) next.clock = sim.now;
    }
    this.state = next;
    for (const fn of this.listeners) fn();
  }

  /**
   * Swap in another simulation (a lesson step rebuilt it). Keeps speed and idle preference.
   * `clock` is where the display clock starts if it is ahead of sim.now.
   */
  setSim(sim: SimLike, clock?: number): void {
    this.marks = [];
    this.idleGap = null;
    const s = this.fresh(sim, this.state.speedIndex, this.state.skipIdle, clock);
    this.state = { ...s, version: this.state.version + 1, traceVersion: this.state.traceVersion + 1 };
    for (const fn of this.listeners) fn();
  }

  play(): void {
    if (this.state.sim.isQuiet()) return this.emit({ playing: false }, true);
    this.emit({ playing: true });
  }
  pause(): void {
    if (this.state.playing) this.emit({ playing: false });
  }
  togglePlay(): void {
    if (this.state.playing) this.pause();
    else this.play();
  }
  faster(): void {
    this.emit({ speedIndex: Math.min(SPEEDS.length - 1, this.state.speedIndex + 1) });
  }
  slower(): void {
    this.emit({ speedIndex: Math.max(0, this.state.speedIndex - 1) });
  }
  toggleSkipIdle(): void {
    this.idleGap = null;
    this.emit({ skipIdle: !this.state.skipIdle });
  }
  get speed(): number {
    return SPEEDS[this.state.speedIndex] ?? 1;
  }

  /**
   * One learner step: engine events until something visible happens (or nothing is left). A
   * stop moment (stopAt) before the next event is a step of its own: the clock moves there.
   */
  step(): TraceEvent[] {
    const sim = this.state.sim;
    const out: TraceEvent[] = [];
    const stop = this.stopAhead();
    const next = sim.nextEventTime();
    if (stop !== undefined && (next === null || next > stop)) {
      this.idleGap = null;
      this.emit({ playing: false, clock: stop }, true);
      return out;
    }
    if (sim.isQuiet()) {
      this.emit({ playing: false }, true);
      return out;
    }
    this.marks.push(sim.stepCount);
    for (let i = 0; i < MAX_EVENTS_PER_TICK && !sim.isQuiet(); i++) {
      const t = sim.nextEventTime();
      if (stop !== undefined && t !== null && t > stop) break;
      const evs = sim.step();
      out.push(...evs);
      if (evs.some(isVisibleEvent)) break;
    }
    this.idleGap = null;
    this.emit({ playing: false, clock: Math.max(sim.now, this.state.clock) }, true);
    return out;
  }

  /** The stop moment ahead of the display clock, if any. */
  private stopAhead(): number | undefined {
    const stop = this.stopAt?.(this.state.clock);
    return stop !== undefined && stop > this.state.clock ? stop : undefined;
  }

  /** Jump straight to the next queued event, however far away in simulated time. */
  skipToNext(): void {
    this.step();
  }

  /** Exactly undo the last learner step (replay from a checkpoint inside the engine). */
  stepBack(): void {
    const sim = this.state.sim;
    let target = this.marks.pop();
    if (target === undefined) {
      // No forward step recorded (the sim arrived here by play or by a lesson replay): go back to
      // just before the engine step that produced the last visible event.
      const tr = sim.trace;
      let k = tr.length - 1;
      while (k >= 0 && !isVisibleEvent(tr[k]!)) k--;
      if (k < 0) return this.emit({ playing: false }, true);
      const producedAt = tr[k]!.step;
      // Trace events carry the stepCount at which they were produced (1-based after step()).
      target = Math.max(0, Math.min(sim.stepCount - 1, producedAt - 1));
    }
    sim.seek(target);
    this.idleGap = null;
    this.emit({ playing: false, clock: sim.now }, true);
  }

  /** Back to the very start of the run (g): an exact replay from the engine's first checkpoint. */
  toStart(): void {
    this.state.sim.seek(0);
    this.marks = [];
    this.idleGap = null;
    this.emit({ playing: false, clock: this.state.sim.now }, true);
  }

  /**
   * On to the end of the run (G): learner steps until nothing is left or a stop moment (a lesson
   * step's "play to T") holds the clock. Each is a step, so ← undoes them one at a time.
   */
  toEnd(maxSteps = TO_END_MAX_STEPS): void {
    for (let i = 0; i < maxSteps; i++) {
      const before = this.state.sim.stepCount;
      const clock = this.state.clock;
      const stop = this.stopAhead();
      this.step();
      if (stop !== undefined && this.state.clock >= stop) return;
      if (this.state.sim.stepCount === before && this.state.clock === clock) return;
    }
  }

  perturb(p: Perturbation): void {
    this.state.sim.perturb(p);
    this.emit({}, true);
  }

  /**
   * Re-read the simulation after someone else (the lesson player) advanced it. `clock` is where
   * that run stopped if it is ahead of sim.now (a time between events).
   */
  refresh(clock?: number): void {
    this.emit({ clock: Math.max(this.state.sim.now, clock ?? 0) }, true);
  }

  /**
   * Advance the display clock by `wallMs` of real time at the current speed, processing every
   * engine event that falls due. Returns false once playing has stopped.
   */
  tick(wallMs: number): boolean {
    const st = this.state;
    if (!st.playing) return false;
    const sim = st.sim;
    const next = sim.nextEventTime();
    const stopAt = this.stopAhead();
    if (next === null && stopAt === undefined) {
      this.emit({ playing: false }, true);
      return false;
    }
    let advance = (wallMs / 1000) * this.speed * 1e6;
    const idle = st.skipIdle && st.snapshot.inFlight.length === 0;
    // The wait ends when a live timer fires (queued events that turn out to be cancelled timers
    // must not split one wait into many), or at the next queued event if no timer runs.
    // A stop moment inside the wait ends it too (and is all there is when nothing is queued).
    const gapEnd = Math.min(idle ? nextTimerExpiry(st) ?? next ?? Infinity : next ?? Infinity, stopAt ?? Infinity);
    if (idle && (gapEnd - st.clock) / (this.speed * 1e6) > IDLE_WALL_SECONDS) {
      if (!this.idleGap || this.idleGap.to !== gapEnd) this.idleGap = { from: st.clock, to: gapEnd };
      const gap = this.idleGap.to - this.idleGap.from;
      advance = Math.max(advance, (gap * wallMs) / (IDLE_WALL_SECONDS * 1000));
    } else {
      this.idleGap = null;
    }
    const atStop = stopAt !== undefined && st.clock + advance >= stopAt;
    const target = atStop ? stopAt : st.clock + advance;
    let changed = false;
    let stop = false;
    for (let i = 0; i < MAX_EVENTS_PER_TICK; i++) {
      const t = sim.nextEventTime();
      if (t === null || t > target) break;
      sim.step();
      changed = true;
      if (this.shouldPause?.(sim)) {
        stop = true;
        break;
      }
    }
    if (changed) this.marks = [];
    // Arrived at the stop moment only once every event due by then has been processed.
    const arrived = atStop && !stop && (sim.nextEventTime() ?? Infinity) > stopAt;
    // Quiet ends playing, unless a stop moment is still ahead: time passes with nothing queued.
    const quiet = sim.isQuiet() && stopAt === undefined;
    const clock = stop ? sim.now : arrived ? stopAt : quiet ? Math.max(sim.now, st.clock) : Math.max(sim.now, Math.min(target, sim.nextEventTime() ?? Infinity));
    const ended = stop || quiet || arrived;
    this.emit({ clock, playing: !ended }, changed || quiet || arrived);
    return !ended;
  }
}

function nextTimerExpiry(st: SimState): number | undefined {
  let best: number | undefined;
  for (const h of Object.values(st.snapshot.hosts)) {
    for (const c of h.connections) {
      for (const t of c.timers) if (t.expires > st.clock && (best === undefined || t.expires < best)) best = t.expires;
    }
  }
  return best;
}
