/**
 * What the TCP logic needs from the world around it. The engine implements this; the TCP
 * files never touch the event queue, the network or the trace directly, which keeps each
 * RFC rule testable on its own.
 */
import type { Micros } from '../time.js';
import type { Flags, HostName, Segment } from '../types.js';
import type { Policies } from '../policy.js';
import type { AppEventName, TimerName } from '../trace.js';
import type { TcpState } from './states.js';
import type { Tcb } from './tcb.js';

/** The fields of a segment the TCP logic chooses; the engine fills in the rest. */
export interface OutgoingSegment {
  flags: Flags;
  seq: number;
  ack: number;
  data: string;
  window: number;
  retransmitOf?: number;
}

export interface TcpContext {
  readonly now: Micros;
  readonly policies: Policies;
  readonly host: HostName;
  readonly hostIp: string;
  /** Does this host's application read data as it arrives (else only at its `read` calls)? */
  readonly appReadsOnArrival: boolean;

  /** Put a segment on the wire from this host for `tcb` (or, with tcb null, as a reply to `inReplyTo`). */
  transmit(tcb: Tcb | null, out: OutgoingSegment, inReplyTo?: Segment): Segment;
  /**
   * Change state, recording the transition and why it happened. Entering CLOSED deletes the TCB;
   * so does LISTEN, which only a passively opened connection returns to (its listener remains).
   */
  setState(tcb: Tcb, to: TcpState, cause: string): void;
  /** Arm (or re-arm) a timer `delay` from now. */
  startTimer(tcb: Tcb, timer: TimerName, delay: Micros): void;
  cancelTimer(tcb: Tcb, timer: TimerName): void;
  /** Tell this host's application something. */
  app(event: AppEventName, tcb: Tcb | null, data?: string, detail?: string): void;
  /** A segment from an older incarnation was just accepted by this newer one. */
  oldDuplicateAccepted(tcb: Tcb, seg: Segment): void;
  /** Choose the ISN for a new connection of this host (the scenario's ISN rule). */
  chooseIss(): number;
  /** This host's timestamp clock (RFC 7323 §5.4): TSval for a segment sent now. */
  tsNow(): number;
  /** Is there a listener on this local port (for a SYN that may open a new incarnation)? */
  hasListener(port: number): boolean;
  /**
   * Hand a SYN to this host's listener, as if no connection existed (RFC 9293 §3.10.7.2).
   * `issAbove`: the new connection's ISS must come after this sequence number (a connection
   * reopened from TIME_WAIT must not reuse the old incarnation's sequence space).
   */
  deliverToListener(seg: Segment, issAbove?: number): void;
}
