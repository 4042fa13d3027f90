/**
 * Perturbations, alerts and losses in the words a learner reads on screen. The simulation's own
 * `detail` strings stay as they are for the headless text and JSON output (tools read them);
 * here a policy change is said from its values instead of as JSON, alert ids become sentences,
 * and routers, which the ladder does not draw, are not named.
 */
import type { Policies } from '../sim/policy.js';
import type { AlertName, DropReason, TraceEvent } from '../sim/trace.js';

type PerturbEvent = Extract<TraceEvent, { kind: 'perturb' }>;

/** One clause per policy value, saying the rule that now holds. */
const POLICY_WORDS: { [K in keyof Policies]: (v: Policies[K]) => string } = {
  mslSeconds: (v) => `MSL is now ${v} s`,
  timeWaitFixedSeconds: (v) => (v === null ? 'TIME_WAIT lasts 2 × MSL again' : `TIME_WAIT now lasts ${v} s, whatever the MSL`),
  timeWait: (v) => (v === 'off' ? 'TIME_WAIT is off: the end that closes first goes straight to CLOSED' : 'TIME_WAIT is on again'),
  berkeleySynInTimeWait: (v) =>
    v
      ? 'Berkeley rule on: a SYN with a higher sequence number may reopen a connection in TIME_WAIT'
      : 'Berkeley rule off: a SYN arriving in TIME_WAIT cannot reopen the connection',
  rstInTimeWait: (v) => (v === 'ignore' ? 'an RST arriving in TIME_WAIT is now ignored (RFC 1337)' : 'an RST arriving in TIME_WAIT now ends it'),
  reuseTimeWait: (v) => (v === 'allow' ? 'reuse of a 4-tuple in TIME_WAIT: now allowed' : 'reuse of a 4-tuple in TIME_WAIT: now refused (EADDRINUSE)'),
  initialRtoSeconds: (v) => `the first retransmission now waits ${v} s`,
  maxRetransmissions: (v) => `a segment is now sent again at most ${v} time${v === 1 ? '' : 's'} before the connection gives up`,
  initialTtl: (v) => `segments now leave with TTL ${v}`,
  abortSegment: (v) => (v === 'rst-ack' ? 'an abort now sends RST,ACK' : 'an abort now sends a bare RST'),
  timeWaitSegments: (v) =>
    v === 'linux'
      ? 'TIME_WAIT now follows Linux: any ACK restarts its timer, and data is ACKed'
      : 'TIME_WAIT now follows the RFC: only a retransmitted FIN restarts its timer',
  rtoEstimator: (v) =>
    v === 'initial'
      ? 'the retransmission timer now starts at its initial value and doubles'
      : v === 'linux'
        ? 'the retransmission timer now follows the measured round trip, at least 200 ms above it (Linux)'
        : 'the retransmission timer now follows the measured round trip (RFC 6298, at least 1 s)',
  tailLossProbe: (v) => (v ? 'the last segment in flight is now probed early (tail-loss probe)' : 'no tail-loss probe'),
  synSentStrayAck: (v) =>
    v === 'timeout-min' ? 'after resetting a stray ACK, a SYN is now resent within 10 ms' : 'after resetting a stray ACK, a SYN now waits for its timer',
  finWait2TimeoutSeconds: (v) => (v === null ? 'FIN_WAIT_2 now waits for the peer for ever' : `a closed socket now leaves FIN_WAIT_2 after ${v} s`),
  timestamps: (v) => (v ? 'segments now carry timestamps (RFC 7323), with PAWS' : 'segments no longer carry timestamps'),
  reuseCheck: (v) =>
    v === 'linux'
      ? 'reusing our own TIME_WAIT pair now needs timestamps, and starts 65537 past the old sequence numbers'
      : 'reusing our own TIME_WAIT pair now simply replaces it',
  tcpTwReuse: (v) => `tcp_tw_reuse is now ${v}`,
  ephemeralFirst: (v) => `ephemeral ports now start at ${v}`,
  ephemeralLast: (v) => `ephemeral ports now end at ${v}`,
  delayedAck: (v) => (v === 'linux' ? 'the ACK of a FIN may now wait 40 ms and ride on our own FIN' : 'the ACK of a FIN is now sent at once'),
  dataAfterClose: (v) => (v === 'reset' ? 'data arriving after close() is now answered with RST' : 'data arriving after close() is now delivered'),
  closeWithUnreadData: (v) => (v === 'reset' ? 'close() with unread data now sends RST instead of FIN' : 'close() with unread data now sends the usual FIN'),
};

export function policyChangeText(set: Partial<Policies>): string {
  const parts: string[] = [];
  for (const key of Object.keys(POLICY_WORDS) as Array<keyof Policies>) {
    if (!(key in set) || set[key] === undefined) continue;
    const say = POLICY_WORDS[key] as (v: unknown) => string;
    parts.push(say(set[key]));
  }
  return parts.length > 0 ? parts.join('; ') : 'the policies are unchanged';
}

/** A perturbation as it happened, in a sentence (no kind name in front). */
export function perturbText(ev: PerturbEvent): string {
  switch (ev.perturbation) {
    case 'policy':
      return ev.policies ? policyChangeText(ev.policies) : 'a policy changed';
    case 'loop':
      return oneLine(ev.detail).replace(/ between r\d+ and r\d+/, '');
    case 'loop-released':
      return oneLine(ev.detail).replace(/ leaves r\d+ after/, ' is released after');
    default:
      return oneLine(ev.detail);
  }
}

const ALERT_WORDS: Record<AlertName, string> = {
  'old-duplicate-accepted': 'an old duplicate was accepted',
};

/** An alert's name as words: "an old duplicate was accepted". */
export function alertText(alert: AlertName): string {
  return ALERT_WORDS[alert];
}

const DROP_WORDS: Record<DropReason, string> = {
  perturbation: 'dropped on purpose',
  'ttl-expired': 'its TTL ran out',
  'random-loss': 'random loss',
  'host-down': 'the host is down',
  'no-route': 'no route',
};

export function dropReasonText(reason: DropReason): string {
  return DROP_WORDS[reason];
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}
