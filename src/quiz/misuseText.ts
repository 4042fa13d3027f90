/**
 * Words for the API-misuse set: an application calls close() again, or send() after close(),
 * on a connection that is already closing. Each option is a belief learners really hold, paired
 * with the outcome it predicts (segments sent, next state) so the simulator can refute it, and
 * with its own explanation. RFC 9293 §3.10.2 (SEND) and §3.10.4 (CLOSE) give the right answer:
 * "error: connection closing", and nothing on the wire.
 */
import type { TcpState } from '../sim/tcp/states.js';
import type { TransitionOutcome } from './types.js';

export type MisuseCall = 'close' | 'send';

export interface MisuseOption {
  text: string;
  outcome: TransitionOutcome;
  explanation: string;
}

/** The states in which each call is an error ("connection closing"), RFC 9293 §3.10.2 and §3.10.4. */
export const MISUSE_STATES: Record<MisuseCall, readonly TcpState[]> = {
  close: ['FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSING', 'LAST_ACK', 'TIME_WAIT'],
  send: ['FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSING', 'LAST_ACK', 'TIME_WAIT'],
};

export const MISUSE_SECTION: Record<MisuseCall, string> = {
  close: 'RFC 9293 §3.10.4 (CLOSE call)',
  send: 'RFC 9293 §3.10.2 (SEND call)',
};

/** The bytes the application tries to send (the probe sends the same five). */
export const MISUSE_DATA = 'hello';

/** The state as RFC 9293 spells it in its event-processing text. */
const rfcName = (s: TcpState) => s.replace(/_/g, '-');

const finAcked = (s: TcpState) => s === 'FIN_WAIT_2' || s === 'TIME_WAIT';

/** Where this end's FIN stands, in a few words. */
function ourFin(s: TcpState): string {
  return finAcked(s) ? 'Our FIN is already sent and acknowledged' : 'Our FIN is already sent';
}

function closeOptions(state: TcpState): { right: MisuseOption; wrong: MisuseOption[] } {
  const allowedOk = state === 'FIN_WAIT_1' || state === 'FIN_WAIT_2' ? ' (or "ok", if no second FIN goes out)' : '';
  const right: MisuseOption = {
    text: 'Nothing is sent and the call fails: the connection is already closing',
    outcome: { sent: [], next: state },
    explanation:
      `${ourFin(state)}. RFC 9293 §3.10.4 answers "error: connection closing"${allowedOk}; the state stays ${state}. ` +
      'With sockets the first close() freed the descriptor: the second gets EBADF.',
  };
  const wrong: MisuseOption[] = [
    {
      text: 'It sends its FIN a second time',
      outcome: { sent: [['FIN', 'ACK']], next: state },
      explanation:
        'A FIN takes one sequence number and marks the end of our stream, which ends once. ' +
        (finAcked(state)
          ? 'Ours is already acknowledged, so nothing needs sending again.'
          : 'If it is lost, the retransmission timer resends it; a repeated close() never does.'),
    },
    {
      text: 'It resets the connection with an RST',
      outcome: { sent: [['RST']], next: 'CLOSED' },
      explanation:
        'An RST comes from abort() (SO_LINGER with a zero timeout), not from close(). A close() that is refused puts nothing on the wire.',
    },
    state === 'TIME_WAIT'
      ? {
          text: 'Nothing is sent, and the wait ends at once (CLOSED)',
          outcome: { sent: [], next: 'CLOSED' },
          explanation:
            'close() cannot shorten TIME_WAIT: only the 2MSL timer ends it (or an accepted RST). The wait protects the peer and later connections, not the application.',
        }
      : {
          text: 'Nothing is sent, and the connection is forgotten at once (CLOSED)',
          outcome: { sent: [], next: 'CLOSED' },
          explanation: `close() cannot hurry the close: the connection leaves ${state} only when the peer's segments move it on${
            state === 'FIN_WAIT_2' ? ' (or, on Linux, a 60 s orphan timer)' : ''
          }. Forgetting it at once is what abort() does.`,
        },
  ];
  return { right, wrong };
}

function sendOptions(state: TcpState): { right: MisuseOption; wrong: MisuseOption[] } {
  const data = ['PSH', 'ACK', 'data'];
  const right: MisuseOption = {
    text: 'Nothing is sent and the call fails: this end has closed its direction',
    outcome: { sent: [], next: state },
    explanation:
      `Our FIN ended our direction. RFC 9293 §3.10.2 answers a SEND in ${rfcName(state)} with "error: connection closing"; ` +
      `nothing goes out and the state stays ${state}. With sockets, a write after shutdown(SHUT_WR) gets EPIPE.`,
  };
  const wrong: MisuseOption[] = [
    {
      text: 'The bytes go out anyway, after the FIN',
      outcome: { sent: [data], next: state },
      explanation:
        'Bytes after our FIN would need sequence numbers past the end of our stream, which the peer cannot accept. A half-close lets the peer go on sending to us, not the other way round.',
    },
    {
      text: 'The connection reopens and the bytes go out (ESTABLISHED)',
      outcome: { sent: [data], next: 'ESTABLISHED' },
      explanation:
        'A closed direction never reopens. To send again the application needs a new connection, with its own handshake: a new incarnation.',
    },
    {
      text: 'The peer is told with an RST that the send failed',
      outcome: { sent: [['RST']], next: 'CLOSED' },
      explanation:
        'The call is refused inside this host; the peer hears nothing. An RST comes from abort(), or (on Linux) from data arriving for a socket that is already closed.',
    },
  ];
  return { right, wrong };
}

export function misuseOptions(call: MisuseCall, state: TcpState): { right: MisuseOption; wrong: MisuseOption[] } {
  return call === 'close' ? closeOptions(state) : sendOptions(state);
}

/** "the client's application calls close() again" / "... calls send() with 5 bytes". */
export function callSentence(call: MisuseCall, host: string): string {
  return call === 'close'
    ? `the ${host}'s application calls close() again`
    : `the ${host}'s application calls send() with ${MISUSE_DATA.length} bytes`;
}

export function misusePrompt(call: MisuseCall): string {
  return call === 'close' ? 'What does this second close() do?' : 'What does this send() do?';
}

export function misuseTopic(call: MisuseCall, state: TcpState): string {
  return call === 'close' ? `API misuse: close() again in ${state}` : `API misuse: send() after close(), in ${state}`;
}
