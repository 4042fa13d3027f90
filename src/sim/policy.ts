/**
 * Policies: the switches a learner can flip. Where real stacks disagree with the RFC, the
 * difference is a named policy here rather than an accident of the code.
 */

export interface Policies {
  /** Maximum segment lifetime, seconds. RFC 1122 recommends 120; Berkeley stacks used 30. */
  mslSeconds: number;
  /**
   * If set, TIME_WAIT lasts exactly this long whatever the MSL (Linux: TCP_TIMEWAIT_LEN = 60 s).
   * If null, TIME_WAIT lasts 2 x MSL as RFC 9293 §3.10.7.4 says.
   */
  timeWaitFixedSeconds: number | null;
  /** 'rfc': the active closer waits in TIME_WAIT. 'off': the ablation; it goes straight to CLOSED. */
  timeWait: 'rfc' | 'off';
  /**
   * RFC 1122 §4.2.2.13 (the Berkeley rule): a SYN arriving for a connection in TIME_WAIT may open
   * a new incarnation when its sequence number is greater than the old RCV.NXT.
   */
  berkeleySynInTimeWait: boolean;
  /** RFC 1337: an RST arriving in TIME_WAIT is ignored ('ignore', fix F1) or ends it ('close'). */
  rstInTimeWait: 'close' | 'ignore';
  /** A connect() on a 4-tuple still in TIME_WAIT at this host: refused (EADDRINUSE) or allowed. */
  reuseTimeWait: 'refuse' | 'allow';
  /** Initial retransmission timeout, seconds (RFC 6298 §2.1 says 1 s). */
  initialRtoSeconds: number;
  /** Retransmissions of one segment before the connection gives up with ETIMEDOUT. */
  maxRetransmissions: number;
  /** TTL the hosts put on outgoing segments (IPv4: 8 bits, at most 255). */
  initialTtl: number;
  /** How an abort is sent: RFC 9293 §3.10.5 says RST; Linux sends RST carrying ACK. */
  abortSegment: 'rst' | 'rst-ack';
  /**
   * How a segment arriving in TIME_WAIT is handled. 'rfc': RFC 9293 §3.10.7.4 (only a
   * retransmitted FIN restarts the timer; an in-window RST elsewhere earns a challenge ACK).
   * 'linux': tcp_timewait_state_process (any non-RST segment with ACK restarts the 60 s timer,
   * data old or new is ACKed, an in-window RST with SEQ != RCV.NXT is silently ignored).
   */
  timeWaitSegments: 'rfc' | 'linux';
  /**
   * How the retransmission timeout is computed. 'initial': every segment starts at
   * `initialRtoSeconds` and doubles (no RTT measurement). 'rfc6298': RFC 6298 §2 from measured
   * RTTs, with its 1 s floor. 'linux': the same estimator with Linux's floor of 200 ms on the
   * variance term (TCP_RTO_MIN, tcp_set_rto / tcp_rtt_estimator).
   */
  rtoEstimator: 'initial' | 'rfc6298' | 'linux';
  /**
   * Tail-loss probe (RFC 8985 §7, Linux tcp_schedule_loss_probe): when the last segment in
   * flight is unanswered, resend it after 2 x SRTT + 200 ms (capped at the RTO) before the RTO fires.
   */
  tailLossProbe: boolean;
  /**
   * When a SYN_SENT endpoint answers a stray ACK with RST: 'rto' waits for the retransmission
   * timer as RFC 9293 §3.10.7.3 implies; 'timeout-min' resends the SYN after TCP_TIMEOUT_MIN
   * (about 10 ms), as tcp_rcv_synsent_state_process does when it has not yet retransmitted.
   */
  synSentStrayAck: 'rto' | 'timeout-min';
  /**
   * An orphaned FIN_WAIT_2 (the application called close(), not shutdown()) is dropped after this
   * many seconds (Linux: net.ipv4.tcp_fin_timeout = 60). null: it waits for the peer's FIN for ever,
   * as RFC 9293 §3.10.7.4 has it.
   */
  finWait2TimeoutSeconds: number | null;
  /**
   * Data arriving after close() (FIN_WAIT_1/FIN_WAIT_2 once the application closed, not merely
   * shut down sending). 'deliver': RFC 9293 §3.10.7.4 processes the text. 'reset': Linux answers
   * RST <SEQ=SEG.ACK> and goes to CLOSED with no TIME_WAIT (tcp_rcv_state_process, RCV_SHUTDOWN).
   */
  dataAfterClose: 'deliver' | 'reset';
  /**
   * close() while received data is still unread by the application. 'fin': RFC 9293 §3.10.4,
   * the usual FIN and the close that ends in TIME_WAIT. 'reset': Linux's tcp_close
   * (net/ipv4/tcp.c, data_was_unread) sends RST <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK> and goes
   * straight to CLOSED, no TIME_WAIT, so the peer learns the data was lost (RFC 2525 §2.17,
   * RFC 1122 §4.2.2.13).
   */
  closeWithUnreadData: 'fin' | 'reset';
  /**
   * The timestamps option (RFC 7323): offered on SYNs and used when both ends offer it. It brings
   * PAWS (§5), the RFC 6191 acceptance of a SYN into TIME_WAIT by a newer timestamp, and Linux's
   * reuse of its own TIME_WAIT pair (tcp_twsk_unique).
   */
  timestamps: boolean;
  /**
   * connect() onto this host's own 4-tuple in TIME_WAIT, when `reuseTimeWait` allows it.
   * 'plain': the old TCB is dropped and the ISN rule picks the new ISS. 'linux' (tcp_twsk_unique):
   * allowed only if the old connection used timestamps (else EADDRNOTAVAIL); the new ISS is the
   * old SND.NXT + 65537 and TS.Recent is inherited.
   */
  reuseCheck: 'plain' | 'linux';
  /**
   * net.ipv4.tcp_tw_reuse for ephemeral-port selection: 0 never takes a port whose 4-tuple is in
   * TIME_WAIT; 1 takes it if the old connection used timestamps and its last timestamp is at least
   * 1 s old; 2 does so only for loopback peers (Linux's default; the simulated peer is not loopback).
   */
  tcpTwReuse: 0 | 1 | 2;
  /**
   * The ephemeral port range (IANA 49152-65535; Linux's net.ipv4.ip_local_port_range is 32768-60999).
   * No preset sets it, so a scenario can give its own small range to show exhaustion.
   */
  ephemeralFirst: number;
  ephemeralLast: number;
  /**
   * The ACK of a FIN that arrives in ESTABLISHED. 'off': sent at once (RFC 9293 §3.10.7.4).
   * 'linux': delayed up to 40 ms (TCP_DELACK_MIN; tcp_fin puts the socket in pingpong mode), so
   * if the application closes in that time the ACK rides on its FIN: the three-segment close.
   */
  delayedAck: 'off' | 'linux';
}

