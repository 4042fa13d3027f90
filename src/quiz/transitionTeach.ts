/**
 * Why the right answer of a transition question is right, in words that teach, for every
 * (state, event) a quiz run meets. Each sentence was checked against shared/reference/
 * tcp-rules.md and RFC 9293; a test requires one for every transition question in the bank,
 * and the generator shows it only while the simulator's outcome is the one it describes.
 *
 * API:
 *   TEACH[`${state}:${key}`] -> { next, sent, text }   sent as "ACK", "FIN,ACK", "" for nothing
 *   EVENT_WORDS[key] -> string                         a short name for an arriving segment
 */
import type { TcpState } from '../sim/tcp/states.js';

export interface Teaching {
  next: TcpState;
  sent: string;
  text: string;
}

export const TEACH: Record<string, Teaching> = {
  'CLOSED:connect': { next: 'SYN_SENT', sent: 'SYN', text: 'An active open sends a SYN carrying the initial sequence number and waits for the reply in SYN_SENT' },
  'LISTEN:syn': { next: 'SYN_RECEIVED', sent: 'SYN,ACK', text: 'A listener that gets a SYN answers with its own SYN, which also acknowledges the client\'s, and waits in SYN_RECEIVED for the third segment of the handshake' },
  'SYN_SENT:syn-ack': { next: 'ESTABLISHED', sent: 'ACK', text: 'The SYN,ACK acknowledges our SYN and brings the peer\'s, so one ACK completes the handshake and the connection is ESTABLISHED' },
  'SYN_RECEIVED:ack': { next: 'ESTABLISHED', sent: '', text: 'This ACK acknowledges our SYN,ACK, which ends the handshake: the server is ESTABLISHED, and an ACK is never itself acknowledged' },
  'ESTABLISHED:data': { next: 'ESTABLISHED', sent: 'ACK', text: 'In-order data is delivered to the application and acknowledged (ack = RCV.NXT after the data); the connection stays ESTABLISHED' },
  'ESTABLISHED:ack': { next: 'ESTABLISHED', sent: '', text: 'A bare ACK only moves SND.UNA forward; nothing is owed in reply, and the state does not change' },
  'ESTABLISHED:close': { next: 'FIN_WAIT_1', sent: 'FIN,ACK', text: 'close() on an open connection sends a FIN (with ACK set, as on every segment after the handshake): this end is the active closer and waits in FIN_WAIT_1 for that FIN to be acknowledged' },
  'ESTABLISHED:fin': { next: 'CLOSE_WAIT', sent: 'ACK', text: 'The peer\'s FIN is acknowledged at once and the application is told end of file; this end may still send, so it waits in CLOSE_WAIT for its own close()' },
  'FIN_WAIT_1:ack': { next: 'FIN_WAIT_2', sent: '', text: 'Our FIN is acknowledged, so our direction is closed; the peer has not sent its FIN yet, so we wait for it in FIN_WAIT_2' },
  'FIN_WAIT_1:fin': { next: 'TIME_WAIT', sent: 'ACK', text: 'This FIN also acknowledges our own FIN (the separate ACK was lost). The ACK field is processed first (to FIN_WAIT_2), then the FIN: we acknowledge it and enter TIME_WAIT, all for this one segment' },
  'FIN_WAIT_1:fin-not-acking': { next: 'CLOSING', sent: 'ACK', text: 'The peer\'s FIN arrives before our FIN is acknowledged: the FINs crossed. We acknowledge it and wait in CLOSING for the ACK of ours' },
  'FIN_WAIT_1:rto': { next: 'FIN_WAIT_1', sent: 'FIN,ACK', text: 'No ACK of our FIN came before the retransmission timer fired, so the FIN is sent again; the state does not change until it is acknowledged' },
  'CLOSE_WAIT:close': { next: 'LAST_ACK', sent: 'FIN,ACK', text: 'The passive closer\'s application closes too: it sends its own FIN and waits in LAST_ACK for the acknowledgement of it' },
  'FIN_WAIT_2:fin': { next: 'TIME_WAIT', sent: 'ACK', text: 'The peer\'s FIN closes the second direction. We send the final ACK and, as the active closer, enter TIME_WAIT for 2MSL in case that ACK is lost' },
  'LAST_ACK:ack': { next: 'CLOSED', sent: '', text: 'The ACK of our FIN is the last thing the passive closer waits for: the connection is CLOSED at once, with no TIME_WAIT on this side' },
  'LAST_ACK:rto': { next: 'LAST_ACK', sent: 'FIN,ACK', text: 'The final ACK never came, so when the retransmission timer fires the FIN is sent again; LAST_ACK lasts until that FIN is acknowledged' },
  'CLOSING:ack': { next: 'TIME_WAIT', sent: '', text: 'The ACK of our FIN arrives; both directions are now closed, and since this end closed actively it waits 2MSL in TIME_WAIT' },
  'TIME_WAIT:2msl': { next: 'CLOSED', sent: '', text: 'Two maximum segment lifetimes have passed, so no segment of this connection can still be in the network: the connection is deleted, silently' },
  'TIME_WAIT:fin-again': { next: 'TIME_WAIT', sent: 'ACK', text: 'A repeated FIN means our final ACK was lost. Because the connection was kept, we can acknowledge it again, and the 2MSL timer starts over' },
  'TIME_WAIT:syn-greater': { next: 'SYN_RECEIVED', sent: 'SYN,ACK', text: 'Under the Berkeley rule a SYN numbered above the old connection\'s last sequence number cannot be mistaken for old data, so the TIME_WAIT end accepts it and starts a new incarnation' },
  'TIME_WAIT:syn-greater:berkeley-off': { next: 'TIME_WAIT', sent: 'ACK', text: 'With the Berkeley rule off, TIME_WAIT treats every SYN on its 4-tuple as unacceptable: it answers with an ACK showing what it expects (RCV.NXT) and keeps waiting, so the client\'s new connection fails' },
  'TIME_WAIT:syn': { next: 'TIME_WAIT', sent: 'ACK', text: 'The SYN cannot open a new incarnation here, so it is refused with an ACK that repeats what this end expects, and TIME_WAIT goes on' },
  'TIME_WAIT:rst': { next: 'CLOSED', sent: '', text: 'With RFC 1337\'s protection off, an acceptable RST ends TIME_WAIT early: the connection is gone before 2MSL has passed, which is the hazard RFC 1337 names' },
  'ESTABLISHED:abort': { next: 'CLOSED', sent: 'RST', text: 'An abort throws away the connection at once and tells the peer with an RST: no FIN exchange and no TIME_WAIT' },
  'ESTABLISHED:rst': { next: 'CLOSED', sent: '', text: 'An RST whose sequence number is exactly RCV.NXT is acceptable: the connection ends immediately and the application sees ECONNRESET. An RST is never answered' },
  'LISTEN:data': { next: 'LISTEN', sent: 'RST', text: 'A listener has no connection this data could belong to, so it answers with an RST (seq taken from the segment\'s ACK field) and keeps listening' },
  'SYN_SENT:rto': { next: 'SYN_SENT', sent: 'SYN', text: 'No SYN,ACK came back before the retransmission timer fired, so the SYN is sent again with the same sequence number' },
};

export const EVENT_WORDS: Partial<Record<string, string>> = {
  syn: 'a SYN',
  'syn-greater': 'a SYN numbered above RCV.NXT',
  'syn-ack': 'a SYN,ACK',
  ack: 'an ACK of everything this end sent',
  data: 'in-order data',
  fin: 'a FIN that also acknowledges everything this end sent',
  'fin-not-acking': 'a FIN that does not acknowledge our FIN',
  'fin-again': 'a repeated FIN: its sequence number is below RCV.NXT',
  rst: 'an RST with seq = RCV.NXT',
  'rst-inside': 'an RST inside the window',
  'old-data': 'old data below RCV.NXT',
  'future-data': 'data beyond the window',
  'ack-unsent': 'an ACK of data never sent',
};
