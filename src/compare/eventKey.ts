/**
 * What makes two trace events "the same thing happening" in two runs of one scenario: every
 * field that says what happened, and none that only numbers things (the engine's step, a
 * segment's id, which shift as soon as one run does one thing more), nor free text the policies
 * themselves word differently (a state change's cause).
 */
import type { SegmentRecord, TraceEvent } from '../sim/index.js';

function segKey(seg: SegmentRecord): string {
  return [
    seg.from,
    seg.src,
    seg.dst,
    seg.flags.join(','),
    seg.seq,
    seg.ack,
    seg.len,
    seg.window,
    JSON.stringify(seg.data),
    seg.ttl,
    seg.incarnation,
    seg.born,
    // Which earlier segment it repeats is an id; that it repeats one is what matters.
    seg.retransmitOf !== undefined ? 'R' : '',
    seg.copyOf !== undefined ? 'D' : '',
    seg.tsval ?? '',
    seg.tsecr ?? '',
  ].join('|');
}

/** A comparable key for an event, or null for events compare mode does not weigh (router hops). */
export function eventKey(ev: TraceEvent): string | null {
  const head = `${ev.at}|${ev.kind}|${ev.host}`;
  switch (ev.kind) {
    case 'send':
    case 'deliver':
      return `${head}|${segKey(ev.seg)}`;
    case 'drop':
      return `${head}|${segKey(ev.seg)}|${ev.reason}`;
    case 'state':
      return `${head}|${ev.from}|${ev.to}|${ev.conn.local}|${ev.conn.remote}|${ev.conn.incarnation}`;
    case 'timer':
      return `${head}|${ev.timer}|${ev.action}|${ev.expires}|${ev.conn.local}|${ev.conn.incarnation}`;
    case 'app':
      return `${head}|${ev.event}|${JSON.stringify(ev.data ?? '')}|${ev.conn?.local ?? ''}|${ev.conn?.incarnation ?? ''}`;
    case 'alert':
      return `${head}|${ev.alert}|${ev.seg ? segKey(ev.seg) : ''}|${ev.bornIn ?? ''}|${ev.acceptedBy ?? ''}`;
    case 'perturb':
      return `${head}|${ev.perturbation}|${ev.seg ? segKey(ev.seg) : ''}`;
    case 'hop':
      return null;
  }
}

/**
 * What the hosts do that the other end or the application can see: segments sent, delivered or
 * lost, what the application is told, and alerts. A socket's state, its timers and its release
 * (`closed`, which an application that already called close() never hears of) are the inner
 * workings that lead there.
 */
export function isBehaviour(ev: TraceEvent): boolean {
  switch (ev.kind) {
    case 'send':
    case 'deliver':
    case 'drop':
    case 'alert':
      return true;
    case 'app':
      return ev.event !== 'closed';
    default:
      return false;
  }
}
