/**
 * The retransmission timer's length, and the tail-loss probe that can run on it first.
 *
 * - 'initial' (the `rtoEstimator` policy): every flight starts at `initialRtoSeconds` and doubles
 *   on each expiry; nothing is measured. The simulation's original, easy-to-read timing.
 * - 'rfc6298': RFC 6298 §2. The first RTT sample R gives SRTT = R, RTTVAR = R/2; later ones
 *   RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R|, SRTT = 7/8 SRTT + 1/8 R; RTO = SRTT + 4 RTTVAR, at
 *   least 1 s (§2.4). Samples are taken only from segments never retransmitted (Karn, §3).
 * - 'linux': the same estimator, but the floor of 200 ms (TCP_RTO_MIN) applies to the variance
 *   term: RTO = SRTT + max(4 RTTVAR, 200 ms) (tcp_rtt_estimator, __tcp_set_rto in
 *   net/ipv4/tcp_input.c). Until a sample exists the RTO is the initial 1 s (TCP_TIMEOUT_INIT).
 *
 * The tail-loss probe (RFC 8985 §7; Linux tcp_schedule_loss_probe, net/ipv4/tcp_output.c) shares
 * the retransmission timer, as the kernel's ICSK_TIME_LOSS_PROBE does: after sending, the timer is
 * armed for PTO = 2 SRTT + 200 ms when one segment is in flight (2 SRTT + 10 ms otherwise), capped
 * at the RTO. When it fires, the last segment is sent again and the full RTO is armed; that
 * resend is not counted as a retransmission for the give-up limit.
 */
import type { Micros } from '../time.js';
import type { TcpContext } from './context.js';
import type { Tcb } from './tcb.js';

/** Linux's TCP_RTO_MIN. */
export const LINUX_RTO_MIN_US = 200_000;
/** RFC 6298 §2.4: "the RTO SHOULD be rounded up to 1 second". */
export const RFC6298_RTO_MIN_US = 1_000_000;
/** Linux's TCP_TIMEOUT_MIN: two jiffies, about 10 ms at the common HZ values. */
export const TCP_TIMEOUT_MIN_US = 10_000;
/** The longest the back-off lets the RTO grow (RFC 6298 §2.5 allows an upper bound >= 60 s). */
export const MAX_RTO_US = 60_000_000;

export function initialRto(ctx: TcpContext): Micros {
  return Math.round(ctx.policies.initialRtoSeconds * 1_000_000);
}

/** The RTO for a fresh flight: from the estimate if there is one, else the initial value. */
export function baseRto(ctx: TcpContext, tcb: Tcb): Micros {
  const mode = ctx.policies.rtoEstimator;
  if (mode === 'initial' || tcb.srtt === null) return initialRto(ctx);
  const rto = mode === 'linux' ? tcb.srtt + Math.max(4 * tcb.rttvar, LINUX_RTO_MIN_US) : Math.max(RFC6298_RTO_MIN_US, tcb.srtt + 4 * tcb.rttvar);
  return Math.min(MAX_RTO_US, Math.round(rto));
}

/** Feed one RTT measurement to the estimator (RFC 6298 §2.2, §2.3). */
export function sampleRtt(ctx: TcpContext, tcb: Tcb, r: Micros): void {
  if (ctx.policies.rtoEstimator === 'initial') return;
  if (tcb.srtt === null) {
    tcb.srtt = r;
    tcb.rttvar = r / 2;
  } else {
    tcb.rttvar = 0.75 * tcb.rttvar + 0.25 * Math.abs(tcb.srtt - r);
    tcb.srtt = 0.875 * tcb.srtt + 0.125 * r;
  }
}

function probeApplies(ctx: TcpContext, tcb: Tcb): boolean {
  return (
    ctx.policies.tailLossProbe &&
    ctx.policies.rtoEstimator !== 'initial' &&
    tcb.srtt !== null &&
    tcb.retries === 0 &&
    !tcb.probeSent &&
    tcb.state !== 'SYN_SENT' &&
    tcb.state !== 'SYN_RECEIVED'
  );
}

/**
 * Arm the retransmission timer for what is in flight: as a tail-loss probe if the policy and
 * the moment allow one, else for the current RTO.
 */
export function armRetransmitTimer(ctx: TcpContext, tcb: Tcb): void {
  if (probeApplies(ctx, tcb)) {
    const extra = tcb.unacked.length === 1 ? LINUX_RTO_MIN_US : TCP_TIMEOUT_MIN_US;
    tcb.probeArmed = true;
    ctx.startTimer(tcb, 'RTO', Math.min(Math.round(2 * tcb.srtt! + extra), tcb.rto));
    return;
  }
  tcb.probeArmed = false;
  ctx.startTimer(tcb, 'RTO', tcb.rto);
}
