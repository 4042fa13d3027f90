/**
 * The state machine's arcs as one table: from a state, on one event, to another state, sending
 * what. It lives beside probe.ts because each row names the probe event that exercises it, and
 * test/sim/transitionTable.test.ts runs every row through the real TCP code (src/sim/tcp), so the
 * table cannot say one thing while the endpoints do another. The state diagram is drawn from it.
 *
 * `figure` marks the arcs of the classic diagram (RFC 9293 §3.3.2, Figure 5, plus the
 * FIN_WAIT_1 -> TIME_WAIT arc for a FIN that also acknowledges ours, which the figure folds
 * into CLOSING). The others (resets, aborts) leave from almost every state and would bury it.
 */
import type { ProbeEventKey } from './probeEvents.js';
import type { TcpState } from './tcp/states.js';
import type { Flag } from './types.js';

export interface TransitionRow {
  from: TcpState;
  to: TcpState;
  /** The probe event (src/sim/probeEvents.ts) that makes this transition. */
  event: ProbeEventKey;
  /** What causes it, in the diagram's words: a call, a timer or the arriving segment's flags. */
  trigger: string;
  /** What the endpoint sends on the way (one segment's flags), or nothing. */
  sends: readonly Flag[];
  rfc: string;
  figure: boolean;
}

export const TRANSITIONS: readonly TransitionRow[] = [
  // Opening (RFC 9293 §3.10.1 OPEN call; §3.10.7.2 and §3.10.7.3 SEGMENT ARRIVES).
  { from: 'CLOSED', to: 'LISTEN', event: 'listen', trigger: 'listen', sends: [], rfc: 'RFC 9293 §3.10.1', figure: true },
  { from: 'CLOSED', to: 'SYN_SENT', event: 'connect', trigger: 'connect', sends: ['SYN'], rfc: 'RFC 9293 §3.10.1', figure: true },
  { from: 'LISTEN', to: 'SYN_RECEIVED', event: 'syn', trigger: 'SYN', sends: ['SYN', 'ACK'], rfc: 'RFC 9293 §3.10.7.2', figure: true },
  { from: 'LISTEN', to: 'CLOSED', event: 'close', trigger: 'close', sends: [], rfc: 'RFC 9293 §3.10.4', figure: false },
  { from: 'SYN_SENT', to: 'ESTABLISHED', event: 'syn-ack', trigger: 'SYN,ACK', sends: ['ACK'], rfc: 'RFC 9293 §3.10.7.3', figure: true },
  // Simultaneous open: SYNs cross.
  { from: 'SYN_SENT', to: 'SYN_RECEIVED', event: 'syn', trigger: 'SYN', sends: ['SYN', 'ACK'], rfc: 'RFC 9293 §3.10.7.3', figure: false },
  { from: 'SYN_SENT', to: 'CLOSED', event: 'close', trigger: 'close', sends: [], rfc: 'RFC 9293 §3.10.4', figure: false },
  { from: 'SYN_RECEIVED', to: 'ESTABLISHED', event: 'ack', trigger: 'ACK', sends: [], rfc: 'RFC 9293 §3.10.7.4', figure: true },
  { from: 'SYN_RECEIVED', to: 'FIN_WAIT_1', event: 'close', trigger: 'close', sends: ['FIN', 'ACK'], rfc: 'RFC 9293 §3.10.4', figure: false },
  { from: 'SYN_RECEIVED', to: 'LISTEN', event: 'rst', trigger: 'RST', sends: [], rfc: 'RFC 9293 §3.10.7.4', figure: false },

  // Closing (RFC 9293 §3.10.4 CLOSE call; §3.10.7.4 fifth and eighth steps; §3.10.8 timeouts).
  { from: 'ESTABLISHED', to: 'FIN_WAIT_1', event: 'close', trigger: 'close', sends: ['FIN', 'ACK'], rfc: 'RFC 9293 §3.10.4', figure: true },
  { from: 'ESTABLISHED', to: 'CLOSE_WAIT', event: 'fin', trigger: 'FIN', sends: ['ACK'], rfc: 'RFC 9293 §3.10.7.4', figure: true },
  { from: 'FIN_WAIT_1', to: 'FIN_WAIT_2', event: 'ack', trigger: 'ACK', sends: [], rfc: 'RFC 9293 §3.10.7.4', figure: true },
  // The FINs crossed: the peer's FIN arrives before the ACK of ours.
  { from: 'FIN_WAIT_1', to: 'CLOSING', event: 'fin-not-acking', trigger: 'FIN', sends: ['ACK'], rfc: 'RFC 9293 §3.10.7.4', figure: true },
  // One segment carries the peer's FIN and the ACK of ours: FIN_WAIT_2 is skipped.
  { from: 'FIN_WAIT_1', to: 'TIME_WAIT', event: 'fin', trigger: 'FIN+ACK', sends: ['ACK'], rfc: 'RFC 9293 §3.10.7.4', figure: true },
  { from: 'FIN_WAIT_2', to: 'TIME_WAIT', event: 'fin', trigger: 'FIN', sends: ['ACK'], rfc: 'RFC 9293 §3.10.7.4', figure: true },
  { from: 'CLOSING', to: 'TIME_WAIT', event: 'ack', trigger: 'ACK', sends: [], rfc: 'RFC 9293 §3.10.7.4', figure: true },
  { from: 'CLOSE_WAIT', to: 'LAST_ACK', event: 'close', trigger: 'close', sends: ['FIN', 'ACK'], rfc: 'RFC 9293 §3.10.4', figure: true },
  { from: 'LAST_ACK', to: 'CLOSED', event: 'ack', trigger: 'ACK', sends: [], rfc: 'RFC 9293 §3.10.7.4', figure: true },
  { from: 'TIME_WAIT', to: 'CLOSED', event: '2msl', trigger: '2MSL timeout', sends: [], rfc: 'RFC 9293 §3.10.8', figure: true },

  // Resets and aborts (RFC 9293 §3.10.7.4 second step, §3.10.5 ABORT call).
  { from: 'ESTABLISHED', to: 'CLOSED', event: 'rst', trigger: 'RST', sends: [], rfc: 'RFC 9293 §3.10.7.4', figure: false },
  { from: 'ESTABLISHED', to: 'CLOSED', event: 'abort', trigger: 'abort', sends: ['RST'], rfc: 'RFC 9293 §3.10.5', figure: false },
  // RFC 1337 calls this TIME-WAIT assassination (its fix is a policy: see the test).
  { from: 'TIME_WAIT', to: 'CLOSED', event: 'rst', trigger: 'RST', sends: [], rfc: 'RFC 9293 §3.10.7.4', figure: false },
];

/** The diagram's words for an arc: "FIN / ACK", "close / FIN", "2MSL timeout". */
export function transitionLabel(row: Pick<TransitionRow, 'trigger' | 'sends'>): string {
  if (row.sends.length === 0) return row.trigger;
  // FIN and RST carry ACK on an open connection; the diagram names the flag that matters.
  const shown = row.sends.length > 1 && !row.sends.includes('SYN') ? row.sends.filter((f) => f !== 'ACK') : row.sends;
  return `${row.trigger} / ${shown.join(',')}`;
}

/** A stable name for a row, for keys and tests: `FIN_WAIT_1>TIME_WAIT:fin`. */
export function transitionId(row: Pick<TransitionRow, 'from' | 'to' | 'event'>): string {
  return `${row.from}>${row.to}:${row.event}`;
}
