/**
 * Hand-built traces for the export tests, shaped like the engine's output: the path is
 * client - r1 - r2 - server with links of 10, 30 and 10 ms, hosts send with TTL 64 and each
 * router lowers it by one.
 */
import type { DropReason, SegmentRecord, TraceEvent } from '../../src/sim/trace.js';
import type { Flag, HostName, NodeName } from '../../src/sim/types.js';
import type { TcpState } from '../../src/sim/tcp/states.js';
import { CLIENT_ADDRESS, SERVER_ADDRESS, segmentRecord } from '../fixtures/segmentRecord.js';

export const CLIENT = CLIENT_ADDRESS;
export const SERVER = SERVER_ADDRESS;
const ms = (n: number): number => Math.round(n * 1000);
const s = (n: number): number => Math.round(n * 1_000_000);

type Pending = TraceEvent & { order: number };

export class TraceBuilder {
  private events: Pending[] = [];
  private nextId = 1;
  private order = 0;

  private push(ev: TraceEvent): void {
    this.events.push({ ...ev, order: this.order++ } as Pending);
  }

  conn(host: HostName, incarnation = 1) {
    return host === 'client'
      ? { local: CLIENT, remote: SERVER, incarnation }
      : { local: SERVER, remote: CLIENT, incarnation };
  }

  state(atS: number, host: HostName, from: TcpState, to: TcpState, cause = 'test'): this {
    this.push({ kind: 'state', at: s(atS), step: 0, host, from, to, conn: this.conn(host), cause });
    return this;
  }

  timer(atS: number, host: HostName, timer: 'RTO' | '2MSL', action: 'start' | 'restart' | 'expire' | 'cancel', expiresS: number): this {
    this.push({ kind: 'timer', at: s(atS), step: 0, host, timer, action, expires: s(expiresS), conn: this.conn(host) });
    return this;
  }

  app(atS: number, host: HostName, event: 'listening' | 'connected' | 'data' | 'eof' | 'closed', data?: string): this {
    const ev: TraceEvent = { kind: 'app', at: s(atS), step: 0, host, event, conn: this.conn(host) };
    if (data !== undefined) ev.data = data;
    this.push(ev);
    return this;
  }

  perturb(atS: number, host: NodeName, perturbation: string, detail: string, seg?: SegmentRecord): this {
    const ev: TraceEvent = { kind: 'perturb', at: s(atS), step: 0, host, perturbation, detail };
    if (seg) ev.seg = seg;
    this.push(ev);
    return this;
  }

  alert(atS: number, host: NodeName, seg: SegmentRecord, bornIn: number, acceptedBy: number): this {
    this.push({ kind: 'alert', at: s(atS), step: 0, host, alert: 'old-duplicate-accepted', detail: 'old duplicate accepted', seg, bornIn, acceptedBy });
    return this;
  }

  makeSeg(from: HostName, flags: Flag[], seq: number, ack: number, atS: number, extra: Partial<SegmentRecord> = {}): SegmentRecord {
    return segmentRecord(this.nextId++, from, flags, seq, ack, s(atS), extra);
  }

  /**
   * Sends a segment and carries it along the path: hops at r1 and r2, then delivery, unless it
   * is dropped at `dropAt` (a router, before forwarding) or circles `loopLaps` times r2<->r1 first.
   */
  segment(
    from: HostName,
    flags: Flag[],
    seq: number,
    ack: number,
    atS: number,
    opts: { extra?: Partial<SegmentRecord>; dropAt?: 'r1' | 'r2'; reason?: DropReason; loopLaps?: number; sendEvent?: boolean } = {},
  ): SegmentRecord {
    const seg = this.makeSeg(from, flags, seq, ack, atS, opts.extra);
    const at = s(atS);
    if (opts.sendEvent !== false) this.push({ kind: 'send', at, step: 0, host: from, seg: { ...seg } });
    const path: NodeName[] = from === 'client' ? ['r1', 'r2'] : ['r2', 'r1'];
    const to: HostName = from === 'client' ? 'server' : 'client';
    const delays = from === 'client' ? [ms(10), ms(30), ms(10)] : [ms(10), ms(30), ms(10)];
    let t = at + delays[0]!;
    let ttl = seg.ttl;
    for (let i = 0; i < path.length; i++) {
      const router = path[i]!;
      if (opts.dropAt === router) {
        this.push({ kind: 'drop', at: t, step: 0, host: router, seg: { ...seg, ttl }, reason: opts.reason ?? 'perturbation' });
        return seg;
      }
      ttl -= 1;
      if (i === 0 && opts.loopLaps) {
        // Bounce between the two routers: each hop lowers the TTL once more.
        let here: NodeName = router;
        for (let lap = 0; lap < opts.loopLaps * 2; lap++) {
          const there: NodeName = here === 'r1' ? 'r2' : 'r1';
          this.push({ kind: 'hop', at: t, step: 0, host: here, seg: { ...seg, ttl }, toward: there, looping: true });
          t += ms(200);
          here = there;
          ttl -= 1;
        }
      }
      const next: NodeName = i + 1 < path.length ? path[i + 1]! : to;
      this.push({ kind: 'hop', at: t, step: 0, host: router, seg: { ...seg, ttl }, toward: next, looping: false });
      t += delays[i + 1]!;
    }
    this.push({ kind: 'deliver', at: t, step: 0, host: to, seg: { ...seg, ttl } });
    return seg;
  }

