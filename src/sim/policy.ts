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
  },
};

export function resolvePolicies(...layers: Array<Partial<Policies> | undefined>): Policies {
  return Object.assign({}, DEFAULT_POLICIES, ...layers.filter(Boolean)) as Policies;
}

/** How long TIME_WAIT lasts under these policies, in seconds. */
export function timeWaitSeconds(p: Policies): number {
  return p.timeWaitFixedSeconds ?? 2 * p.mslSeconds;
}
