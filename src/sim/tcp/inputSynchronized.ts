/**
 * A segment arriving in SYN_RECEIVED or any synchronized state: RFC 9293 §3.10.7.4, in the
 * RFC's own order of checks (sequence number, RST, SYN, ACK, text, FIN). TIME_WAIT's special
 * cases (a retransmitted FIN, a new SYN) are in inputTimeWait.ts and run first.
 */
import { seqGt, seqLt, seqLe } from '../seq.js';
import type { Segment } from '../types.js';
import { isAcceptable } from './acceptability.js';
import { acknowledge } from './ackProcessing.js';
import type { TcpContext } from './context.js';
import { ackInvalid, resetFor } from './output.js';
import { finAcked, isOldDuplicate, type Tcb } from './tcb.js';
import { enterTimeWait } from './timeWait.js';
import { processTextAndFin } from './inputText.js';
import { onEstablished } from './userCalls.js';
import { maybeStartFinWait2Timer, resetDataAfterClose } from './orphan.js';

export function segmentInSynchronized(ctx: TcpContext, tcb: Tcb, seg: Segment): void {
  // First: an unacceptable segment (an old duplicate, or beyond the window) is answered with
  // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> unless it is an RST, and then dropped.
  if (!isAcceptable(tcb, seg)) {
    if (!seg.flags.RST) ackInvalid(ctx, tcb);
    return;
  }
  const changesState = seg.flags.RST || seg.flags.SYN || seg.flags.FIN || seg.data.length > 0;
  if (changesState && isOldDuplicate(tcb, seg)) ctx.oldDuplicateAccepted(tcb, seg);

  // Second: RST (RFC 5961 §3 as adopted by RFC 9293): only an exact match resets; an RST
  // elsewhere in the window earns a challenge ACK.
  if (seg.flags.RST) {
    if (seg.seq !== tcb.rcvNxt) {
      ackInvalid(ctx, tcb);
      return;
    }
    onReset(ctx, tcb);
    return;
  }

  // Fourth: a SYN in a synchronized state gets a challenge ACK (RFC 5961 §4); in a
  // passively opened SYN_RECEIVED it sends the TCB back to LISTEN.
  if (seg.flags.SYN) {
    if (tcb.state === 'SYN_RECEIVED' && tcb.passive) {
      ctx.setState(tcb, 'LISTEN', 'SYN in SYN_RECEIVED: back to LISTEN');
      return;
    }
    ackInvalid(ctx, tcb);
    return;
  }

  // Fifth: the ACK field. Without ACK the segment is dropped.
  if (!seg.flags.ACK) return;
  if (!processAck(ctx, tcb, seg)) return;
  if (resetDataAfterClose(ctx, tcb, seg)) return;

  // Seventh and eighth: the text and the FIN.
  processTextAndFin(ctx, tcb, seg);
  maybeStartFinWait2Timer(ctx, tcb);
}

function onReset(ctx: TcpContext, tcb: Tcb): void {
  switch (tcb.state) {
    case 'SYN_RECEIVED':
      if (tcb.passive) {
        ctx.setState(tcb, 'LISTEN', 'RST in SYN_RECEIVED: back to LISTEN');
      } else {
        ctx.app('ECONNREFUSED', tcb);
        ctx.setState(tcb, 'CLOSED', 'RST in SYN_RECEIVED');
      }
      return;
    case 'ESTABLISHED':
    case 'FIN_WAIT_1':
    case 'FIN_WAIT_2':
    case 'CLOSE_WAIT':
      ctx.app('ECONNRESET', tcb, undefined, 'connection reset by peer');
      ctx.setState(tcb, 'CLOSED', 'RST received');
      return;
    case 'TIME_WAIT':
      // RFC 1337 calls this TIME-WAIT assassination; its fix F1 ignores the RST.
      if (ctx.policies.rstInTimeWait === 'ignore') return;
      ctx.setState(tcb, 'CLOSED', 'RST received in TIME_WAIT (TIME-WAIT assassination)');
      return;
    default:
      // CLOSING, LAST_ACK: the close did not finish cleanly, and a lingering close() reports it.
      ctx.app('ECONNRESET', tcb, undefined, 'reset while closing: the close did not complete cleanly');
      ctx.setState(tcb, 'CLOSED', 'RST received');
  }
}

/** Returns false when processing of this segment stops here. */
function processAck(ctx: TcpContext, tcb: Tcb, seg: Segment): boolean {
  if (tcb.state === 'SYN_RECEIVED') {
    // SND.UNA < SEG.ACK =< SND.NXT completes the handshake; anything else is answered with RST.
    if (seqLt(tcb.sndUna, seg.ack) && seqLe(seg.ack, tcb.sndNxt)) {
      acknowledge(ctx, tcb, seg.ack);
      ctx.setState(tcb, 'ESTABLISHED', 'ACK of our SYN,ACK');
      onEstablished(ctx, tcb);
    } else {
      resetFor(ctx, seg);
      return false;
    }
    return true;
  }
  if (seqGt(seg.ack, tcb.sndNxt)) {
    // It acknowledges something not yet sent: ACK and drop.
    ackInvalid(ctx, tcb);
    return false;
  }
  if (seqLt(tcb.sndUna, seg.ack)) acknowledge(ctx, tcb, seg.ack);
  // A duplicate ACK (SEG.ACK =< SND.UNA) is simply ignored.

  switch (tcb.state) {
    case 'FIN_WAIT_1':
      if (finAcked(tcb)) ctx.setState(tcb, 'FIN_WAIT_2', 'ACK of our FIN');
      return true;
    case 'CLOSING':
      if (finAcked(tcb)) enterTimeWait(ctx, tcb, 'ACK of our FIN (simultaneous close)');
      return false;
    case 'LAST_ACK':
      if (finAcked(tcb)) {
        ctx.app('closed', tcb);
        ctx.setState(tcb, 'CLOSED', 'ACK of our FIN');
      }
      return false;
    case 'TIME_WAIT':
      // Only a retransmitted FIN is expected here, and inputTimeWait.ts handles it.
      return false;
    default:
      return true;
  }
}
