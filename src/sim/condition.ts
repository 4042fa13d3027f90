/**
 * Conditions over the trace: what "run until" waits for, and what a challenge's goal asks for.
 * Lessons and quizzes use these; they are data, so a lesson file can spell them.
 */
import type { AlertName, AppEventName, TimerAction, TimerName, TraceEvent } from './trace.js';
import type { Flag, HostName } from './types.js';
import type { TcpState } from './tcp/states.js';

/** What a segment must look like: shared by trace conditions and perturbation selectors. */
export interface SegmentMatch {
  /** The sending endpoint (the direction of travel). */
  from?: HostName;
  /** All of these flags must be set. */
  flags?: Flag[];
  /** With `flags`: no other flags may be set. */
  exact?: boolean;
  /** true: must carry data; false: must carry none. */
  data?: boolean;
  /** true: only retransmissions; false: only first transmissions. */
  retransmission?: boolean;
}

/** The facts about a segment that a SegmentMatch looks at. */
export interface MatchableSegment {
  from: HostName;
  flags: readonly Flag[];
  len: number;
  retransmitOf?: number;
}

export function segmentMatches(m: SegmentMatch, seg: MatchableSegment): boolean {
  if (m.from !== undefined && seg.from !== m.from) return false;
  if (m.flags) {
    for (const f of m.flags) if (!seg.flags.includes(f)) return false;
    if (m.exact && seg.flags.length !== m.flags.length) return false;
  }
  if (m.data !== undefined && seg.len > 0 !== m.data) return false;
  if (m.retransmission !== undefined && (seg.retransmitOf !== undefined) !== m.retransmission) return false;
  return true;
}

export type Condition =
  /** An endpoint enters `state` (optionally coming `fromState`). */
  | { kind: 'state'; host?: HostName; state: TcpState; fromState?: TcpState; nth?: number }
  /** A segment is sent, delivered to its endpoint, or dropped. */
  | (SegmentMatch & { kind: 'segment'; on: 'send' | 'deliver' | 'drop'; nth?: number })
  | { kind: 'app'; host?: HostName; event: AppEventName; nth?: number }
  | { kind: 'timer'; host?: HostName; timer: TimerName; action: TimerAction; nth?: number }
  | { kind: 'alert'; alert: AlertName; nth?: number }
  /** Simulated time reaches `seconds`. */
  | { kind: 'time'; seconds: number }
  /** Nothing is left to happen: the event queue is empty. */
  | { kind: 'quiet' };

/** Does this one trace event satisfy the condition (ignoring `nth`, `time` and `quiet`)? */
export function eventMatches(cond: Condition, ev: TraceEvent): boolean {
  switch (cond.kind) {
    case 'state':
      return (
        ev.kind === 'state' &&
        ev.to === cond.state &&
        (cond.host === undefined || ev.host === cond.host) &&
        (cond.fromState === undefined || ev.from === cond.fromState)
      );
    case 'segment':
      if (ev.kind !== cond.on) return false;
      if (ev.kind !== 'send' && ev.kind !== 'deliver' && ev.kind !== 'drop') return false;
      return segmentMatches(cond, ev.seg);
    case 'app':
      return ev.kind === 'app' && ev.event === cond.event && (cond.host === undefined || ev.host === cond.host);
    case 'timer':
      return (
        ev.kind === 'timer' &&
        ev.timer === cond.timer &&
        ev.action === cond.action &&
        (cond.host === undefined || ev.host === cond.host)
      );
    case 'alert':
      return ev.kind === 'alert' && ev.alert === cond.alert;
    case 'time':
    case 'quiet':
      return false;
  }
}

/** How many events of `trace` (from index `from`) satisfy the condition. */
export function countMatches(trace: readonly TraceEvent[], cond: Condition, from = 0): number {
  let n = 0;
  for (let i = from; i < trace.length; i++) if (eventMatches(cond, trace[i]!)) n++;
  return n;
}

/** Short English description, for lesson screens and lint messages. */
export function describeCondition(c: Condition): string {
  const nth = 'nth' in c && c.nth && c.nth > 1 ? ` (time ${c.nth})` : '';
  switch (c.kind) {
    case 'state':
      return `${c.host ?? 'an endpoint'} enters ${c.state}${nth}`;
    case 'segment':
      return `${c.from ?? 'any'} ${c.flags?.join('+') ?? 'segment'} is ${c.on === 'send' ? 'sent' : c.on === 'deliver' ? 'delivered' : 'dropped'}${nth}`;
    case 'app':
      return `${c.host ?? 'an application'} sees ${c.event}${nth}`;
    case 'timer':
      return `${c.host ?? 'an endpoint'}'s ${c.timer} timer ${c.action}s${nth}`;
    case 'alert':
      return `alert ${c.alert}${nth}`;
    case 'time':
      return `time reaches ${c.seconds} s`;
    case 'quiet':
      return 'nothing is left to happen';
  }
}
