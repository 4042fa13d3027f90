/**
 * A segment arriving in SYN_SENT (RFC 9293 §3.10.7.3).
 */
import { seqAdd, seqGt, seqLe } from '../seq.js';
import type { Segment } from '../types.js';
import type { TcpContext } from './context.js';
import { resetFor, sendAck, sendReliable } from './output.js';
import { isOldDuplicate, type Tcb } from './tcb.js';
import { onEstablished } from './userCalls.js';
import { acknowledge } from './ackProcessing.js';
import { TCP_TIMEOUT_MIN_US } from './rto.js';
import { negotiateTimestamps } from './timestamps.js';
import { SYN_ACK } from './flagSets.js';

export function segmentInSynSent(ctx: TcpContext, tcb: Tcb, seg: Segment): void {
  // First, the ACK bit: an ACK for something we never sent (for example the ACK that a
  // peer's TIME_WAIT sends to our new SYN) gets <SEQ=SEG.ACK><CTL=RST>.
  let ackOk = false;
  if (seg.flags.ACK) {
    if (seqLe(seg.ack, tcb.iss) || seqGt(seg.ack, tcb.sndNxt)) {
      if (seg.flags.RST) return;
      resetFor(ctx, seg);
      // Linux (the 'timeout-min' policy, tcp_rcv_synsent_state_process): if the SYN has not been
      // resent yet, resend it after TCP_TIMEOUT_MIN, since that RST may just have ended the
      // peer's TIME_WAIT and the retry will now be accepted.
      if (ctx.policies.synSentStrayAck === 'timeout-min' && tcb.retries === 0) ctx.startTimer(tcb, 'RTO', TCP_TIMEOUT_MIN_US);
      return;
    }
    ackOk = seqLe(tcb.sndUna, seg.ack) && seqLe(seg.ack, tcb.sndNxt);
  }
  // Second, RST: only believed if it acknowledges our SYN.
  if (seg.flags.RST) {
    if (ackOk) {
      ctx.app('ECONNREFUSED', tcb, undefined, 'the peer answered the SYN with RST');
      ctx.setState(tcb, 'CLOSED', 'RST in reply to our SYN');
    }
    return;
  }
  // Fourth, SYN.
  if (!seg.flags.SYN) return;
  tcb.irs = seg.seq;
  tcb.rcvNxt = seqAdd(seg.seq, 1);
  negotiateTimestamps(ctx, tcb, seg);
  if (isOldDuplicate(tcb, seg)) ctx.oldDuplicateAccepted(tcb, seg);
  if (ackOk) {
    acknowledge(ctx, tcb, seg.ack);
    ctx.setState(tcb, 'ESTABLISHED', 'SYN,ACK received');
    sendAck(ctx, tcb);
    onEstablished(ctx, tcb);
    return;
  }
  // Simultaneous open: both sent SYNs. Answer <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>.
  ctx.setState(tcb, 'SYN_RECEIVED', 'SYN received while ours was unanswered (simultaneous open)');
  tcb.unacked = [];
  tcb.sndNxt = tcb.iss;
  ctx.cancelTimer(tcb, 'RTO');
  sendReliable(ctx, tcb, SYN_ACK, '');
}
