/**
 * The segment text and the FIN bit (RFC 9293 §3.10.7.4, "seventh" and "eighth").
 *
 * Data is accepted only in order: the part before RCV.NXT (already received) is trimmed, and a
 * segment that starts beyond RCV.NXT is not queued but acknowledged, so the sender's
 * retransmission fills the gap. RFC 9293 allows this simpler receiver, and it keeps every
 * delivery visible on the ladder.
 */
import { seqAdd, seqDiff } from '../seq.js';
import type { Segment } from '../types.js';
import type { TcpContext } from './context.js';
import { sendAck } from './output.js';
import type { Tcb } from './tcb.js';
import { finAcked } from './tcb.js';
import { enterTimeWait } from './timeWait.js';

const RECEIVES_TEXT = new Set(['ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2']);

export function processTextAndFin(ctx: TcpContext, tcb: Tcb, seg: Segment): void {
  let ackNeeded = false;
  let inOrderEnd = seg.seq;

  if (seg.data.length > 0) {
    ackNeeded = true;
    if (RECEIVES_TEXT.has(tcb.state)) {
      const skip = seqDiff(tcb.rcvNxt, seg.seq);
      if (skip < 0) {
        // A gap before this segment: acknowledge what we have, keep nothing.
        sendAck(ctx, tcb);
        return;
      }
      const fresh = seg.data.slice(skip);
      if (fresh.length > 0) {
        tcb.rcvNxt = seqAdd(tcb.rcvNxt, fresh.length);
        tcb.received += fresh;
        ctx.app('data', tcb, fresh);
        if (!ctx.appReadsOnArrival) tcb.unread += fresh.length;
      }
      inOrderEnd = seqAdd(seg.seq, seg.data.length);
    }
    // In CLOSE_WAIT, CLOSING, LAST_ACK the peer has already sent its FIN: the text is ignored.
  }

  if (seg.flags.FIN && inOrderEnd === tcb.rcvNxt && RECEIVES_FIN.has(tcb.state)) {
    tcb.rcvNxt = seqAdd(tcb.rcvNxt, 1);
    ctx.app('eof', tcb);
    // The transition is made first so that the ACK of the FIN leaves from the new state (for
    // the active closer, the ACK that TIME_WAIT exists to be able to resend).
    switch (tcb.state) {
      case 'SYN_RECEIVED':
        ctx.setState(tcb, 'CLOSE_WAIT', 'FIN received');
        break;
      case 'ESTABLISHED':
        ctx.setState(tcb, 'CLOSE_WAIT', 'FIN received');
        if (ctx.policies.delayedAck === 'linux') {
          // Linux (tcp_fin -> pingpong mode, __tcp_ack_snd_check): the ACK waits up to
          // TCP_DELACK_MIN; our own FIN, if the application closes first, carries it instead.
          ctx.startTimer(tcb, 'DELACK', DELACK_MIN_US);
          return;
        }
        break;
      case 'FIN_WAIT_1':
        // Our FIN acknowledged by this very segment: straight to TIME_WAIT. If not, the FINs
        // crossed (simultaneous close).
        if (finAcked(tcb)) enterTimeWait(ctx, tcb, 'FIN received (it also ACKs ours)');
        else ctx.setState(tcb, 'CLOSING', 'FIN received before the ACK of ours (simultaneous close)');
        break;
      case 'FIN_WAIT_2':
        enterTimeWait(ctx, tcb, 'FIN received');
        break;
    }
    sendAck(ctx, tcb);
    return;
  }
  if (ackNeeded) sendAck(ctx, tcb);
}

/** Linux's TCP_DELACK_MIN: 40 ms. */
export const DELACK_MIN_US = 40_000;

/** States in which a FIN can still be news (in the others it was already received). */
const RECEIVES_FIN = new Set(['SYN_RECEIVED', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2']);
