/**
 * After close() (not shutdown(SHUT_WR)) the socket is an orphan: no application will ever read
 * from it. Two Linux rules follow, each a named policy:
 *
 * - `dataAfterClose: 'reset'`: new data arriving in FIN_WAIT_1 or FIN_WAIT_2 is answered with
 *   RST <SEQ=SEG.ACK> and the connection goes to CLOSED with no TIME_WAIT (tcp_rcv_state_process,
 *   the RCV_SHUTDOWN check, net/ipv4/tcp_input.c; RFC 1122 §4.2.2.13: "its TCP SHOULD send a RST
 *   to show that data was lost"). RFC 9293 §3.10.7.4 would deliver it.
 * - `finWait2TimeoutSeconds`: an orphaned FIN_WAIT_2 is dropped after tcp_fin_timeout (60 s)
 *   without anything being sent (tcp_rcv_state_process -> tcp_time_wait(sk, TCP_FIN_WAIT2, tmo)).
 */
import { seqAdd, seqGt } from '../seq.js';
import type { Segment } from '../types.js';
import type { TcpContext } from './context.js';
import { resetFor } from './output.js';
import type { Tcb } from './tcb.js';

/** Returns true when the segment reset the connection and processing stops. */
export function resetDataAfterClose(ctx: TcpContext, tcb: Tcb, seg: Segment): boolean {
  if (ctx.policies.dataAfterClose !== 'reset' || tcb.appClosed !== 'close') return false;
  if (tcb.state !== 'FIN_WAIT_1' && tcb.state !== 'FIN_WAIT_2') return false;
  if (seg.data.length === 0 || !seqGt(seqAdd(seg.seq, seg.data.length), tcb.rcvNxt)) return false;
  resetFor(ctx, seg);
  ctx.cancelTimer(tcb, 'RTO');
  if (tcb.twTimer) ctx.cancelTimer(tcb, 'FIN_WAIT_2');
  tcb.unacked = [];
  ctx.setState(tcb, 'CLOSED', 'data arrived after close(): RST, and no TIME_WAIT');
  return true;
}

/** Start the orphan's FIN_WAIT_2 timeout if it applies and is not running yet. */
export function maybeStartFinWait2Timer(ctx: TcpContext, tcb: Tcb): void {
  const limit = ctx.policies.finWait2TimeoutSeconds;
  if (limit === null || tcb.state !== 'FIN_WAIT_2' || tcb.appClosed !== 'close' || tcb.twTimer) return;
  ctx.startTimer(tcb, 'FIN_WAIT_2', Math.round(limit * 1_000_000));
}

/** The FIN_WAIT_2 timeout fired: the orphan is forgotten, with nothing sent. */
export function finWait2Expired(ctx: TcpContext, tcb: Tcb): void {
  ctx.setState(tcb, 'CLOSED', 'orphaned FIN_WAIT_2 timed out (tcp_fin_timeout)');
}
