/**
 * Probing single transitions: put one endpoint in a state, give it one event (an arriving
 * segment, an application call or a timer), and record what it sends and where it goes. This
 * runs the real TCP code of src/sim/tcp through a recording context, so the state-machine
 * tables and the quiz's answers both come from the code the simulation itself runs.
 *
 * The endpoint's own ISS is 5000 and its peer's is 1000, so every number is easy to read.
 */
import type { Policies } from './policy.js';
import { resolvePolicies } from './policy.js';
import { seqAdd } from './seq.js';
import { recordSegment, type AppEventName, type SegmentRecord, type TimerName } from './trace.js';
import { flagsOf, type Flag, type Segment } from './types.js';
import type { OutgoingSegment, TcpContext } from './tcp/context.js';
import { segmentArrives } from './tcp/input.js';
import { segmentForListener, segmentForNoConnection } from './tcp/inputClosed.js';
import { TCP_STATES, type TcpState } from './tcp/states.js';
import { newTcb, type Tcb } from './tcp/tcb.js';
import { timerExpired } from './tcp/timers.js';
import { activeOpen, userAbort, userClose, userSend } from './tcp/userCalls.js';
import { PROBE_EVENTS, probeEventApplies, type ProbeEventKey } from './probeEvents.js';
import { linuxSource } from './probeLinux.js';

export { PROBE_EVENTS, type ProbeEventKey };

export type ProbeEvent =
  | {
      kind: 'segment';
      flags: Flag[];
      /** in-window: exactly RCV.NXT; inside: in the window past RCV.NXT; old: wholly below it; future: beyond the window. */
      seq: 'in-window' | 'inside' | 'old' | 'future';
      data?: boolean;
      /** false: the ACK field acknowledges nothing new (not our FIN). Default: everything we sent. */
      ackOfOurFin?: boolean;
      /** The ACK field acknowledges data never sent. */
      ackUnsent?: boolean;
    }
  | { kind: 'call'; call: 'listen' | 'connect' | 'send' | 'close' | 'abort' }
  | { kind: 'timer'; timer: TimerName };

export interface ProbeCase {
  state: TcpState;
  key: ProbeEventKey;
  event: ProbeEvent;
  label: string;
  rfc: string;
  /** The kernel function that decides this pair under the `linux` preset. */
  linux?: string;
}

export interface ProbeResult {
  sent: SegmentRecord[];
  next: TcpState;
  app: AppEventName[];
  /** The causes the code gave for its transitions, or the rule that applied when none happened. */
  rule: string;
  timers: Array<{ timer: TimerName; action: 'start' | 'restart' | 'cancel' }>;
}

const OUR = { ip: '206.168.112.219', port: 21 };
const PEER = { ip: '12.106.32.254', port: 1500 };
export const PROBE_ISS = 5000;
export const PROBE_IRS = 1000;

