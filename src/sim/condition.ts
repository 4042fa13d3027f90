/**
 * Conditions over the trace: what "run until" waits for, and what a challenge's goal asks for.
 * Lessons and quizzes use these; they are data, so a lesson file can spell them.
 */
import type { AlertName, AppEventName, TimerAction, TimerName, TraceEvent } from './trace.js';
import type { Flag, HostName } from './types.js';
import type { TcpState } from './tcp/states.js';

export type Condition =
  /** An endpoint enters `state` (optionally coming `fromState`). */
  | { kind: 'state'; host?: HostName; state: TcpState; fromState?: TcpState; nth?: number }
  /** A segment is sent, delivered to its endpoint, or dropped. */
  | {
      kind: 'segment';
      on: 'send' | 'deliver' | 'drop';
      from?: HostName;
      flags?: Flag[];
      exact?: boolean;
      data?: boolean;
      retransmission?: boolean;
      nth?: number;
    }
  | { kind: 'app'; host?: HostName; event: AppEventName; nth?: number }
  | { kind: 'timer'; host?: HostName; timer: TimerName; action: TimerAction; nth?: number }
  | { kind: 'alert'; alert: AlertName; nth?: number }
  /** Simulated time reaches `seconds`. */
  | { kind: 'time'; seconds: number }
  /** Nothing is left to happen: the event queue is empty. */
  | { kind: 'quiet' };

function flagsMatch(have: readonly Flag[], want: readonly Flag[] | undefined, exact?: boolean): boolean {
  if (!want) return true;
  for (const f of want) if (!have.includes(f)) return false;
  return !exact || have.length === want.length;
}

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
    case 'segment': {
      if (ev.kind !== cond.on) return false;
      if (ev.kind !== 'send' && ev.kind !== 'deliver' && ev.kind !== 'drop') return false;
      const seg = ev.seg;
      if (cond.from !== undefined && seg.from !== cond.from) return false;
      if (!flagsMatch(seg.flags, cond.flags, cond.exact)) return false;
      if (cond.data !== undefined && seg.len > 0 !== cond.data) return false;
      if (cond.retransmission !== undefined && (seg.retransmitOf !== undefined) !== cond.retransmission) return false;
      return true;
    }
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
