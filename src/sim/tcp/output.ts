/**
 * Building and sending segments for a connection: the SEND side of RFC 9293 §3.10, and the
 * retransmission queue of §3.8.1.
 */
import { seqAdd } from '../seq.js';
import type { Flags, Segment } from '../types.js';
import type { TcpContext } from './context.js';
import { DEFAULT_WINDOW, type Tcb } from './tcb.js';
import { armRetransmitTimer } from './rto.js';
import { ACK, FIN_ACK, PSH_ACK, RST, RST_ACK } from './flagSets.js';

/** A segment carrying ACK=RCV.NXT is leaving: a delayed ACK waiting to be sent is no longer needed. */
function ackSent(ctx: TcpContext, tcb: Tcb): void {
  if (tcb.twTimer?.name === 'DELACK') ctx.cancelTimer(tcb, 'DELACK');
}

/** Send a segment that occupies sequence space (SYN, FIN or data) and queue it for retransmission. */
export function sendReliable(ctx: TcpContext, tcb: Tcb, flags: Flags, data: string): Segment {
  if (flags.ACK) ackSent(ctx, tcb);
  const seg = ctx.transmit(tcb, {
    flags,
    seq: tcb.sndNxt,
    ack: flags.ACK ? tcb.rcvNxt : 0,
    data,
    window: tcb.rcvWnd,
  });
  tcb.unacked.push({ seq: tcb.sndNxt, flags, data, firstId: seg.id, sentAt: ctx.now });
  const len = data.length + (flags.SYN ? 1 : 0) + (flags.FIN ? 1 : 0);
  if (flags.FIN) tcb.finSeq = seqAdd(tcb.sndNxt, data.length);
  tcb.sndNxt = seqAdd(tcb.sndNxt, len);
  // A probe timer is pushed back by new data (tcp_write_xmit reschedules the loss probe).
  if (!tcb.rtoTimer || tcb.probeArmed) armRetransmitTimer(ctx, tcb);
  return seg;
}

/** <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>: the acknowledgment RFC 9293 §3.10.7.4 sends so often. */
export function sendAck(ctx: TcpContext, tcb: Tcb): Segment {
  ackSent(ctx, tcb);
  return ctx.transmit(tcb, {
    flags: ACK,
    seq: tcb.sndNxt,
    ack: tcb.rcvNxt,
    data: '',
    window: tcb.rcvWnd,
  });
}

/**
 * The least time between two ACKs sent in answer to invalid segments (out of window, acking
 * data never sent, or a challenge ACK). RFC 5961 §7 asks for such a limit, and Linux uses 500 ms
 * (net.ipv4.tcp_invalid_ratelimit). Without it two ends that disagree about sequence numbers,
 * as after an old duplicate corrupts a new incarnation, answer each other's ACKs for ever.
 */
export const INVALID_ACK_INTERVAL_US = 500_000;

/** ACK an invalid segment, unless we did so less than INVALID_ACK_INTERVAL_US ago. */
export function ackInvalid(ctx: TcpContext, tcb: Tcb): Segment | null {
  if (tcb.lastInvalidAck !== null && ctx.now - tcb.lastInvalidAck < INVALID_ACK_INTERVAL_US) return null;
  tcb.lastInvalidAck = ctx.now;
  return sendAck(ctx, tcb);
}

/** Send application data now (the simulation has no Nagle and a window that never fills). */
export function sendData(ctx: TcpContext, tcb: Tcb, data: string): void {
  if (data.length > 0) sendReliable(ctx, tcb, PSH_ACK, data);
}

/** Send our FIN (RFC 9293 §3.10.4: after any queued data). */
export function sendFin(ctx: TcpContext, tcb: Tcb): void {
  if (tcb.pending) {
    const data = tcb.pending;
    tcb.pending = '';
    sendData(ctx, tcb, data);
  }
  tcb.finPending = false;
  sendReliable(ctx, tcb, FIN_ACK, '');
}

/**
 * The reset sent for a segment that belongs to no connection (RFC 9293 §3.10.7.1):
 * if the segment has ACK, <SEQ=SEG.ACK><CTL=RST>; otherwise <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>.
 * An arriving RST is never answered.
 */
export function resetFor(ctx: TcpContext, seg: Segment): Segment | null {
  if (seg.flags.RST) return null;
  if (seg.flags.ACK) {
    return ctx.transmit(null, { flags: RST, seq: seg.ack, ack: 0, data: '', window: 0 }, seg);
  }
  const segLen = seg.data.length + (seg.flags.SYN ? 1 : 0) + (seg.flags.FIN ? 1 : 0);
  return ctx.transmit(
    null,
    { flags: RST_ACK, seq: 0, ack: seqAdd(seg.seq, segLen), data: '', window: 0 },
    seg,
  );
}

/** Resend the oldest unacknowledged segment (RFC 9293 §3.8.1, RFC 6298 §5.4). */
export function retransmitOldest(ctx: TcpContext, tcb: Tcb): void {
  resend(ctx, tcb, tcb.unacked[0]);
}

/** Resend the newest unacknowledged segment (the tail-loss probe, RFC 8985 §7.3). */
export function retransmitNewest(ctx: TcpContext, tcb: Tcb): void {
  resend(ctx, tcb, tcb.unacked[tcb.unacked.length - 1]);
}

function resend(ctx: TcpContext, tcb: Tcb, first: Tcb['unacked'][number] | undefined): void {
  if (!first) return;
  first.resent = true;
  ctx.transmit(tcb, {
    flags: first.flags,
    seq: first.seq,
    ack: first.flags.ACK ? tcb.rcvNxt : 0,
    data: first.data,
    window: tcb.rcvWnd,
    retransmitOf: first.firstId,
  });
}

export { DEFAULT_WINDOW };
