/**
 * SEGMENT ARRIVES (RFC 9293 §3.10.7) for a connection the host already has, by state.
 * A segment with no TCB at all is the host stack's to route (to a listener, or to
 * inputClosed.segmentForNoConnection).
 */
import type { Segment } from '../types.js';
import type { TcpContext } from './context.js';
import { segmentInSynSent } from './inputSynSent.js';
import { segmentInSynchronized } from './inputSynchronized.js';
import type { Tcb } from './tcb.js';
import { segmentInTimeWait } from './timeWait.js';
import { segmentInTimeWaitLinux } from './timeWaitLinux.js';
import { pawsRejects, updateTsRecent } from './timestamps.js';
import { ackInvalid } from './output.js';

export function segmentArrives(ctx: TcpContext, tcb: Tcb, seg: Segment): void {
  switch (tcb.state) {
    case 'CLOSED':
    case 'LISTEN':
      // A TCB never rests in these states: CLOSED deletes it and LISTEN is a listener, not a TCB.
      return;
    case 'SYN_SENT':
      segmentInSynSent(ctx, tcb, seg);
      return;
    case 'TIME_WAIT':
      if (ctx.policies.timeWaitSegments === 'linux') {
        segmentInTimeWaitLinux(ctx, tcb, seg);
        return;
      }
      if (segmentInTimeWait(ctx, tcb, seg)) return;
      if (paws(ctx, tcb, seg)) return;
      segmentInSynchronized(ctx, tcb, seg);
      return;
    default:
      if (paws(ctx, tcb, seg)) return;
      segmentInSynchronized(ctx, tcb, seg);
  }
}

/** RFC 7323 §5.3: drop (with an ACK) a segment whose timestamp is too old; else note its TSval. */
function paws(ctx: TcpContext, tcb: Tcb, seg: Segment): boolean {
  if (pawsRejects(tcb, seg)) {
    ackInvalid(ctx, tcb);
    return true;
  }
  updateTsRecent(ctx, tcb, seg);
  return false;
}
