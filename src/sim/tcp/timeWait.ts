/**
 * Entering, living in and leaving TIME_WAIT.
 *
 * RFC 9293 §3.10.7.4: entering TIME_WAIT starts the time-wait timer and turns off the other
 * timers; "the only thing that can arrive in this state is a retransmission of the remote FIN.
 * Acknowledge it, and restart the 2 MSL timeout." §3.10.8: when the timer fires, delete the TCB.
 * The Berkeley rule for a new SYN is RFC 1122 §4.2.2.13.
 */
import { seqAdd, seqGt } from '../seq.js';
import type { Segment } from '../types.js';
import { timeWaitSeconds } from '../policy.js';
import type { TcpContext } from './context.js';
import { ackInvalid, sendAck } from './output.js';
import type { Tcb } from './tcb.js';
import { hasNewerTimestamp, pawsRejects } from './timestamps.js';

export function enterTimeWait(ctx: TcpContext, tcb: Tcb, cause: string): void {
  ctx.cancelTimer(tcb, 'RTO');
  if (ctx.policies.timeWait === 'off') {
    // The ablation: forget the connection at once, as if TIME_WAIT did not exist.
    ctx.app('closed', tcb);
    ctx.setState(tcb, 'CLOSED', `${cause}; TIME_WAIT is switched off`);
    return;
  }
  // Linux's orphan FIN_WAIT_2 timer shares the slot; TIME_WAIT's own timer replaces it.
  if (tcb.twTimer?.name === 'FIN_WAIT_2') ctx.cancelTimer(tcb, 'FIN_WAIT_2');
  ctx.setState(tcb, 'TIME_WAIT', cause);
  ctx.startTimer(tcb, '2MSL', Math.round(timeWaitSeconds(ctx.policies) * 1_000_000));
}

/** The 2MSL timer fired (§3.10.8): the connection is finally forgotten. */
export function timeWaitExpired(ctx: TcpContext, tcb: Tcb): void {
  ctx.app('closed', tcb);
  ctx.setState(tcb, 'CLOSED', '2MSL timer expired');
}

/**
 * TIME_WAIT's own cases, checked before the general processing. Returns true when handled.
 */
export function segmentInTimeWait(ctx: TcpContext, tcb: Tcb, seg: Segment): boolean {
  // A retransmission of the peer's FIN: its FIN octet is the one just below RCV.NXT.
  if (seg.flags.FIN && !seg.flags.RST && !seg.flags.SYN && seqAdd(seg.seq, seg.data.length + 1) === tcb.rcvNxt) {
    sendAck(ctx, tcb);
    ctx.startTimer(tcb, '2MSL', Math.round(timeWaitSeconds(ctx.policies) * 1_000_000));
    return true;
  }
  if (seg.flags.SYN && !seg.flags.ACK && !seg.flags.RST) {
    // RFC 1122 §4.2.2.13 (Berkeley-derived stacks): a SYN whose sequence number is greater than
    // the old incarnation's final RCV.NXT may open a new incarnation at once, because none of
    // the old connection's segments can be mistaken for the new one's.
    // RFC 6191: with timestamps, a newer TSval is as good as a greater sequence number.
    const newer = hasNewerTimestamp(tcb, seg);
    if (ctx.policies.berkeleySynInTimeWait && (seqGt(seg.seq, tcb.rcvNxt) || newer) && !pawsRejects(tcb, seg) && ctx.hasListener(tcb.local.port)) {
      ctx.cancelTimer(tcb, '2MSL');
      ctx.setState(tcb, 'CLOSED', seqGt(seg.seq, tcb.rcvNxt) ? 'SYN with a greater sequence number reopens the connection (Berkeley rule)' : 'SYN with a newer timestamp reopens the connection (RFC 6191)');
      ctx.deliverToListener(seg, tcb.sndNxt);
      return true;
    }
    // Otherwise the SYN is refused with a challenge ACK (RFC 5961 §4, RFC 9293 §3.10.7.4),
    // and the timer is not restarted.
    ackInvalid(ctx, tcb);
    return true;
  }
  return false;
}
