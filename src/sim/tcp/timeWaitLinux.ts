/**
 * TIME_WAIT as the Linux kernel handles it (the 'linux' value of the `timeWaitSegments`
 * policy), after net/ipv4/tcp_minisocks.c, tcp_timewait_state_process:
 *
 * - A segment exactly at RCV.NXT with no length is a bare ACK or an RST. The RST ends TIME_WAIT
 *   (TIME-WAIT assassination, unless tcp_rfc1337=1, our `rstInTimeWait: 'ignore'`); the bare ACK
 *   gets no reply and restarts the 60 s timer.
 * - A SYN without ACK may open a new incarnation (RFC 1122 §4.2.2.13, the Berkeley rule).
 * - Any other segment that is not an RST is answered with <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>
 *   (old duplicates, new data, a retransmitted FIN, a SYN,ACK) and, if it carries ACK, restarts
 *   the timer. A bare SYN does not restart it. Only SYNs and empty segments are rate-limited
 *   (tcp_oow_rate_limited); a FIN or data is always answered.
 * - Any other RST (in the window but SEQ != RCV.NXT, or outside it) is silently ignored; RFC 5961's
 *   challenge ACK is not sent from TIME_WAIT.
 */
import { seqGt } from '../seq.js';
import { segLen, type Segment } from '../types.js';
import { timeWaitSeconds } from '../policy.js';
import type { TcpContext } from './context.js';
import { ackInvalid, sendAck } from './output.js';
import type { Tcb } from './tcb.js';
import { hasNewerTimestamp, pawsRejects, updateTsRecent } from './timestamps.js';

function restartTimer(ctx: TcpContext, tcb: Tcb): void {
  ctx.startTimer(tcb, '2MSL', Math.round(timeWaitSeconds(ctx.policies) * 1_000_000));
}

export function segmentInTimeWaitLinux(ctx: TcpContext, tcb: Tcb, seg: Segment): void {
  const len = segLen(seg);
  const pawsReject = pawsRejects(tcb, seg);
  if (!pawsReject && seg.seq === tcb.rcvNxt && (len === 0 || seg.flags.RST)) {
    if (seg.flags.RST) {
      if (ctx.policies.rstInTimeWait === 'ignore') return;
      ctx.setState(tcb, 'CLOSED', 'RST with SEQ = RCV.NXT in TIME_WAIT (TIME-WAIT assassination)');
      return;
    }
    // A bare ACK: nothing is sent, and the timer starts again (inet_twsk_reschedule).
    if (seg.flags.ACK) restartTimer(ctx, tcb);
    updateTsRecent(ctx, tcb, seg);
    return;
  }
  if (seg.flags.SYN && !seg.flags.ACK && !seg.flags.RST && !pawsReject) {
    const greater = seqGt(seg.seq, tcb.rcvNxt);
    if (ctx.policies.berkeleySynInTimeWait && (greater || hasNewerTimestamp(tcb, seg)) && ctx.hasListener(tcb.local.port)) {
      ctx.cancelTimer(tcb, '2MSL');
      ctx.setState(tcb, 'CLOSED', greater ? 'SYN with a greater sequence number reopens the connection (Berkeley rule)' : 'SYN with a newer timestamp reopens the connection (RFC 6191)');
      ctx.deliverToListener(seg, tcb.sndNxt);
      return;
    }
  }
  if (seg.flags.RST) return; // silently ignored
  // PAWS-rejected segments restart the timer too (tcp_timewait_state_process: paws_reject || th->ack).
  if (seg.flags.ACK || pawsReject) restartTimer(ctx, tcb);
  // tcp_timewait_check_oow_rate_limit: a SYN or an empty segment is answered at most once per
  // 500 ms; a segment carrying data or a FIN always.
  if (seg.flags.SYN || len === 0) ackInvalid(ctx, tcb);
  else sendAck(ctx, tcb);
}
