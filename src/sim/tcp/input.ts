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
      segmentInSynchronized(ctx, tcb, seg);
      return;
    default:
      segmentInSynchronized(ctx, tcb, seg);
  }
}
