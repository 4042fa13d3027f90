/** State names the lab reports: RFC 9293's, as the simulation writes them (underscores). */
import type { TcpState } from '../sim/index.js';

export type LabState = TcpState;

/** The order `ss -s`-like counts are listed in: the states of a close last. */
export const LAB_STATE_ORDER: readonly LabState[] = [
  'LISTEN',
  'SYN_SENT',
  'SYN_RECEIVED',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
  'CLOSED',
];