/** Fill in a TCB as it would be on reaching `state` after an ordinary exchange. */
function tcbIn(state: TcpState, policies: Policies): Tcb {
  const tcb = newTcb('server', OUR, PEER, 1, state, policies.initialRtoSeconds * 1_000_000);
  const synAcked = state !== 'SYN_SENT' && state !== 'SYN_RECEIVED';
  tcb.iss = PROBE_ISS;
  tcb.irs = PROBE_IRS;
  tcb.sndUna = synAcked ? PROBE_ISS + 1 : PROBE_ISS;
  tcb.sndNxt = PROBE_ISS + 1;
  tcb.rcvNxt = state === 'SYN_SENT' ? 0 : PROBE_IRS + 1;
  tcb.passive = state === 'SYN_RECEIVED';
  if (state === 'SYN_SENT') tcb.unacked = [{ seq: PROBE_ISS, flags: flagsOf('SYN'), data: '', firstId: 1 }];
  if (state === 'SYN_RECEIVED') tcb.unacked = [{ seq: PROBE_ISS, flags: flagsOf('SYN', 'ACK'), data: '', firstId: 1 }];
  const weSentFin = ['FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSING', 'LAST_ACK', 'TIME_WAIT'].includes(state);
  const theySentFin = ['CLOSE_WAIT', 'CLOSING', 'LAST_ACK', 'TIME_WAIT'].includes(state);
  if (weSentFin) {
    // Our FIN went out because the application called close() (not shutdown()).
    tcb.appClosed = 'close';
    tcb.finSeq = PROBE_ISS + 1;
    tcb.sndNxt = PROBE_ISS + 2;
    const finAcked = state === 'FIN_WAIT_2' || state === 'TIME_WAIT';
    tcb.sndUna = finAcked ? tcb.sndNxt : PROBE_ISS + 1;
    if (!finAcked) tcb.unacked = [{ seq: PROBE_ISS + 1, flags: flagsOf('FIN', 'ACK'), data: '', firstId: 2 }];
  }
  if (theySentFin) tcb.rcvNxt = PROBE_IRS + 2;
  const timer = { token: 0, startedAt: 0, expires: 1_000_000 };
  if (tcb.unacked.length > 0) tcb.rtoTimer = { ...timer };
  if (state === 'TIME_WAIT') tcb.twTimer = { ...timer, expires: 60_000_000 };
  // An orphaned FIN_WAIT_2 under Linux's tcp_fin_timeout already has its timer running.
  if (state === 'FIN_WAIT_2' && policies.finWait2TimeoutSeconds !== null) tcb.twTimer = { ...timer, expires: 60_000_000, name: 'FIN_WAIT_2' };
  return tcb;
}

/** The segment a peer would send for this event, against a TCB in this state. */
function arriving(ev: Extract<ProbeEvent, { kind: 'segment' }>, tcb: Tcb | null): Segment {
  const data = ev.data ? 'hello' : '';
  const len = data.length + (ev.flags.includes('SYN') ? 1 : 0) + (ev.flags.includes('FIN') ? 1 : 0);
  const rcvNxt = tcb && tcb.state !== 'SYN_SENT' ? tcb.rcvNxt : PROBE_IRS;
  const seq =
    ev.seq === 'in-window' ? rcvNxt : ev.seq === 'inside' ? seqAdd(rcvNxt, 100) : ev.seq === 'old' ? seqAdd(rcvNxt, -len) : seqAdd(rcvNxt, 200_000);
  const sndNxt = tcb ? tcb.sndNxt : PROBE_ISS + 1;
  const ack = ev.ackUnsent ? seqAdd(sndNxt, 1000) : ev.ackOfOurFin === false && tcb ? tcb.sndUna : sndNxt;
  return { id: 100, src: PEER, dst: OUR, from: 'client', flags: flagsOf(...ev.flags), seq, ack, window: 65535, data, ttl: 64, incarnation: 1, born: 0 };
}

