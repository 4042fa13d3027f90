/**
 * The catalogue of single events a probe can give an endpoint, and which states each applies
 * to. Segment events are named from the receiver's point of view.
 */
import type { ProbeEvent } from './probe.js';
import type { TcpState } from './tcp/states.js';

interface EventSpec {
  event: ProbeEvent;
  label: string;
  rfc: (state: TcpState) => string;
}

function arrivalSection(state: TcpState): string {
  if (state === 'CLOSED') return 'RFC 9293 §3.10.7.1';
  if (state === 'LISTEN') return 'RFC 9293 §3.10.7.2';
  if (state === 'SYN_SENT') return 'RFC 9293 §3.10.7.3';
  return 'RFC 9293 §3.10.7.4';
}

const seg = (event: Extract<ProbeEvent, { kind: 'segment' }>, label: string): EventSpec => ({ event, label, rfc: arrivalSection });

export const PROBE_EVENTS = {
  syn: seg({ kind: 'segment', flags: ['SYN'], seq: 'in-window' }, 'a SYN arrives'),
  'syn-greater': seg(
    { kind: 'segment', flags: ['SYN'], seq: 'inside' },
    'a SYN with a sequence number greater than RCV.NXT arrives',
  ),
  'syn-ack': seg({ kind: 'segment', flags: ['SYN', 'ACK'], seq: 'in-window' }, 'a SYN,ACK arrives'),
  ack: seg({ kind: 'segment', flags: ['ACK'], seq: 'in-window' }, 'an ACK of everything it sent arrives'),
  data: seg({ kind: 'segment', flags: ['PSH', 'ACK'], seq: 'in-window', data: true }, 'in-order data arrives'),
  fin: seg({ kind: 'segment', flags: ['FIN', 'ACK'], seq: 'in-window' }, 'a FIN arrives that ACKs everything it sent'),
  'fin-not-acking': seg(
    { kind: 'segment', flags: ['FIN', 'ACK'], seq: 'in-window', ackOfOurFin: false },
    'a FIN arrives that does not ACK its own FIN',
  ),
  'fin-again': seg({ kind: 'segment', flags: ['FIN', 'ACK'], seq: 'old' }, "the peer's FIN arrives again (a retransmission)"),
  rst: seg({ kind: 'segment', flags: ['RST'], seq: 'in-window' }, 'an RST with SEQ = RCV.NXT arrives'),
  'rst-ack': seg({ kind: 'segment', flags: ['RST', 'ACK'], seq: 'in-window' }, 'an RST,ACK acknowledging its SYN arrives'),
  'rst-inside': seg({ kind: 'segment', flags: ['RST'], seq: 'inside' }, 'an RST inside the window but not at RCV.NXT arrives'),
  'old-data': seg({ kind: 'segment', flags: ['PSH', 'ACK'], seq: 'old', data: true }, 'an old duplicate data segment arrives'),
  'future-data': seg({ kind: 'segment', flags: ['PSH', 'ACK'], seq: 'future', data: true }, 'data beyond the window arrives'),
  'ack-unsent': seg({ kind: 'segment', flags: ['ACK'], seq: 'in-window', ackUnsent: true }, 'an ACK of data never sent arrives'),
  listen: { event: { kind: 'call', call: 'listen' }, label: 'the application calls listen()', rfc: () => 'RFC 9293 §3.10.1' },
  connect: { event: { kind: 'call', call: 'connect' }, label: 'the application calls connect()', rfc: () => 'RFC 9293 §3.10.1' },
  send: { event: { kind: 'call', call: 'send' }, label: 'the application calls send()', rfc: () => 'RFC 9293 §3.10.2' },
  close: { event: { kind: 'call', call: 'close' }, label: 'the application calls close()', rfc: () => 'RFC 9293 §3.10.4' },
  abort: { event: { kind: 'call', call: 'abort' }, label: 'the application aborts (SO_LINGER 0)', rfc: () => 'RFC 9293 §3.10.5' },
  rto: { event: { kind: 'timer', timer: 'RTO' }, label: 'the retransmission timer expires', rfc: () => 'RFC 9293 §3.10.8' },
  '2msl': { event: { kind: 'timer', timer: '2MSL' }, label: 'the 2MSL timer expires', rfc: () => 'RFC 9293 §3.10.8' },
} satisfies Record<string, EventSpec>;

export type ProbeEventKey = keyof typeof PROBE_EVENTS;

const WITH_UNACKED: TcpState[] = ['SYN_SENT', 'SYN_RECEIVED', 'FIN_WAIT_1', 'CLOSING', 'LAST_ACK'];

/** Does this event make sense for an endpoint in this state? */
export function probeEventApplies(state: TcpState, key: ProbeEventKey): boolean {
  switch (key) {
    case 'listen':
    case 'connect':
      return state === 'CLOSED';
    case 'send':
    case 'abort':
      return state !== 'CLOSED' && state !== 'LISTEN';
    case 'close':
      return state !== 'CLOSED';
    case 'rto':
      return WITH_UNACKED.includes(state);
    case '2msl':
      return state === 'TIME_WAIT';
    case 'fin-not-acking':
      return state === 'FIN_WAIT_1';
    case 'rst-ack':
      return state === 'SYN_SENT';
    case 'syn-greater':
      return state === 'TIME_WAIT';
    case 'fin-again':
    case 'rst-inside':
    case 'old-data':
    case 'future-data':
    case 'ack-unsent':
      return state !== 'CLOSED' && state !== 'LISTEN';
    default:
      return true;
  }
}
