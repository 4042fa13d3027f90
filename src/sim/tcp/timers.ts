/**
 * Timeouts (RFC 9293 §3.10.8): the retransmission timeout with exponential back-off
 * (RFC 6298 §5.5) and a give-up after `maxRetransmissions`, and the time-wait timeout.
 */
import type { TimerName } from '../trace.js';
import type { TcpContext } from './context.js';
import { retransmitNewest, retransmitOldest, sendAck } from './output.js';
import { MAX_RTO_US } from './rto.js';
import type { Tcb } from './tcb.js';
import { timeWaitExpired } from './timeWait.js';
import { finWait2Expired } from './orphan.js';

export function timerExpired(ctx: TcpContext, tcb: Tcb, timer: TimerName): void {
  if (timer === '2MSL') {
    timeWaitExpired(ctx, tcb);
    return;
  }
  if (timer === 'DELACK') {
    sendAck(ctx, tcb);
    return;
  }
  if (timer === 'FIN_WAIT_2') {
    finWait2Expired(ctx, tcb);
    return;
  }
  if (tcb.unacked.length === 0) return;
  if (tcb.probeArmed) {
    // The tail-loss probe (rto.ts): resend the last segment, then wait a full RTO.
    tcb.probeArmed = false;
    tcb.probeSent = true;
    retransmitNewest(ctx, tcb);
    ctx.startTimer(tcb, 'RTO', tcb.rto);
    return;
  }
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
