/**
 * Advancing SND.UNA when an acceptable ACK arrives (RFC 9293 §3.10.7.4, "fifth, check the
 * ACK field", ESTABLISHED): drop what it covers from the retransmission queue and look after
 * the retransmission timer (RFC 6298 §5.2, §5.3).
 */
import { seqAdd, seqLe } from '../seq.js';
import type { TcpContext } from './context.js';
import type { Tcb } from './tcb.js';
import { armRetransmitTimer, baseRto, sampleRtt } from './rto.js';

/** SND.UNA := SEG.ACK, for an ACK already known to satisfy SND.UNA < SEG.ACK =< SND.NXT. */
export function acknowledge(ctx: TcpContext, tcb: Tcb, ack: number): void {
  tcb.sndUna = ack;
  let sample: number | null = null;
  tcb.unacked = tcb.unacked.filter((u) => {
    const len = u.data.length + (u.flags.SYN ? 1 : 0) + (u.flags.FIN ? 1 : 0);
    const covered = seqLe(seqAdd(u.seq, len), ack);
    // Karn's algorithm (RFC 6298 §3): only a segment sent once gives an RTT sample.
    if (covered && !u.resent && u.sentAt !== undefined) sample = ctx.now - u.sentAt;
    return !covered;
  });
  if (sample !== null) sampleRtt(ctx, tcb, sample);
  // New data was acknowledged: forget the back-off (RFC 6298 §5.7 allows keeping it; the
  // simulation resets so each segment's retransmissions read cleanly on the ladder).
  tcb.retries = 0;
  tcb.probeSent = false;
  tcb.rto = baseRto(ctx, tcb);
  if (tcb.unacked.length === 0) {
    tcb.probeArmed = false;
    ctx.cancelTimer(tcb, 'RTO');
  } else armRetransmitTimer(ctx, tcb);
}
