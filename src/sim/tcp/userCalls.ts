/**
 * Application calls on an existing connection: RFC 9293 §3.10.1 (OPEN, active part),
 * §3.10.2 (SEND), §3.10.4 (CLOSE) and §3.10.5 (ABORT). Creating the TCB and choosing the
 * local port is the host stack's job (engine/hostStack.ts).
 */
import type { TcpContext } from './context.js';
import { sendData, sendFin, sendReliable } from './output.js';
import type { Tcb } from './tcb.js';
import { maybeStartFinWait2Timer } from './orphan.js';
import { offerTimestamps } from './timestamps.js';
import { RST, RST_ACK, SYN } from './flagSets.js';

/**
 * Active OPEN on a fresh TCB: choose ISS, send <SEQ=ISS><CTL=SYN>, enter SYN_SENT (§3.10.1).
 * `iss`: a given ISS (Linux's reuse of its own TIME_WAIT pair) instead of the scenario's ISN rule.
 */
export function activeOpen(ctx: TcpContext, tcb: Tcb, iss?: number): void {
  tcb.iss = iss ?? ctx.chooseIss();
  tcb.sndUna = tcb.iss;
  tcb.sndNxt = tcb.iss;
  offerTimestamps(ctx, tcb);
  ctx.setState(tcb, 'SYN_SENT', 'connect()');
  sendReliable(ctx, tcb, SYN, '');
}

/** SEND (§3.10.2): queue before the connection is established, send at once after. */
export function userSend(ctx: TcpContext, tcb: Tcb, data: string): boolean {
  switch (tcb.state) {
    case 'SYN_SENT':
    case 'SYN_RECEIVED':
      tcb.pending += data;
      return true;
    case 'ESTABLISHED':
    case 'CLOSE_WAIT':
      sendData(ctx, tcb, data);
      return true;
    default:
      // FIN_WAIT_*, CLOSING, LAST_ACK, TIME_WAIT: "connection closing"; nothing is sent.
      return false;
  }
}

/**
 * CLOSE (§3.10.4): our side has nothing more to send. `how` tells close() from
 * shutdown(SHUT_WR): the RFC treats them alike; Linux's orphan rules (orphan.ts) apply only
 * after close().
 */
export function userClose(ctx: TcpContext, tcb: Tcb, how: 'close' | 'shutdown' = 'close'): void {
  if (how === 'close' && resetOnUnreadData(ctx, tcb)) return;
  if (tcb.appClosed !== 'close') tcb.appClosed = how;
  switch (tcb.state) {
    case 'SYN_SENT':
      // "Delete the TCB": nothing was synchronized, so nothing is sent.
      ctx.setState(tcb, 'CLOSED', 'close() before the handshake finished');
      return;
    case 'SYN_RECEIVED':
      // No data sent yet: form a FIN and go to FIN_WAIT_1 (§3.10.4).
      ctx.setState(tcb, 'FIN_WAIT_1', 'close()');
      sendFin(ctx, tcb);
      return;
    case 'ESTABLISHED':
      // The active close: this end will be the one that waits in TIME_WAIT.
      ctx.setState(tcb, 'FIN_WAIT_1', 'close() (active close)');
      sendFin(ctx, tcb);
      return;
    case 'CLOSE_WAIT':
      // The passive close: the peer already sent its FIN.
      ctx.setState(tcb, 'LAST_ACK', 'close() (passive close)');
      sendFin(ctx, tcb);
      return;
    default:
      // Already closing: RFC 9293 says "error: connection closing"; nothing changes, except
      // that a close() after shutdown() orphans the socket, and its FIN_WAIT_2 may now time out.
      maybeStartFinWait2Timer(ctx, tcb);
      return;
  }
}

/**
 * close() with received data the application never read, under `closeWithUnreadData: 'reset'`
 * (Linux's tcp_close): RST,ACK at SND.NXT/RCV.NXT and CLOSED at once, with no FIN and no
 * TIME_WAIT. shutdown() never does this: the application may still read.
 */
function resetOnUnreadData(ctx: TcpContext, tcb: Tcb): boolean {
  if (ctx.policies.closeWithUnreadData !== 'reset' || tcb.unread === 0) return false;
  if (tcb.state !== 'ESTABLISHED' && tcb.state !== 'CLOSE_WAIT' && tcb.state !== 'FIN_WAIT_1' && tcb.state !== 'FIN_WAIT_2') return false;
  ctx.transmit(tcb, { flags: RST_ACK, seq: tcb.sndNxt, ack: tcb.rcvNxt, data: '', window: 0 });
  ctx.cancelTimer(tcb, 'RTO');
  tcb.pending = '';
  tcb.unacked = [];
  ctx.setState(tcb, 'CLOSED', `close() with ${tcb.unread} unread byte${tcb.unread === 1 ? '' : 's'}: RST, and no TIME_WAIT`);
  return true;
}

/**
 * ABORT (§3.10.5), what SO_LINGER {on, 0} does: in a synchronized state send
 * <SEQ=SND.NXT><CTL=RST> (Linux also sets ACK: the 'rst-ack' policy) and forget the
 * connection at once, so no TIME_WAIT follows.
 */
export function userAbort(ctx: TcpContext, tcb: Tcb): void {
  const synchronized =
    tcb.state === 'SYN_RECEIVED' ||
    tcb.state === 'ESTABLISHED' ||
    tcb.state === 'FIN_WAIT_1' ||
    tcb.state === 'FIN_WAIT_2' ||
    tcb.state === 'CLOSE_WAIT';
  if (synchronized) {
    const withAck = ctx.policies.abortSegment === 'rst-ack';
    ctx.transmit(tcb, {
      flags: withAck ? RST_ACK : RST,
      seq: tcb.sndNxt,
      ack: withAck ? tcb.rcvNxt : 0,
      data: '',
      window: 0,
    });
  }
  tcb.pending = '';
  tcb.unacked = [];
  ctx.setState(tcb, 'CLOSED', 'abort() (SO_LINGER 0)');
}

/** Called when a connection becomes ESTABLISHED: flush what the app queued, and a queued close. */
export function onEstablished(ctx: TcpContext, tcb: Tcb): void {
  ctx.app('connected', tcb);
  if (tcb.finPending) {
    ctx.setState(tcb, 'FIN_WAIT_1', 'close() queued during the handshake');
    sendFin(ctx, tcb);
  } else if (tcb.pending) {
    const data = tcb.pending;
    tcb.pending = '';
    sendData(ctx, tcb, data);
  }
}
