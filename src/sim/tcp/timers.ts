/**
 * Timeouts (RFC 9293 §3.10.8): the retransmission timeout with exponential back-off
 * (RFC 6298 §5.5) and a give-up after `maxRetransmissions`, and the time-wait timeout.
 */
import type { TimerName } from '../trace.js';
import type { TcpContext } from './context.js';
import { retransmitOldest } from './output.js';
import type { Tcb } from './tcb.js';
import { timeWaitExpired } from './timeWait.js';

/** The longest the back-off lets the RTO grow (RFC 6298 §2.5 allows an upper bound >= 60 s). */
const MAX_RTO_US = 60_000_000;

export function timerExpired(ctx: TcpContext, tcb: Tcb, timer: TimerName): void {
  if (timer === '2MSL') {
    timeWaitExpired(ctx, tcb);
    return;
  }
  if (tcb.unacked.length === 0) return;
  if (tcb.retries >= ctx.policies.maxRetransmissions) {
    // The user timeout: give up on the connection (§3.10.8 "USER TIMEOUT").
    ctx.app('ETIMEDOUT', tcb, undefined, `no acknowledgment after ${tcb.retries} retransmissions`);
    ctx.setState(tcb, 'CLOSED', 'retransmissions exhausted');
    return;
  }
  tcb.retries += 1;
  tcb.rto = Math.min(tcb.rto * 2, MAX_RTO_US);
  retransmitOldest(ctx, tcb);
  ctx.startTimer(tcb, 'RTO', tcb.rto);
}
