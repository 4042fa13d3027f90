/**
 * The sequence-number acceptability test of RFC 9293 §3.10.7.4 ("first, check sequence number"):
 *
 *   len  window  acceptable when
 *   0    0       SEG.SEQ = RCV.NXT
 *   0    >0      RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND
 *   >0   0       never
 *   >0   >0      the first or the last octet of the segment falls in the window
 */
import { seqAdd, seqInWindow } from '../seq.js';
import { segLen, type Segment } from '../types.js';
import type { Tcb } from './tcb.js';

export function isAcceptable(tcb: Tcb, seg: Segment): boolean {
  const len = segLen(seg);
  const wnd = tcb.rcvWnd;
  const hi = seqAdd(tcb.rcvNxt, wnd);
  if (len === 0) return wnd === 0 ? seg.seq === tcb.rcvNxt : seqInWindow(seg.seq, tcb.rcvNxt, hi);
  if (wnd === 0) return false;
  return seqInWindow(seg.seq, tcb.rcvNxt, hi) || seqInWindow(seqAdd(seg.seq, len - 1), tcb.rcvNxt, hi);
}
