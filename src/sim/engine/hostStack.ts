/**
 * One host's TCP stack: its connection table, listeners and ports, and the TcpContext through
 * which the RFC logic in src/sim/tcp acts on the world.
 */
import { emit, schedule, type Core } from './core.js';
import { launch, newPacket, randomlyLost } from './network.js';
import { onSend } from './perturb.js';
import type { HostState } from './state.js';
import type { OutgoingSegment, TcpContext } from '../tcp/context.js';
import { newTcb, tcbKey, type Tcb } from '../tcp/tcb.js';
import type { TcpState } from '../tcp/states.js';
import { segmentArrives } from '../tcp/input.js';
import { segmentForListener, segmentForNoConnection } from '../tcp/inputClosed.js';
import { activeOpen } from '../tcp/userCalls.js';
import { REOPEN_ISS_GAP } from '../tcp/inputClosed.js';
import { recordSegment, type AppEventName, type ConnRef, type TimerName, type TraceEvent } from '../trace.js';
import { seqNorm } from '../seq.js';
import { nextUint32 } from '../rng.js';
import { seconds, type Micros } from '../time.js';
import type { HostName, Segment, SocketAddress } from '../types.js';
import type { Policies } from '../policy.js';

export const EPHEMERAL_FIRST = 49152;
export const EPHEMERAL_LAST = 65535;

/** The connection as trace events name it (made once, with the TCB). */
export function connRef(tcb: Tcb): ConnRef {
  return tcb.ref;
}

export class HostContext implements TcpContext {
  constructor(
    private readonly core: Core,
    readonly host: HostName,
  ) {}

  get now(): Micros {
    return this.core.state.now;
  }
  get policies(): Policies {
    return this.core.state.policies;
  }
  get hostIp(): string {
    return this.hostState.ip;
  }
  get appReadsOnArrival(): boolean {
    return this.core.spec.appReads?.[this.host] !== 'when-asked';
  }
  get hostState(): HostState {
    return this.core.state.hosts[this.host];
  }

  transmit(tcb: Tcb | null, out: OutgoingSegment, inReplyTo?: Segment): Segment {
    const s = this.core.state;
    const seg: Segment = {
      id: s.nextSegId++,
      src: tcb ? tcb.local : { ip: this.hostIp, port: inReplyTo!.dst.port },
      dst: tcb ? tcb.remote : inReplyTo!.src,
      from: this.host,
      flags: out.flags,
      seq: seqNorm(out.seq),
      ack: seqNorm(out.ack),
      window: out.window,
      data: out.data,
      ttl: s.policies.initialTtl,
      incarnation: tcb ? tcb.incarnation : inReplyTo!.incarnation,
      born: s.now,
      // Written in the literal even when absent, so every segment has one shape (adding a
      // property later gives the object a second store, for each of thousands of segments).
      retransmitOf: out.retransmitOf,
      // RFC 7323 §3.2: once negotiated (or offered, on our SYN), every segment but an RST carries it.
      ts: tcb?.tsOk && !out.flags.RST ? { val: this.tsNow(), ecr: tcb.tsRecent } : undefined,
    };
    // The record is made once here; the hops and the delivery reuse it (see network.recordOf).
    const record = tcb ? recordSegment(seg, tcb.ref.local, tcb.ref.remote) : recordSegment(seg);
    emit(this.core, { at: this.core.state.now, step: this.core.state.step, kind: 'send', host: this.host, seg: record });
    const pkt = newPacket(this.core, seg, record, tcb ? tcb.peerKey : null);
    pkt.senderState = tcb ? tcb.state : null;
    if (randomlyLost(this.core)) pkt.doomed = 'random-loss';
    const extra = onSend(this.core, pkt);
    launch(this.core, pkt, extra);
    return seg;
  }

  setState(tcb: Tcb, to: TcpState, cause: string): void {
    const from = tcb.state;
    if (from === to) return;
    tcb.state = to;
    tcb.lastTransition = { from, to, at: this.now };
    emit(this.core, { at: this.core.state.now, step: this.core.state.step, kind: 'state', host: this.host, from, to, conn: connRef(tcb), cause });
    if (to === 'CLOSED' || to === 'LISTEN') {
      // Deleting the TCB also silences its timers: queued expiries find no TCB and are ignored.
      tcb.rtoTimer = null;
      tcb.twTimer = null;
      this.hostState.tcbs.delete(tcb.key);
    }
  }

  startTimer(tcb: Tcb, timer: TimerName, delay: Micros): void {
    const s = this.core.state;
    const slot = { token: s.nextToken++, startedAt: s.now, expires: s.now + delay, name: timer };
    const running = timer === 'RTO' ? tcb.rtoTimer : tcb.twTimer;
    if (timer === 'RTO') tcb.rtoTimer = slot;
    else tcb.twTimer = slot;
    schedule(this.core, delay, { type: 'timer', host: this.host, key: tcb.key, timer, token: slot.token });
    emit(this.core, {
      at: this.core.state.now,
      step: this.core.state.step,
      kind: 'timer',
      host: this.host,
      timer,
      action: running ? 'restart' : 'start',
      expires: slot.expires,
      conn: connRef(tcb),
    });
  }