  build(): TraceEvent[] {
    const sorted = [...this.events].sort((a, b) => a.at - b.at || a.order - b.order);
    return sorted.map(({ order: _order, ...ev }, step) => ({ ...ev, step }) as TraceEvent);
  }
}

/** The story of the lost final ACK, by hand: the client's last ACK is lost and the server resends its FIN. */
export function lostFinalAckTrace(): TraceEvent[] {
  const b = new TraceBuilder();
  b.state(0, 'server', 'CLOSED', 'LISTEN').app(0, 'server', 'listening');
  b.state(0, 'client', 'CLOSED', 'SYN_SENT').timer(0, 'client', 'RTO', 'start', 1);
  b.segment('client', ['SYN'], 1000, 0, 0);
  b.state(0.05, 'server', 'LISTEN', 'SYN_RECEIVED');
  b.segment('server', ['SYN', 'ACK'], 5000, 1001, 0.05);
  b.timer(0.1, 'client', 'RTO', 'cancel', 1).state(0.1, 'client', 'SYN_SENT', 'ESTABLISHED').app(0.1, 'client', 'connected');
  b.segment('client', ['ACK'], 1001, 5001, 0.1);
  b.state(0.15, 'server', 'SYN_RECEIVED', 'ESTABLISHED').app(0.15, 'server', 'connected');
  b.segment('client', ['PSH', 'ACK'], 1001, 5001, 0.5, { extra: { data: 'USER anon\r\n' } });
  b.app(0.55, 'server', 'data', 'USER anon\r\n');
  b.segment('server', ['ACK'], 5001, 1012, 0.55);
  b.state(1, 'client', 'ESTABLISHED', 'FIN_WAIT_1');
  b.segment('client', ['FIN', 'ACK'], 1012, 5001, 1);
  b.state(1.05, 'server', 'ESTABLISHED', 'CLOSE_WAIT').app(1.05, 'server', 'eof');
  b.segment('server', ['ACK'], 5001, 1013, 1.05);
  b.state(1.05, 'server', 'CLOSE_WAIT', 'LAST_ACK');
  const fin = b.segment('server', ['FIN', 'ACK'], 5001, 1013, 1.05);
  b.timer(1.05, 'server', 'RTO', 'start', 2.05);
  b.state(1.1, 'client', 'FIN_WAIT_1', 'FIN_WAIT_2');
  b.state(1.1, 'client', 'FIN_WAIT_2', 'TIME_WAIT').timer(1.1, 'client', '2MSL', 'start', 241.1);
  b.perturb(1.1, 'client', 'drop', 'drop the client\'s final ACK');
  b.segment('client', ['ACK'], 1013, 5002, 1.1, { dropAt: 'r1' });
  b.timer(2.05, 'server', 'RTO', 'expire', 2.05);
  b.segment('server', ['FIN', 'ACK'], 5001, 1013, 2.05, { extra: { retransmitOf: fin.id, born: fin.born } });
  b.timer(2.05, 'server', 'RTO', 'start', 4.05);
  b.timer(2.1, 'client', '2MSL', 'restart', 242.1);
  b.segment('client', ['ACK'], 1013, 5002, 2.1);
  b.timer(2.15, 'server', 'RTO', 'cancel', 4.05).state(2.15, 'server', 'LAST_ACK', 'CLOSED').app(2.15, 'server', 'closed');
  b.timer(242.1, 'client', '2MSL', 'expire', 242.1).state(242.1, 'client', 'TIME_WAIT', 'CLOSED').app(242.1, 'client', 'closed');
  return b.build();
}

/** A data segment caught in a routing loop for 3 laps, released late, and one that dies looping. */
export function loopingTrace(): TraceEvent[] {
  const b = new TraceBuilder();
  b.state(0, 'client', 'ESTABLISHED', 'ESTABLISHED');
  b.perturb(0.5, 'r1', 'loop', 'hold the data segment in a loop for 3 laps');
  const old = b.segment('client', ['PSH', 'ACK'], 2000, 6000, 0.5, { extra: { data: 'RETR x\r\n', incarnation: 1 }, loopLaps: 3 });
  b.segment('client', ['ACK'], 2000, 6000, 0.6, { extra: { ttl: 4 }, loopLaps: 1, dropAt: 'r2', reason: 'ttl-expired' });
  b.alert(1.8, 'server', old, 1, 2);
  return b.build();
}
