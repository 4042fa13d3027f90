/**
 * Copies of the state for checkpoints and for going back to one. Each copy shares what is never
 * edited in place, and copies the rest:
 * - queue entries are never mutated once scheduled (the heap only moves references);
 * - a TCB's addresses, ConnRef, timer slots and last transition are replaced, never edited, so
 *   a TCB copy shares them and copies only its own fields and its retransmission queue;
 * - a segment in flight changes only its TTL, so its addresses, flags and trace record are shared;
 * - a TCB that the engine has not handed to the TCP code since the last checkpoint is
 *   unchanged, so that checkpoint's copy of it is reused. In a churn run most TCBs sit in
 *   TIME_WAIT untouched for a minute, and re-copying them was most of the cost.
 * Every field of SimState and HostState is listed explicitly, so adding one fails to compile
 * here until its copying is decided.
 */
import type { HostState, Packet, SimState } from './state.js';
import type { Tcb } from '../tcp/tcb.js';

export class TcbCopies {
  /** The engine is about to let the TCP code act on this TCB (it may change). */
  touch(tcb: Tcb): void {
    tcb.saved = null;
  }

  /** The TCB's copy for a checkpoint: the last one taken, if it has not been touched since. */
  copyOf(tcb: Tcb): Tcb {
    return tcb.saved ?? (tcb.saved = copyTcb(tcb));
  }

  /** `live` was just made from the checkpoint's `kept`: until touched, `kept` is its copy. */
  adopt(live: Tcb, kept: Tcb): void {
    live.saved = kept;
  }
}

/** A copy that points at no other copy (so copies never chain). */
function copyTcb(t: Tcb): Tcb {
  return { ...t, unacked: t.unacked.map((u) => ({ ...u })), saved: null };
}

function copyPacket(p: Packet): Packet {
  return { ...p, seg: { ...p.seg }, loop: p.loop === null ? null : { ...p.loop } };
}

function copyInFlight(m: Map<number, Packet>): Map<number, Packet> {
  const out = new Map<number, Packet>();
  for (const [id, p] of m) out.set(id, copyPacket(p));
  return out;
}

function copyHost(h: HostState, copy: (t: Tcb) => Tcb): HostState {
  const map = new Map<string, Tcb>();
  for (const [k, t] of h.tcbs) map.set(k, copy(t));
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

function copyState(s: SimState, copy: (t: Tcb) => Tcb): SimState {
  return {
    now: s.now,
    step: s.step,
    seq: s.seq,
    nextSegId: s.nextSegId,
    nextToken: s.nextToken,
    queue: s.queue.slice(),
    rng: { s: s.rng.s },
    // Policies are replaced, never mutated, when a perturbation changes them.
    policies: s.policies,
    hosts: { client: copyHost(s.hosts.client, copy), server: copyHost(s.hosts.server, copy) },
    inFlight: copyInFlight(s.inFlight),
    triggerCounts: s.triggerCounts.slice(),
    armed: s.armed.map((a) => ({ ...a })),
  };
}

/** The copy a checkpoint keeps (the run goes on with `s`). */
export function checkpointCopy(s: SimState, tcbs: TcbCopies): SimState {
  return copyState(s, (t) => tcbs.copyOf(t));
}

/**
 * A live state made from a checkpoint's (which stays as it is). Its TCBs start out equal to the
 * checkpoint's copies, so the next checkpoint can reuse those for the ones not touched by then.
 */
export function restoredCopy(saved: SimState, tcbs: TcbCopies): SimState {
  return copyState(saved, (kept) => {
    const live = copyTcb(kept);
    tcbs.adopt(live, kept);
    return live;
  });
}
