/**
 * The copy of the state a checkpoint keeps, sharing what cannot have changed:
 * - queue entries are never mutated once scheduled (the heap only moves references);
 * - a TCB that the engine has not handed to the TCP code since the last checkpoint is
 *   unchanged, so that checkpoint's frozen copy of it is reused. In a churn run most TCBs
 *   sit in TIME_WAIT untouched for a minute, and re-copying them was most of the cost.
 * Every field is listed explicitly, so adding a field to SimState fails to compile here
 * until its copying is decided.
 */
import { deepCopy } from './deepCopy.js';
import type { HostState, SimState } from './state.js';
import type { Tcb } from '../tcp/tcb.js';

export class TcbCopies {
  private frozen = new WeakMap<Tcb, Tcb>();
  private touched = new WeakSet<Tcb>();

  /** The engine is about to let the TCP code act on this TCB (it may change). */
  touch(tcb: Tcb): void {
    this.touched.add(tcb);
  }

  copyOf(tcb: Tcb): Tcb {
    const kept = this.frozen.get(tcb);
    if (kept && !this.touched.has(tcb)) return kept;
    const fresh = deepCopy(tcb);
    this.frozen.set(tcb, fresh);
    return fresh;
  }

  /** Start a new checkpoint period: nothing is touched yet. */
  reset(): void {
    this.touched = new WeakSet();
  }
}

function copyHost(h: HostState, tcbs: TcbCopies): HostState {
  const map = new Map<string, Tcb>();
  for (const [k, t] of h.tcbs) map.set(k, tcbs.copyOf(t));
  return {
    name: h.name,
    ip: h.ip,
    up: h.up,
    listeners: h.listeners.slice(),
    tcbs: map,
    current: h.current,
    lastLocalPort: h.lastLocalPort,
    nextEphemeral: h.nextEphemeral,
    opened: h.opened,
    resetKey: h.resetKey,
  };
}

export function checkpointCopy(s: SimState, tcbs: TcbCopies): SimState {
  const copy: SimState = {
    now: s.now,
    step: s.step,
    seq: s.seq,
    nextSegId: s.nextSegId,
    nextToken: s.nextToken,
    queue: s.queue.slice(),
    rng: { s: s.rng.s },
    // Policies are replaced, never mutated, when a perturbation changes them.
    policies: s.policies,
    hosts: { client: copyHost(s.hosts.client, tcbs), server: copyHost(s.hosts.server, tcbs) },
    inFlight: deepCopy(s.inFlight),
    triggerCounts: s.triggerCounts.slice(),
    armed: s.armed.map((a) => ({ ...a })),
  };
  tcbs.reset();
  return copy;
}
