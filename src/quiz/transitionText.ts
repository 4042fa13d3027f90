/**
 * Words for transition questions: outcomes, the rule behind an answer, and why a wrong state is
 * wrong. Kept apart from the generator so the wording can change without touching the logic.
 */
import type { TcpState } from '../sim/tcp/states.js';
import type { ProbeCase } from './probeTypes.js';
import type { TransitionOutcome } from './types.js';

/** Flags as the trace prints them: "FIN,ACK". */
export function flagsText(flags: readonly string[]): string {
  return flags.length > 0 ? flags.join(',') : 'a flagless segment';
}

/** The case's label without its "STATE: " prefix: "the application calls close()". */
export function eventLabel(c: Pick<ProbeCase, 'state' | 'label'>): string {
  const prefix = `${c.state}: `;
  return c.label.startsWith(prefix) ? c.label.slice(prefix.length) : c.label;
}

export function sentText(sent: readonly (readonly string[])[]): string {
  if (sent.length === 0) return 'nothing';
  return sent
    .map((flags) => flagsText(flags.filter((f) => f !== 'data')) + (flags.includes('data') ? ' with data' : ''))
    .join(', then ');
}

export function outcomeText(from: TcpState, o: TransitionOutcome): string {
  const move = o.next === from ? `stays in ${o.next}` : `enters ${o.next}`;
  return `Sends ${sentText(o.sent)}; ${move}`;
}

/** How each state is normally reached: context for "it does not enter X here". */
export const HOW_STATE_IS_REACHED: Record<TcpState, string> = {
  CLOSED: 'CLOSED is where a connection ends: after the 2MSL wait, the ACK of a FIN in LAST_ACK, an abort, or an accepted RST.',
  LISTEN: 'LISTEN is entered by listen(), or when a half-open connection from LISTEN is reset.',
  SYN_SENT: 'SYN_SENT follows a connect() from CLOSED.',
  SYN_RECEIVED: 'SYN_RECEIVED follows a SYN arriving at a listener, or SYNs crossing in SYN_SENT.',
  ESTABLISHED: 'ESTABLISHED needs a finished handshake: our SYN acknowledged.',
  FIN_WAIT_1: 'FIN_WAIT_1 follows our own close() while the connection is open.',
  FIN_WAIT_2: 'FIN_WAIT_2 follows the acknowledgement of our FIN while in FIN_WAIT_1.',
  CLOSE_WAIT: "CLOSE_WAIT follows the peer's FIN while the connection is open.",
  CLOSING: "CLOSING follows the peer's FIN in FIN_WAIT_1 when our own FIN is not yet acknowledged.",
  LAST_ACK: 'LAST_ACK follows close() in CLOSE_WAIT.',
  TIME_WAIT: "TIME_WAIT follows the peer's FIN once our own FIN has been acknowledged.",
};

/** States learners mix up with each other. */
export const CONFUSED_STATES: Record<TcpState, TcpState[]> = {
  CLOSED: ['TIME_WAIT', 'LISTEN', 'LAST_ACK'],
  LISTEN: ['CLOSED', 'SYN_RECEIVED'],
  SYN_SENT: ['SYN_RECEIVED', 'CLOSED'],
  SYN_RECEIVED: ['ESTABLISHED', 'SYN_SENT', 'LISTEN'],
  ESTABLISHED: ['CLOSE_WAIT', 'FIN_WAIT_1', 'FIN_WAIT_2'],
  FIN_WAIT_1: ['FIN_WAIT_2', 'CLOSING', 'LAST_ACK'],
  FIN_WAIT_2: ['FIN_WAIT_1', 'TIME_WAIT', 'CLOSING'],
  CLOSE_WAIT: ['LAST_ACK', 'FIN_WAIT_2', 'CLOSING'],
  CLOSING: ['TIME_WAIT', 'LAST_ACK', 'FIN_WAIT_2'],
  LAST_ACK: ['CLOSED', 'TIME_WAIT', 'CLOSING'],
  TIME_WAIT: ['CLOSED', 'CLOSING', 'LAST_ACK'],
};

/** Replies learners expect in place of the real one: each is a list of segments (flag lists). */
export const COMMON_SENDS: readonly string[][][] = [[], [['ACK']], [['RST']], [['FIN', 'ACK']], [['RST', 'ACK']], [['SYN', 'ACK']]];

const isJust = (o: TransitionOutcome, flags: string[]) => o.sent.length === 1 && o.sent[0]!.join() === flags.join();

/**
 * Background for cases the code reports as "no transition", where the bare rule says little.
 * Each note is shown only when the outcome is the one it explains, so it can never contradict
 * what the simulator did.
 */
const NOTES: Array<{ keys: string[]; when: (o: TransitionOutcome, c: ProbeCase) => boolean; text: string }> = [
  {
    keys: ['old-data', 'future-data', 'fin-again'],
    when: (o, c) => isJust(o, ['ACK']) && o.next === c.state,
    text: 'The segment falls outside the receive window, so it is not acceptable: it is dropped and answered with an ACK that shows what is expected next',
  },
  {
    keys: ['rst-inside'],
    when: (o, c) => isJust(o, ['ACK']) && o.next === c.state,
    text: 'An RST in the window but not exactly at RCV.NXT may be forged, so it gets a "challenge ACK" (RFC 5961) instead of ending the connection',
  },
  {
    keys: ['syn'],
    when: (o, c) => c.state === 'TIME_WAIT' && isJust(o, ['ACK']) && o.next === c.state,
    text: "This SYN's sequence number is not above RCV.NXT, so the Berkeley rule cannot open a new incarnation: the SYN is refused with an ACK",
  },
  {
    keys: ['syn', 'syn-ack'],
    when: (o, c) => isJust(o, ['ACK']) && o.next === c.state,
    text: 'A SYN on a synchronized connection gets a challenge ACK (RFC 5961 §4) rather than resetting it',
  },
  {
    keys: ['ack-unsent'],
    when: (o, c) => isJust(o, ['ACK']) && o.next === c.state,
    text: 'An ACK of something never sent is answered with an ACK and the segment is dropped',
  },
  {
    keys: ['syn-ack', 'ack', 'data', 'fin', 'syn'],
    when: (o, c) => c.state === 'CLOSED' || c.state === 'LISTEN' ? o.sent.length === 1 && o.sent[0]!.includes('RST') : false,
    text: 'There is no connection for this segment, so it is answered with a reset',
  },
  {
    keys: ['rto'],
    when: (o, c) => o.sent.length > 0 && o.next === c.state,
    text: 'The timer fired before the last segment was acknowledged, so that segment is sent again',
  },
];

/** One sentence naming the rule behind the right answer, always citing the RFC section. */
export function ruleSentence(c: ProbeCase, rule: string, o: TransitionOutcome): string {
  const note = NOTES.find((n) => n.keys.includes(c.key) && n.when(o, c));
  if (rule !== 'no transition') return `${rule}${note ? `. ${note.text}` : ''} (${c.rfc})`;
  const stays = `It stays in ${c.state}`;
  if (note) return `${note.text}. ${stays} (${c.rfc})`;
  return `${stays} and ${o.sent.length === 0 ? 'sends nothing' : `sends ${sentText(o.sent)}`}: the event changes nothing here (${c.rfc})`;
}
