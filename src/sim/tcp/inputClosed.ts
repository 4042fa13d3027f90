/**
 * Segments that find no connection (RFC 9293 §3.10.7.1, CLOSED) or a listener
 * (§3.10.7.2, LISTEN).
 */
import { seqAdd } from '../seq.js';
import type { Segment } from '../types.js';
import type { TcpContext } from './context.js';
import { resetFor, sendReliable } from './output.js';
import type { Tcb } from './tcb.js';
import { negotiateTimestamps } from './timestamps.js';
import { SYN_ACK } from './flagSets.js';

/** How far past the old SND.NXT a connection reopened from TIME_WAIT starts (Linux). */
export const REOPEN_ISS_GAP = 65537;

/** No TCB and no listener: answer anything but an RST with an RST. */
export function segmentForNoConnection(ctx: TcpContext, seg: Segment): void {
  resetFor(ctx, seg);
}

/**
 * A listener receives a segment for a connection it does not have yet.
 * RST: ignore. ACK: RST <SEQ=SEG.ACK>. SYN: a new TCB in SYN_RECEIVED answers <SYN,ACK>.
 * Anything else: drop.
 */
export function segmentForListener(ctx: TcpContext, seg: Segment, createTcb: () => Tcb, issAbove?: number): void {
  if (seg.flags.RST) return;
  if (seg.flags.ACK) {
    resetFor(ctx, seg);
    return;
  }
  if (!seg.flags.SYN) return;
  const tcb = createTcb();
  tcb.passive = true;
  tcb.irs = seg.seq;
  tcb.rcvNxt = seqAdd(seg.seq, 1 + seg.data.length);
  negotiateTimestamps(ctx, tcb, seg);
  // Reopened from TIME_WAIT: start well past the old incarnation's last sequence number, as
  // Linux does (old SND.NXT + 65537, net/ipv4/tcp_minisocks.c), so none of its duplicates fit.
  tcb.iss = issAbove === undefined ? ctx.chooseIss() : seqAdd(issAbove, REOPEN_ISS_GAP);
  tcb.sndUna = tcb.iss;
  tcb.sndNxt = tcb.iss;
  ctx.setState(tcb, 'SYN_RECEIVED', 'SYN received by the listener');
  sendReliable(ctx, tcb, SYN_ACK, '');
}
