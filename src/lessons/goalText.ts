/**
 * A condition (src/sim/condition.ts) said in plain English, for the learner: the goal of a run
 * step, the goal of a challenge. describeCondition() there stays terse and exact for lint
 * messages; this one names what the screen shows ("the client retransmits its FIN") and never
 * shows the data's spelling (no `nth`, no alert ids, no `kind`).
 *
 * The result is a clause without a capital or a full stop, so a caller can write
 * "Goal: <clause>." or "Challenge: <clause>.".
 */
import type { Condition } from '../sim/condition.js';
import type { AlertName, AppEventName } from '../sim/trace.js';
import { FLAG_ORDER, type Flag, type HostName } from '../sim/types.js';

type SegmentCondition = Extract<Condition, { kind: 'segment' }>;

const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** "for the second time", "for the 200th time"; nothing for the first. */
export function nthPhrase(nth: number | undefined): string {
  if (nth === undefined || nth <= 1) return '';
  return ` for the ${ordinal(nth)} time`;
}

function ordinal(n: number): string {
  if (n < ORDINALS.length) return ORDINALS[n]!;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function the(host: HostName | undefined, fallback: string): string {
  return host ? `the ${host}` : fallback;
}

/** What each application event looks like to the application, as a verb phrase. */
const APP_EVENTS: Record<AppEventName, string> = {
  listening: 'starts listening for connections',
  connected: 'sees its connection established',
  data: 'receives data',
  eof: 'reads end of file (the peer has closed its side)',
  closed: 'is told the connection is closed',
  ECONNRESET: 'gets a "connection reset" error (ECONNRESET)',
  ECONNREFUSED: 'gets a "connection refused" error (ECONNREFUSED)',
  EADDRINUSE: 'gets an "address already in use" error (EADDRINUSE)',
  ETIMEDOUT: 'gives up with a "connection timed out" error (ETIMEDOUT)',
  EADDRNOTAVAIL: 'gets a "cannot assign requested address" error (EADDRNOTAVAIL)',
  EPIPE: 'gets a "broken pipe" error (EPIPE) on send',
};

/** What each alert means, in the words of the lessons (the id is for tools, not learners). */
const ALERTS: Record<AlertName, string> = {
  'old-duplicate-accepted': 'an old duplicate from an earlier connection is accepted by a newer one',
};

/**
 * The segment a condition picks, as a noun phrase ("a FIN", "an RST", "a bare ACK", "data").
 * Flags are named as the ladder labels them; ACK is left out beside FIN and data, as there.
 */
export function segmentNoun(c: Pick<SegmentCondition, 'flags' | 'exact' | 'data'>): string {
  const flags = c.flags ? FLAG_ORDER.filter((f) => c.flags!.includes(f)) : [];
  if (flags.length === 0) {
    if (c.data === true) return 'a segment carrying data';
    if (c.data === false) return 'a segment with no data';
    return 'a segment';
  }
  if (flags.length === 1 && flags[0] === 'ACK') {
    if (c.exact) return 'a bare ACK (no data, no other flags)';
    if (c.data === true) return 'a segment carrying data';
    return 'a segment that carries an ACK';
  }
  const shown: Flag[] = flags.includes('FIN') && !c.exact ? flags.filter((f) => f !== 'ACK') : flags;
  const name = shown.join(',');
  const data = c.data === true ? ' carrying data' : c.data === false && !shown.includes('SYN') && !shown.includes('RST') ? ' with no data' : '';
  const only = c.exact && shown.length > 1 ? ' (and no other flags)' : c.exact && shown[0] !== 'ACK' ? ' (with no other flags)' : '';
  return `${article(name)} ${name}${data}${only}`;
}

/** Flag names are said as words (a FIN, a SYN, an ACK) except RST, which is spelled out. */
function article(name: string): string {
  return name.startsWith('RST') || name.startsWith('ACK') ? 'an' : 'a';
}

function segmentClause(c: SegmentCondition): string {
  const noun = segmentNoun(c);
  const nth = nthPhrase(c.nth);
  const peer = c.from === 'client' ? 'the server' : c.from === 'server' ? 'the client' : 'the other end';
  // "a FIN" -> "its FIN", for the sender's own segment.
  const its = noun === 'a segment carrying data' ? 'its data' : noun.replace(/^an? /, 'its ');
  const retx = c.retransmission === true;
  const firstOnly = c.retransmission === false ? ' (a first transmission, not a retransmission)' : '';
  switch (c.on) {
    case 'send':
      if (retx) return c.from ? `the ${c.from} retransmits ${its}${nth}` : `${noun} is retransmitted${nth}`;
      return c.from ? `the ${c.from} sends ${noun}${firstOnly}${nth}` : `either end sends ${noun}${firstOnly}${nth}`;
    case 'deliver': {
      const what = retx ? noun.replace(/^an? /, 'a retransmitted ') : noun;
      return c.from ? `${what} from the ${c.from} reaches ${peer}${firstOnly}${nth}` : `${what} reaches the other end${firstOnly}${nth}`;
    }
    case 'drop': {
      const what = retx ? noun.replace(/^an? /, 'a retransmitted ') : noun;
      return `${what}${c.from ? ` from the ${c.from}` : ''} is lost in the network${firstOnly}${nth}`;
    }
  }
}

/** The condition as a clause a learner can act on. */
export function goalText(c: Condition): string {
  switch (c.kind) {
    case 'state': {
      const who = the(c.host, 'either end');
      const from = c.fromState ? ` from ${c.fromState}` : '';
      return `${who} moves${from} to ${c.state}${nthPhrase(c.nth)}`;
    }
    case 'segment':
      return segmentClause(c);
    case 'app':
      return `${c.host ? `the ${c.host} application` : 'an application'} ${APP_EVENTS[c.event]}${nthPhrase(c.nth)}`;
    case 'timer': {
      const timer = c.timer === '2MSL' ? '2MSL timer' : c.timer === 'FIN_WAIT_2' ? 'FIN_WAIT_2 timeout' : c.timer === 'DELACK' ? 'delayed-ACK timer' : 'retransmission timer';
      const whose = c.host ? `the ${c.host}'s ${timer}` : `a ${timer}`;
      const nth = nthPhrase(c.nth);
      if (c.action === 'start') return c.host ? `the ${c.host} starts its ${timer}${nth}` : `${whose} starts${nth}`;
      if (c.action === 'restart') return c.host ? `the ${c.host} restarts its ${timer}${nth}` : `${whose} is restarted${nth}`;
      return `${whose} ${c.action === 'expire' ? 'expires' : 'is cancelled'}${nth}`;
    }
    case 'alert':
      return `${ALERTS[c.alert]}${nthPhrase(c.nth)}`;
    case 'time':
      return `the clock reaches ${c.seconds} s`;
    case 'quiet':
      return 'nothing is left to happen';
  }
}
