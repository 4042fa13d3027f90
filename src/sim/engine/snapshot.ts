/** Builds the read-only views (src/sim/view.ts) from the engine's state. */
import type { Core } from './core.js';
import { connRef } from './hostStack.js';
import type { HostState } from './state.js';
import { recordSegment } from '../trace.js';
import type { Tcb } from '../tcp/tcb.js';
import type { ConnectionView, HostView, SimSnapshot, TimerView } from '../view.js';

function timersOf(tcb: Tcb): TimerView[] {
  const out: TimerView[] = [];
  if (tcb.rtoTimer) out.push({ name: 'RTO', startedAt: tcb.rtoTimer.startedAt, expires: tcb.rtoTimer.expires });
  if (tcb.twTimer) out.push({ name: tcb.twTimer.name ?? '2MSL', startedAt: tcb.twTimer.startedAt, expires: tcb.twTimer.expires });
  return out;
}

function connectionView(tcb: Tcb): ConnectionView {
  const view: ConnectionView = {
    host: tcb.host,
    conn: connRef(tcb),
    state: tcb.state,
    iss: tcb.iss,
    irs: tcb.irs,
    sndUna: tcb.sndUna,
    sndNxt: tcb.sndNxt,
    rcvNxt: tcb.rcvNxt,
    timers: timersOf(tcb),
    received: tcb.received,
  };
  if (tcb.lastTransition) view.lastTransition = { ...tcb.lastTransition };
  return view;
}

function hostView(h: HostState): HostView {
  return {
    name: h.name,
    ip: h.ip,
    up: h.up,
    listening: [...h.listeners],
    connections: [...h.tcbs.values()].map(connectionView),
  };
}

export function buildSnapshot(core: Core): SimSnapshot {
  const s = core.state;
  return {
    now: s.now,
    step: s.step,
    hosts: { client: hostView(s.hosts.client), server: hostView(s.hosts.server) },
    inFlight: [...s.inFlight.values()]
      .filter((p) => p.nextNode !== p.seg.from)
      .map((p) => ({
        seg: recordSegment(p.seg),
        nextNode: p.nextNode,
        arrives: p.arrives,
        from: p.seg.from,
        to: p.seg.from === 'client' ? 'server' : 'client',
        looping: p.loop !== null,
        departed: p.departed,
      })),
    policies: { ...s.policies },
    quiet: s.queue.length === 0,
  };
}
