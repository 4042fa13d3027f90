/**
 * Scenario questions, as data: where to pause a built-in scenario, and the wrong answers worth
 * offering. The right answer is NOT written here: the generator runs the scenario on from the
 * pause and reads it off the trace. `expected` records what we believe it is, so that `why`
 * (which explains it) is only shown while the simulation still agrees; a test checks it.
 */
import type { Condition } from '../sim/condition.js';
import type { TraceKind } from '../sim/trace.js';
import type { HostName } from '../sim/types.js';
import type { EventSummary } from './eventSummary.js';
import type { LessonId } from './types.js';

export interface ScenarioQuestionSpec {
  id: string;
  scenario: string;
  seed?: number;
  pauseAt: Condition;
  prompt: string;
  /** Only events at this end count as "what happens next". */
  watch?: HostName;
  /** Which kinds of trace event count (default: send, drop, state, alert). */
  significant?: TraceKind[];
  expected: string;
  why: string;
  distractors: Array<{ event: EventSummary; why: string }>;
  lessons: LessonId[];
  topic: string;
  source: string;
}

export const SCENARIO_QUESTIONS: readonly ScenarioQuestionSpec[] = [
  {
    id: 'scenario:normal-close:after-first-fin',
    scenario: 'normal-close',
    pauseAt: { kind: 'state', host: 'client', state: 'FIN_WAIT_1' },
    prompt: 'The client has just closed: it sent FIN,ACK and is in FIN_WAIT_1. What happens next?',
    expected: 'The server moves from ESTABLISHED to CLOSE_WAIT',
    why: 'The FIN reaches the server, which acknowledges it and waits in CLOSE_WAIT for its own application to close.',
    distractors: [
      { event: { kind: 'send', host: 'server', flags: ['FIN', 'ACK'] }, why: 'The server sends its FIN only when its application closes, later.' },
      { event: { kind: 'state', host: 'server', from: 'ESTABLISHED', to: 'FIN_WAIT_1' }, why: 'FIN_WAIT_1 is for the end that closes first; the server is closing second.' },
      { event: { kind: 'state', host: 'client', from: 'FIN_WAIT_1', to: 'FIN_WAIT_2' }, why: 'The client needs the ACK of its FIN first, and that has not arrived yet.' },
      { event: { kind: 'state', host: 'client', from: 'FIN_WAIT_1', to: 'TIME_WAIT' }, why: 'TIME_WAIT comes only after the peer’s FIN, which has not been sent.' },
    ],
    lessons: ['the-close'],
    topic: 'After the first FIN',
    source: 'RFC 9293 §3.6, §3.10.7.4',
  },
  {
    id: 'scenario:normal-close:half-closed',
    scenario: 'normal-close',
    pauseAt: { kind: 'state', host: 'client', state: 'FIN_WAIT_2' },
    prompt: 'The client’s FIN has been acknowledged; it is in FIN_WAIT_2 and the server in CLOSE_WAIT. What happens next?',
    expected: 'The server moves from CLOSE_WAIT to LAST_ACK',
    why: 'The server application closes too, so the server sends its own FIN and waits for it to be acknowledged in LAST_ACK.',
    distractors: [
      { event: { kind: 'state', host: 'client', from: 'FIN_WAIT_2', to: 'TIME_WAIT' }, why: 'The client enters TIME_WAIT only once the server’s FIN arrives.' },
      { event: { kind: 'send', host: 'server', flags: ['RST'] }, why: 'Nothing is wrong, so nobody resets; the close continues normally.' },
      { event: { kind: 'send', host: 'client', flags: ['FIN', 'ACK'], retransmission: true }, why: 'The client’s FIN was acknowledged, so there is nothing to resend.' },
    ],
    lessons: ['the-close'],
    topic: 'The second FIN',
    source: 'RFC 9293 §3.6',
  },
  {
    id: 'scenario:normal-close:last-ack',
    scenario: 'normal-close',
    pauseAt: { kind: 'state', host: 'client', state: 'TIME_WAIT' },
    prompt: 'The client has received the server’s FIN, sent the final ACK, and entered TIME_WAIT. What happens next?',
    expected: 'The server moves from LAST_ACK to CLOSED',
    why: 'The final ACK reaches the server, whose FIN is now acknowledged, so it is done. The client keeps waiting.',
    distractors: [
      { event: { kind: 'state', host: 'client', from: 'TIME_WAIT', to: 'CLOSED' }, why: 'The client stays in TIME_WAIT for the full 2MSL first.' },
      { event: { kind: 'send', host: 'server', flags: ['FIN', 'ACK'], retransmission: true }, why: 'The server resends its FIN only if the ACK is lost, and here it arrives.' },
      { event: { kind: 'state', host: 'server', from: 'LAST_ACK', to: 'TIME_WAIT' }, why: 'The passive closer never enters TIME_WAIT.' },
    ],
    lessons: ['the-close'],
    topic: 'The final ACK arrives',
    source: 'RFC 9293 §3.10.7.4 (LAST-ACK)',
  },
  {
    id: 'scenario:normal-close:wait-ends',
    scenario: 'normal-close',
    pauseAt: { kind: 'state', host: 'server', state: 'CLOSED' },
    prompt: 'The server is CLOSED; the client is still in TIME_WAIT. What is the next thing to happen?',
    expected: 'The client moves from TIME_WAIT to CLOSED',
    why: 'Nothing else is in flight, so the next event is the 2MSL timer expiring and the client closing.',
    distractors: [
      { event: { kind: 'send', host: 'client', flags: ['ACK'] }, why: 'The client sends another ACK only if a FIN arrives again, and none does.' },
      { event: { kind: 'send', host: 'client', flags: ['RST'] }, why: 'TIME_WAIT ends quietly; no reset is sent.' },
      { event: { kind: 'state', host: 'server', from: 'CLOSED', to: 'LISTEN' }, why: 'The listening socket is separate and never left LISTEN; this connection just ends.' },
    ],
    lessons: ['msl'],
    topic: 'TIME_WAIT runs out',
    source: 'RFC 9293 §3.10.8 (time-wait timeout)',
  },
  {
    id: 'scenario:lost-final-ack:after-drop',
    scenario: 'lost-final-ack',
    pauseAt: { kind: 'segment', on: 'drop', from: 'client', flags: ['ACK'], exact: true },
    prompt: 'The client’s final ACK has just been lost in the network. The client is in TIME_WAIT, the server in LAST_ACK. What happens next?',
    expected: 'The server sends FIN,ACK again (a retransmission)',
    why: 'The server never sees its FIN acknowledged, so its retransmission timer fires and it sends the FIN again.',
    distractors: [
      { event: { kind: 'state', host: 'server', from: 'LAST_ACK', to: 'CLOSED' }, why: 'Without the ACK the server cannot know its FIN arrived, so it cannot close yet.' },
      { event: { kind: 'send', host: 'client', flags: ['ACK'], retransmission: true }, why: 'The client does not know the ACK was lost; an ACK is never retransmitted on a timer.' },
      { event: { kind: 'state', host: 'client', from: 'TIME_WAIT', to: 'CLOSED' }, why: 'The client is still in its 2MSL wait, which is exactly what saves the day here.' },
    ],
    lessons: ['lost-final-ack'],
    topic: 'The lost final ACK',
    source: 'RFC 9293 §3.10.7.4, §3.10.8 (retransmission timeout)',
  },
  {
    id: 'scenario:lost-final-ack:fin-again',
    scenario: 'lost-final-ack',
    pauseAt: { kind: 'segment', on: 'send', from: 'server', flags: ['FIN'], retransmission: true },
    prompt: 'The server has just retransmitted its FIN. The client is still in TIME_WAIT. What does the client do next?',
    watch: 'client',
    expected: 'The client sends ACK',
    why: 'Because it kept the connection in TIME_WAIT, the client can acknowledge the repeated FIN (and restart its 2MSL timer).',
    distractors: [
      { event: { kind: 'send', host: 'client', flags: ['RST'] }, why: 'An RST is what a host with no connection would send: the failure TIME_WAIT prevents.' },
      { event: { kind: 'state', host: 'client', from: 'TIME_WAIT', to: 'CLOSED' }, why: 'A repeated FIN restarts the wait rather than ending it.' },
      { event: { kind: 'send', host: 'client', flags: ['FIN', 'ACK'] }, why: 'The client already sent its FIN long ago and had it acknowledged.' },
    ],
    lessons: ['lost-final-ack'],
    topic: 'A FIN in TIME_WAIT',
    source: 'RFC 9293 §3.10.7.4 (TIME-WAIT)',
  },
  {
    id: 'scenario:simultaneous-close:fins-cross',
    scenario: 'simultaneous-close',
    pauseAt: { kind: 'state', host: 'client', state: 'FIN_WAIT_1' },
    watch: 'client',
    prompt: 'Both applications close at the same moment. The client has sent its FIN and is in FIN_WAIT_1; the server’s FIN is already on its way. What does the client do next?',
    expected: 'The client moves from FIN_WAIT_1 to CLOSING',
    why: 'The server’s FIN arrives before any ACK of the client’s own FIN, which is the simultaneous-close path through CLOSING.',
    distractors: [
      { event: { kind: 'state', host: 'client', from: 'FIN_WAIT_1', to: 'FIN_WAIT_2' }, why: 'FIN_WAIT_2 needs the ACK of our FIN first; here the peer’s FIN arrives first.' },
      { event: { kind: 'state', host: 'client', from: 'FIN_WAIT_1', to: 'CLOSE_WAIT' }, why: 'CLOSE_WAIT is for an end that has not closed yet; this one already has.' },
      { event: { kind: 'state', host: 'client', from: 'FIN_WAIT_1', to: 'TIME_WAIT' }, why: 'Going straight to TIME_WAIT needs a FIN that also acknowledges ours, and this one does not.' },
    ],
    lessons: ['the-close'],
    topic: 'Simultaneous close',
    source: 'RFC 9293 §3.6 (simultaneous close)',
  },
  {
    id: 'scenario:simultaneous-close:closing',
    scenario: 'simultaneous-close',
    pauseAt: { kind: 'state', host: 'client', state: 'CLOSING' },
    watch: 'client',
    prompt: 'In a simultaneous close the client is now in CLOSING, waiting for the ACK of its FIN. What does the client do next?',
    expected: 'The client moves from CLOSING to TIME_WAIT',
    why: 'The ACK of its FIN arrives; both directions are closed, and since it closed actively it waits 2MSL.',
    distractors: [
      { event: { kind: 'state', host: 'client', from: 'CLOSING', to: 'CLOSED' }, why: 'Both ends closed actively here, so both must wait in TIME_WAIT first.' },
      { event: { kind: 'state', host: 'client', from: 'CLOSING', to: 'LAST_ACK' }, why: 'LAST_ACK belongs to the passive close path, after CLOSE_WAIT.' },
      { event: { kind: 'send', host: 'client', flags: ['FIN', 'ACK'], retransmission: true }, why: 'Its FIN is acknowledged in time, so no retransmission is needed.' },
    ],
    lessons: ['the-close'],
    topic: 'Leaving CLOSING',
    source: 'RFC 9293 §3.10.7.4 (CLOSING)',
  },
  {
    id: 'scenario:abort-rst:reset',
    scenario: 'abort-rst',
    pauseAt: { kind: 'segment', on: 'send', from: 'client', flags: ['RST'] },
    watch: 'server',
    prompt: 'The client aborted the connection (SO_LINGER 0) and sent an RST. What does the server do next?',
    expected: 'The server moves from ESTABLISHED to CLOSED',
    why: 'An acceptable RST ends the connection at once; the server application sees a reset. No FINs, and no TIME_WAIT anywhere.',
    distractors: [
      { event: { kind: 'send', host: 'server', flags: ['ACK'] }, why: 'An RST is never acknowledged.' },
      { event: { kind: 'state', host: 'server', from: 'ESTABLISHED', to: 'CLOSE_WAIT' }, why: 'CLOSE_WAIT follows a FIN, an orderly close; an RST is not one.' },
      { event: { kind: 'send', host: 'server', flags: ['RST'] }, why: 'Answering an RST with an RST would never end; RFC 9293 forbids it.' },
    ],
    lessons: ['in-practice'],
    topic: 'An abort',
    source: 'RFC 9293 §3.10.5, §3.10.7.4 (RST)',
  },
  {
    id: 'scenario:new-incarnation:reconnect',
    scenario: 'new-incarnation',
    pauseAt: { kind: 'state', host: 'client', state: 'TIME_WAIT' },
    watch: 'client',
    significant: ['app', 'send', 'state'],
    prompt: 'The client is in TIME_WAIT, and its application will soon connect again from the same port 1500 to the same server. What does the client see next?',
    expected: 'The client\'s application gets EADDRINUSE (address already in use)',
    why: 'The 4-tuple is still in TIME_WAIT, so a new incarnation is refused until the 2MSL wait is over.',
    distractors: [
      { event: { kind: 'send', host: 'client', flags: ['SYN'] }, why: 'A SYN would start a new incarnation while old segments may still be about: that is what TIME_WAIT forbids.' },
      { event: { kind: 'state', host: 'client', from: 'TIME_WAIT', to: 'CLOSED' }, why: 'The reconnect comes long before the 2MSL wait is over.' },
      { event: { kind: 'app', host: 'client', event: 'connected' }, why: 'Connecting needs a handshake, and none can start on this 4-tuple yet.' },
    ],
    lessons: ['wandering-duplicates', 'in-practice'],
    topic: 'Reconnecting during TIME_WAIT',
    source: 'RFC 1122 §4.2.2.13; RFC 9293 §3.4.1',
  },
  {
    id: 'scenario:berkeley-exception:syn-in-time-wait',
    scenario: 'berkeley-exception',
    pauseAt: { kind: 'segment', on: 'send', from: 'client', flags: ['SYN'], nth: 2 },
    watch: 'server',
    significant: ['send'],
    prompt: 'The server closed first and is in TIME_WAIT. The client now sends a new SYN whose sequence number is higher than anything the old connection used. What does the server send?',
    expected: 'The server sends SYN,ACK',
    why: 'Under the Berkeley rule a SYN numbered above the old connection’s final sequence number may open a new incarnation, so the server accepts it.',
    distractors: [
      { event: { kind: 'send', host: 'server', flags: ['ACK'] }, why: 'An ACK is how a TIME_WAIT end refuses a SYN; this SYN passes the sequence-number test.' },
      { event: { kind: 'send', host: 'server', flags: ['RST'] }, why: 'There is a listener and the SYN is acceptable, so there is nothing to reset.' },
      { event: { kind: 'send', host: 'server', flags: ['FIN', 'ACK'], retransmission: true }, why: 'The server’s FIN was acknowledged long ago; it has nothing to resend.' },
    ],
    lessons: ['the-exception'],
    topic: 'A SYN meets TIME_WAIT',
    source: 'RFC 1122 §4.2.2.13',
  },
];
