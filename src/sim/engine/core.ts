/**
 * The engine's working parts shared by its modules: the state, the trace, and the two verbs
 * every module needs (record an event, schedule one).
 */
import { heapPush } from './heap.js';
import type { QueueItem, SimState } from './state.js';
import type { Micros } from '../time.js';
import type { NetworkSpec, Perturbation, ScenarioSpec } from '../scenario.js';
import type { TraceEvent } from '../trace.js';
import type { TcbCopies } from './stateCopy.js';
import type { IncarnationLedger } from './incarnationLedger.js';

export interface Core {
  state: SimState;
  trace: TraceEvent[];
  readonly spec: ScenarioSpec;
  readonly network: NetworkSpec;
  /** Every perturbation of the run, in the order given; indices are stable. */
  readonly perturbations: Perturbation[];
  /** Incarnations per 4-tuple (kept outside the checkpointed state; checkpoints save its counts). */
  readonly incarnations: IncarnationLedger;
  /** Marks TCBs the TCP code is about to act on (checkpoints re-copy only those). */
  readonly tcbs: TcbCopies;
  /** Called for every recorded event (the script's triggers listen here). */
  onEvent: (ev: TraceEvent) => void;
}

/**
 * Record an event. The object becomes the trace entry: callers build it fresh, with `at` and
 * `step` (core.state.now and .step) written in the literal, so the object is allocated whole
 * (adding them afterwards made V8 give every event a second, out-of-object property store).
 */
export function emit(core: Core, ev: TraceEvent): TraceEvent {
  core.trace.push(ev);
  core.onEvent(ev);
  return ev;
}

export function schedule(core: Core, delay: Micros, item: QueueItem): void {
  const s = core.state;
  heapPush(s.queue, { time: s.now + Math.max(0, Math.round(delay)), seq: s.seq++, item });
}

export function scheduleAt(core: Core, time: Micros, item: QueueItem): void {
  const s = core.state;
  heapPush(s.queue, { time: Math.max(s.now, Math.round(time)), seq: s.seq++, item });
}
