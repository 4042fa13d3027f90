/**
 * A trace event reduced to what a learner would predict ("the server sends FIN+ACK again"),
 * worded one canonical way so the right answer and hand-written distractors compare as text.
 *
 * API:
 *   summarize(ev) -> EventSummary | undefined    undefined for kinds a question never asks about
 *   describeSummary(s) -> string
 *   conditionFor(s) -> Condition                 plays to the first event matching the summary
 */
import type { Condition } from '../sim/condition.js';
import type { AlertName, AppEventName, TraceEvent } from '../sim/trace.js';
import type { TcpState } from '../sim/tcp/states.js';
import type { Flag, HostName } from '../sim/types.js';

export type EventSummary =
  | { kind: 'send'; host: HostName; flags: Flag[]; data?: boolean; retransmission?: boolean }
  | { kind: 'drop'; from: HostName; flags: Flag[] }
  | { kind: 'state'; host: HostName; from: TcpState; to: TcpState }
  | { kind: 'app'; host: HostName; event: AppEventName }
  | { kind: 'alert'; alert: AlertName };

const isEndpoint = (h: string): h is HostName => h === 'client' || h === 'server';

export function summarize(ev: TraceEvent): EventSummary | undefined {
  switch (ev.kind) {
    case 'send':
      if (!isEndpoint(ev.host)) return undefined;
      return {
        kind: 'send',
        host: ev.host,
        flags: [...ev.seg.flags],
        ...(ev.seg.len > 0 ? { data: true } : {}),
        ...(ev.seg.retransmitOf !== undefined ? { retransmission: true } : {}),
      };
    case 'drop':
      return { kind: 'drop', from: ev.seg.from, flags: [...ev.seg.flags] };
    case 'state':
      return isEndpoint(ev.host) ? { kind: 'state', host: ev.host, from: ev.from, to: ev.to } : undefined;
    case 'app':
      return isEndpoint(ev.host) ? { kind: 'app', host: ev.host, event: ev.event } : undefined;
    case 'alert':
      return { kind: 'alert', alert: ev.alert };
    default:
      return undefined;
  }
}

/** The host an event concerns, for questions that watch one end. */
export function summaryHost(s: EventSummary): HostName | undefined {
  switch (s.kind) {
    case 'send':
    case 'state':
    case 'app':
      return s.host;
    case 'drop':
      return s.from;
    case 'alert':
      return undefined;
  }
}

const APP_WORDS: Partial<Record<AppEventName, string>> = {
  eof: 'end of file (the peer has closed)',
  closed: 'the connection closed',
  connected: 'the connection established',
  data: 'data',
  ECONNRESET: 'ECONNRESET (connection reset)',
  ECONNREFUSED: 'ECONNREFUSED (connection refused)',
  EADDRINUSE: 'EADDRINUSE (address already in use)',
  ETIMEDOUT: 'ETIMEDOUT (the connection timed out)',
};

export function describeSummary(s: EventSummary): string {
  switch (s.kind) {
    case 'send': {
      const what = `${s.flags.join(',') || 'a flagless segment'}${s.data ? ' with data' : ''}`;
      return `The ${s.host} sends ${what}${s.retransmission ? ' again (a retransmission)' : ''}`;
    }
    case 'drop':
      return `The network loses the ${s.from}'s ${s.flags.join(',')}`;
    case 'state':
      return `The ${s.host} moves from ${s.from} to ${s.to}`;
    case 'app':
      return `The ${s.host}'s application gets ${APP_WORDS[s.event] ?? s.event}`;
    case 'alert':
      return s.alert === 'old-duplicate-accepted' ? 'An old duplicate is accepted by the new connection' : `Alert: ${s.alert}`;
  }
}

export function conditionFor(s: EventSummary): Condition {
  switch (s.kind) {
    case 'send':
      return {
        kind: 'segment',
        on: 'send',
        from: s.host,
        flags: s.flags,
        exact: true,
        data: s.data ?? false,
        retransmission: s.retransmission ?? false,
      };
    case 'drop':
      return { kind: 'segment', on: 'drop', from: s.from, flags: s.flags, exact: true };
    case 'state':
      return { kind: 'state', host: s.host, state: s.to, fromState: s.from };
    case 'app':
      return { kind: 'app', host: s.host, event: s.event };
    case 'alert':
      return { kind: 'alert', alert: s.alert };
  }
}