  cancelTimer(tcb: Tcb, timer: TimerName): void {
    const slot = timer === 'RTO' ? tcb.rtoTimer : tcb.twTimer;
    if (!slot) return;
    if (timer === 'RTO') tcb.rtoTimer = null;
    else tcb.twTimer = null;
    emit(this.core, { at: this.core.state.now, step: this.core.state.step, kind: 'timer', host: this.host, timer, action: 'cancel', expires: slot.expires, conn: connRef(tcb) });
  }

  app(event: AppEventName, tcb: Tcb | null, data?: string, detail?: string): void {
    if (event === 'ECONNRESET' && tcb) this.hostState.resetKey = tcb.key;
    const ev: TraceEvent & { kind: 'app' } = { at: this.core.state.now, step: this.core.state.step, kind: 'app', host: this.host, event };
    if (tcb) ev.conn = connRef(tcb);
    if (data !== undefined) ev.data = data;
    if (detail !== undefined) ev.detail = detail;
    emit(this.core, ev);
  }

  oldDuplicateAccepted(tcb: Tcb, seg: Segment): void {
    emit(this.core, {
      at: this.core.state.now,
      step: this.core.state.step,
      kind: 'alert',
      host: this.host,
      alert: 'old-duplicate-accepted',
      detail: `segment #${seg.id} from incarnation ${seg.incarnation} was accepted by incarnation ${tcb.incarnation}`,
      seg: recordSegment(seg),
      bornIn: seg.incarnation,
      acceptedBy: tcb.incarnation,
    });
  }

  chooseIss(): number {
    const rule = this.core.spec.isn ?? { rule: 'fixed', client: 1000, server: 5000 };
    const h = this.hostState;
    const nth = h.opened - 1;
    switch (rule.rule) {
      case 'fixed':
        return seqNorm(rule[this.host] + (rule.step ?? 0) * nth);
      case 'clock': {
        // RFC 793 §3.3: a 32-bit clock whose low bit ticks every 4 microseconds.
        const offset = this.host === 'client' ? (rule.clientOffset ?? 0) : (rule.serverOffset ?? 0);
        return seqNorm(offset + Math.floor(this.now / 4));
      }
      case 'random':
        return nextUint32(this.core.state.rng);
    }
  }

  /** Milliseconds of simulated time: Linux's TSval clock ticks once a millisecond. */
  tsNow(): number {
    return Math.floor(this.now / 1000) % 0x1_0000_0000;
  }

  hasListener(port: number): boolean {
    return this.hostState.listeners.includes(port);
  }

  deliverToListener(seg: Segment, issAbove?: number): void {
    segmentForListener(this, seg, () => this.createTcb(seg.dst, seg.src, seg.incarnation, 'LISTEN'), issAbove);
  }

  /** A new TCB for this host; `incarnation` null means "the next one for this 4-tuple". */
  createTcb(local: SocketAddress, remote: SocketAddress, incarnation: number | null, state: TcpState): Tcb {
    const s = this.core.state;
    const ledger = this.core.incarnations;
    const tuple = ledger.tuple(local, remote);
    const known = ledger.count(tuple);
    const inc = incarnation ?? known + 1;
    if (inc > known) ledger.raise(tuple, inc);
    const tcb = newTcb(this.host, { ...local }, { ...remote }, inc, state, seconds(s.policies.initialRtoSeconds), s.now);
    const h = this.hostState;
    h.tcbs.set(tcb.key, tcb);
    h.current = tcb.key;
    h.opened += 1;
    return tcb;
  }

  /** A segment has reached this host: find its connection, or its listener, or answer RST. */
  receive(seg: Segment, key: string | null = null): void {
    const tcb = this.hostState.tcbs.get(key ?? tcbKey(seg.dst.port, seg.src));
    if (tcb) {
      this.core.tcbs.touch(tcb);
      segmentArrives(this, tcb, seg);
    }
    else if (this.hasListener(seg.dst.port)) this.deliverToListener(seg);
    else segmentForNoConnection(this, seg);
  }

  listen(port: number): void {
    const h = this.hostState;
    if (!h.listeners.includes(port)) h.listeners.push(port);
    emit(this.core, { at: this.core.state.now, step: this.core.state.step, kind: 'app', host: this.host, event: 'listening', detail: `port ${port}` });
  }

