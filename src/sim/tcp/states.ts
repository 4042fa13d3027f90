/**
 * The eleven connection states of RFC 9293 §3.3.2, by their RFC names (with underscores).
 */
export const TCP_STATES = [
  'CLOSED',
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
] as const;

export type TcpState = (typeof TCP_STATES)[number];

export function isTcpState(s: string): s is TcpState {
  return (TCP_STATES as readonly string[]).includes(s);
}

/** States in which both sides' sequence numbers are known (RFC 9293 §3.10.7.4 "otherwise"). */
export function isSynchronized(s: TcpState): boolean {
  return s !== 'CLOSED' && s !== 'LISTEN' && s !== 'SYN_SENT' && s !== 'SYN_RECEIVED';
}
