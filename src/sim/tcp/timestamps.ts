/**
 * The timestamps option (RFC 7323), under the `timestamps` policy.
 *
 * - Negotiation (§3.2): offered on our SYN; used only if the peer's SYN (or SYN,ACK) carried it.
 * - TS.Recent (§4.3): the peer's latest TSval, taken from a segment with SEG.SEQ =< RCV.NXT
 *   (our Last.ACK.sent) and SEG.TSval >= TS.Recent; it is echoed as TSecr.
 * - PAWS (§5.3): a non-RST segment whose TSval is older than TS.Recent is a duplicate from the past
 *   (an old incarnation, or a wrapped sequence number); it is answered with an ACK and dropped.
 * - RFC 6191: a SYN arriving for a connection in TIME_WAIT with a newer TSval may open a new
 *   incarnation even if its sequence number is lower.
 */
import { seqGe, seqGt, seqLe, seqLt } from '../seq.js';
import type { Segment } from '../types.js';
import type { TcpContext } from './context.js';
import type { Tcb } from './tcb.js';

/** Our own SYN: offer the option if the policy is on. */
export function offerTimestamps(ctx: TcpContext, tcb: Tcb): void {
  tcb.tsOk = ctx.policies.timestamps;
}

/** The peer's SYN or SYN,ACK decides whether the connection uses timestamps. */
export function negotiateTimestamps(ctx: TcpContext, tcb: Tcb, seg: Segment): void {
  tcb.tsOk = ctx.policies.timestamps && seg.ts !== undefined;
  if (tcb.tsOk && seg.ts) {
    tcb.tsRecent = seg.ts.val;
    tcb.tsRecentStamp = ctx.now;
  }
}

/** PAWS (RFC 7323 §5.3, R1): is this segment's timestamp older than TS.Recent? RSTs are exempt. */
export function pawsRejects(tcb: Tcb, seg: Segment): boolean {
  return tcb.tsOk && seg.ts !== undefined && !seg.flags.RST && seqLt(seg.ts.val, tcb.tsRecent);
}

/** Record the peer's TSval as TS.Recent (RFC 7323 §4.3). */
export function updateTsRecent(ctx: TcpContext, tcb: Tcb, seg: Segment): void {
  if (!tcb.tsOk || !seg.ts) return;
  if (seqLe(seg.seq, tcb.rcvNxt) && seqGe(seg.ts.val, tcb.tsRecent)) {
    tcb.tsRecent = seg.ts.val;
    tcb.tsRecentStamp = ctx.now;
  }
}

/** RFC 6191: does this SYN carry a timestamp newer than the TIME_WAIT connection's TS.Recent? */
export function hasNewerTimestamp(tcb: Tcb, seg: Segment): boolean {
  return tcb.tsOk && seg.ts !== undefined && seqGt(seg.ts.val, tcb.tsRecent);
}