  /** connect(): from an explicit local port, or the next free ephemeral one. */
  connect(remote: SocketAddress, localPort?: number): Tcb | null {
    const h = this.hostState;
    const port = localPort ?? this.ephemeralPort(remote);
    if (port === null) {
      // Linux reports an exhausted range as EADDRNOTAVAIL (inet_hash_connect).
      const event = this.policies.reuseCheck === 'linux' ? 'EADDRNOTAVAIL' : 'EADDRINUSE';
      emit(this.core, { at: this.core.state.now, step: this.core.state.step, kind: 'app', host: this.host, event, detail: 'no free ephemeral port' });
      return null;
    }
    const existing = h.tcbs.get(tcbKey(port, remote));
    let inherit: Tcb | null = null;
    if (existing) {
      // RFC 1122 §4.2.2.13: the pair is busy while it is in TIME_WAIT, unless the reuse
      // policy (Linux's SO_REUSEADDR with timestamps, or tcp_tw_reuse) lets us take it over.
      const linux = this.policies.reuseCheck === 'linux';
      if (existing.state === 'TIME_WAIT' && this.policies.reuseTimeWait === 'allow' && linux && !existing.tsOk && localPort !== undefined) {
        // tcp_twsk_unique refuses: without timestamps nothing tells old segments from new ones.
        emit(this.core, {
          at: this.core.state.now,
          step: this.core.state.step,
          kind: 'app',
          host: this.host,
          event: 'EADDRNOTAVAIL',
          conn: connRef(existing),
          detail: 'the 4-tuple is in TIME_WAIT and the old connection had no timestamps',
        });
        return null;
      }
      if (existing.state === 'TIME_WAIT' && (localPort === undefined || this.policies.reuseTimeWait === 'allow')) {
        this.touch(existing);
        if (linux) inherit = existing;
        this.setState(
          existing,
          'CLOSED',
          localPort === undefined ? 'TIME_WAIT taken over for a new outgoing connection (tcp_tw_reuse)' : 'TIME_WAIT taken over by a new connect() (reuse allowed)',
        );
      } else {
        const why = existing.state === 'TIME_WAIT' ? 'the 4-tuple is still in TIME_WAIT' : `the 4-tuple is in use (${existing.state})`;
        emit(this.core, { at: this.core.state.now, step: this.core.state.step, kind: 'app', host: this.host, event: 'EADDRINUSE', conn: connRef(existing), detail: why });
        return null;
      }
    }
    h.lastLocalPort = port;
    const tcb = this.createTcb({ ip: h.ip, port }, remote, null, 'CLOSED');
    if (inherit) {
      // tcp_twsk_unique: start 65537 past the old SND.NXT (never 0) and keep the peer's TS.Recent,
      // so the old incarnation's segments fall outside the new window and fail PAWS.
      const iss = seqNorm(inherit.sndNxt + REOPEN_ISS_GAP) || 1;
      tcb.tsRecent = inherit.tsRecent;
      tcb.tsRecentStamp = inherit.tsRecentStamp;
      activeOpen(this, tcb, iss);
    } else activeOpen(this, tcb);
    return tcb;
  }

  private ephemeralPort(remote: SocketAddress): number | null {
    const h = this.hostState;
    const first = Math.min(this.policies.ephemeralFirst, this.policies.ephemeralLast);
    const last = Math.max(this.policies.ephemeralFirst, this.policies.ephemeralLast);
    const span = last - first + 1;
    const start = h.nextEphemeral >= first && h.nextEphemeral <= last ? h.nextEphemeral - first : 0;
    for (let i = 0; i < span; i++) {
      const port = first + ((start + i) % span);
      const tcb = h.tcbs.get(tcbKey(port, remote));
      if (!tcb || this.twReusable(tcb)) {
        h.nextEphemeral = port + 1 > last ? first : port + 1;
        return port;
      }
    }
    return null;
  }

  /**
   * net.ipv4.tcp_tw_reuse (tcp_twsk_unique, called from __inet_check_established while
   * inet_hash_connect picks a port): a 4-tuple in TIME_WAIT may be taken for a new outgoing
   * connection if the old one used timestamps and its last timestamp is at least 1 s old.
   * 2 limits this to loopback peers.
   */
  private twReusable(tcb: Tcb): boolean {
    const mode = this.policies.tcpTwReuse;
    if (tcb.state !== 'TIME_WAIT' || mode === 0) return false;
    if (mode === 2 && !tcb.remote.ip.startsWith('127.')) return false;
    return tcb.tsOk && tcb.tsRecentStamp !== null && this.now - tcb.tsRecentStamp >= 1_000_000;
  }

  /** The host crashes: every connection is forgotten at once, with nothing sent. */
  crash(): void {
    const h = this.hostState;
    h.up = false;
    for (const tcb of [...h.tcbs.values()]) {
      this.touch(tcb);
      this.setState(tcb, 'CLOSED', 'host crashed');
    }
  }

  currentTcb(): Tcb | undefined {
    const key = this.hostState.current;
    return key === null ? undefined : this.hostState.tcbs.get(key);
  }

  /** The application is about to act on this TCB (see TcbCopies). */
  touch(tcb: Tcb): void {
    this.core.tcbs.touch(tcb);
  }
}