export type PolicyPresetName = 'rfc1122' | 'bsd' | 'linux';

export const DEFAULT_POLICIES: Policies = {
  mslSeconds: 30,
  timeWaitFixedSeconds: null,
  timeWait: 'rfc',
  berkeleySynInTimeWait: true,
  rstInTimeWait: 'close',
  reuseTimeWait: 'refuse',
  initialRtoSeconds: 1,
  maxRetransmissions: 6,
  initialTtl: 64,
  abortSegment: 'rst',
  timeWaitSegments: 'rfc',
  rtoEstimator: 'initial',
  tailLossProbe: false,
  synSentStrayAck: 'rto',
  finWait2TimeoutSeconds: null,
  dataAfterClose: 'deliver',
  closeWithUnreadData: 'fin',
  timestamps: false,
  reuseCheck: 'plain',
  tcpTwReuse: 0,
  ephemeralFirst: 49152,
  ephemeralLast: 65535,
  delayedAck: 'off',
};

/** The durations real systems chose (see shared/reference/tcp-rules.md, "Durations"). */
export const POLICY_PRESETS: Record<PolicyPresetName, Partial<Policies>> = {
  rfc1122: { mslSeconds: 120, timeWaitFixedSeconds: null, berkeleySynInTimeWait: false },
  bsd: { mslSeconds: 30, timeWaitFixedSeconds: null, berkeleySynInTimeWait: true },
  linux: {
    mslSeconds: 30,
    timeWaitFixedSeconds: 60,
    berkeleySynInTimeWait: true,
    rstInTimeWait: 'close',
    abortSegment: 'rst-ack',
    timeWaitSegments: 'linux',
    rtoEstimator: 'linux',
    tailLossProbe: true,
    synSentStrayAck: 'timeout-min',
    finWait2TimeoutSeconds: 60,
    dataAfterClose: 'reset',
    closeWithUnreadData: 'reset',
    timestamps: true,
    reuseCheck: 'linux',
    tcpTwReuse: 2,
    delayedAck: 'linux',
  },
};

export function resolvePolicies(...layers: Array<Partial<Policies> | undefined>): Policies {
  return Object.assign({}, DEFAULT_POLICIES, ...layers.filter(Boolean)) as Policies;
}

/** How long TIME_WAIT lasts under these policies, in seconds. */
export function timeWaitSeconds(p: Policies): number {
  return p.timeWaitFixedSeconds ?? 2 * p.mslSeconds;
}