class RecordingContext implements TcpContext {
  readonly host = 'server' as const;
  readonly hostIp = OUR.ip;
  /** A probe's application reads as data arrives: nothing is ever left unread. */
  readonly appReadsOnArrival = true;
  readonly now = 10_000_000;
  sent: SegmentRecord[] = [];
  appEvents: AppEventName[] = [];
  causes: string[] = [];
  timers: ProbeResult['timers'] = [];
  next: TcpState;
  private nextId = 200;
  constructor(
    readonly policies: Policies,
    start: TcpState,
    private readonly listening: boolean,
  ) {
    this.next = start;
  }
  transmit(tcb: Tcb | null, out: OutgoingSegment, inReplyTo?: Segment): Segment {
    const seg: Segment = { id: this.nextId++, src: OUR, dst: tcb ? tcb.remote : inReplyTo!.src, from: 'server', flags: out.flags, seq: out.seq, ack: out.ack, window: out.window, data: out.data, ttl: 64, incarnation: 1, born: this.now };
    this.sent.push(recordSegment(seg));
    return seg;
  }
  setState(tcb: Tcb, to: TcpState, cause: string): void {
    tcb.state = to;
    this.next = to;
    this.causes.push(cause);
  }
  startTimer(tcb: Tcb, timer: TimerName): void {
    const running = timer === 'RTO' ? tcb.rtoTimer : tcb.twTimer;
    const slot = { token: 1, startedAt: this.now, expires: this.now + 1, name: timer };
    if (timer === 'RTO') tcb.rtoTimer = slot;
    else tcb.twTimer = slot;
    this.timers.push({ timer, action: running ? 'restart' : 'start' });
  }
  cancelTimer(tcb: Tcb, timer: TimerName): void {
    if ((timer === 'RTO' ? tcb.rtoTimer : tcb.twTimer) === null) return;
    if (timer === 'RTO') tcb.rtoTimer = null;
    else tcb.twTimer = null;
    this.timers.push({ timer, action: 'cancel' });
  }
  app(e: AppEventName): void {
    this.appEvents.push(e);
  }
  oldDuplicateAccepted(): void {}
  chooseIss(): number {
    return PROBE_ISS;
  }
  tsNow(): number {
    return Math.floor(this.now / 1000);
  }
  hasListener(): boolean {
    return this.listening;
  }
  deliverToListener(seg: Segment, issAbove?: number): void {
    segmentForListener(this, seg, () => newTcb('server', OUR, PEER, 2, 'LISTEN', 1_000_000), issAbove);
  }
}
/** Run one probe case through the real TCP code. */
export function probeTransition(c: Pick<ProbeCase, 'state' | 'event'>, overrides?: Partial<Policies>): ProbeResult {
  const policies = resolvePolicies(overrides);
  // The probed endpoint is a server: it listens, which the Berkeley rule in TIME_WAIT needs.
  const listening = c.state === 'LISTEN' || c.state === 'TIME_WAIT';
  const ctx = new RecordingContext(policies, c.state === 'LISTEN' ? 'LISTEN' : c.state, listening);
  const ev = c.event;
  const tcb = c.state === 'CLOSED' || c.state === 'LISTEN' ? null : tcbIn(c.state, policies);
  if (ev.kind === 'segment') {
    const seg = arriving(ev, tcb);
    if (tcb) segmentArrives(ctx, tcb, seg);
    else if (listening) ctx.deliverToListener(seg);
    else segmentForNoConnection(ctx, seg);
  } else if (ev.kind === 'timer') {
    if (tcb) timerExpired(ctx, tcb, ev.timer);
  } else if (ev.call === 'connect' && c.state === 'CLOSED') {
    activeOpen(ctx, newTcb('server', OUR, PEER, 1, 'CLOSED', 1_000_000));
  } else if (ev.call === 'listen' && c.state === 'CLOSED') {
    ctx.next = 'LISTEN';
    ctx.causes.push('listen()');
  } else if (tcb) {
    if (ev.call === 'send') userSend(ctx, tcb, 'hello');
    else if (ev.call === 'close') userClose(ctx, tcb);
    else if (ev.call === 'abort') userAbort(ctx, tcb);
  } else if (c.state === 'LISTEN' && ev.call === 'close') {
    ctx.next = 'CLOSED';
    ctx.causes.push('close() of a listener');
  }
  return {
    sent: ctx.sent,
    next: ctx.next,
    app: ctx.appEvents,
    rule: ctx.causes.length > 0 ? ctx.causes.join('; ') : 'no transition',
    timers: ctx.timers,
  };
}

/** Every (state x event) pair the core models, with the RFC section that governs it. */
export function enumerateProbeCases(): ProbeCase[] {
  const out: ProbeCase[] = [];
  for (const state of TCP_STATES) {
    for (const [key, spec] of Object.entries(PROBE_EVENTS) as Array<[ProbeEventKey, (typeof PROBE_EVENTS)[ProbeEventKey]]>) {
      if (!probeEventApplies(state, key)) continue;
      out.push({ state, key, event: spec.event, label: `${state}: ${spec.label}`, rfc: spec.rfc(state), linux: linuxSource(state, key) });
    }
  }
  return out;
}
