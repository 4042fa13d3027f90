/**
 * The trace: what happened, in time order. It is the simulation's only output, and the
 * headless CLI's JSON format (shared/DESIGN.md) is a direct rendering of it, so field names
 * here are a public contract.
 */
import type { Micros } from './time.js';
import type { Flag, HostName, NodeName, Segment } from './types.js';
import type { TcpState } from './tcp/states.js';
import type { Policies } from './policy.js';

/**
 * A segment as the trace records it: a copy taken at the moment of the event. Records are never
 * edited, so events that see the segment unchanged share one (a send's record is made once; a
 * router's hop makes a new one only because the TTL fell; the delivery shares the last hop's).
 */
export interface SegmentRecord {
  id: number;
  src: string;
  dst: string;
  from: HostName;
  flags: Flag[];
  seq: number;
  ack: number;
  len: number;
  window: number;
  data: string;
  ttl: number;
  incarnation: number;
  /** Birth time in microseconds, for age against MSL. */
  born: Micros;
  retransmitOf?: number;
  copyOf?: number;
  /** The timestamps option (RFC 7323), when present. */
  tsval?: number;
  tsecr?: number;
}

/** 'DELACK': Linux's delayed ACK of a FIN (the delayedAck policy). 'FIN_WAIT_2': Linux's tcp_fin_timeout for an orphaned FIN_WAIT_2 (the finWait2TimeoutSeconds policy). */
export type TimerName = 'RTO' | '2MSL' | 'FIN_WAIT_2' | 'DELACK';
export type TimerAction = 'start' | 'restart' | 'expire' | 'cancel';

export type AppEventName =
  | 'listening'
  | 'connected'
  | 'data'
  | 'eof'
  | 'closed'
  | 'ECONNRESET'
  | 'ECONNREFUSED'
  | 'EADDRINUSE'
  | 'ETIMEDOUT'
  /** connect(): no usable local address/port (Linux: own TIME_WAIT without timestamps, or ports exhausted). */
  | 'EADDRNOTAVAIL'
  /** send() on a connection that was reset. */
  | 'EPIPE';

export type AlertName = 'old-duplicate-accepted';

export type DropReason =
  | 'perturbation'
  | 'ttl-expired'
  | 'random-loss'
  | 'host-down'
  | 'no-route';

interface Base {
  /** Simulated time in microseconds. Exports convert to seconds. */
  at: Micros;
  /** The engine step that produced this event (for step back and cross-referencing). */
  step: number;
  host: NodeName;
}

/** Identifies one connection: the local and remote address and its incarnation. */
export interface ConnRef {
  local: string;
  remote: string;
  incarnation: number;
}

export type TraceEvent =
  | (Base & { kind: 'send'; seg: SegmentRecord })
  | (Base & { kind: 'deliver'; seg: SegmentRecord })
  | (Base & { kind: 'drop'; seg: SegmentRecord; reason: DropReason })
  /**
   * A router forwarded the segment (`seg.ttl` is the TTL after its decrement). Internal detail:
   * the JSON contract's kinds exclude it, but pcap capture at a router and loop laps need it.
   */
  | (Base & { kind: 'hop'; seg: SegmentRecord; toward: NodeName; looping: boolean })
  | (Base & { kind: 'state'; from: TcpState; to: TcpState; conn: ConnRef; cause: string })
  | (Base & {
      kind: 'timer';
      timer: TimerName;
      action: TimerAction;
      /** When the timer fires, in microseconds (for `expire`/`cancel`, when it was due). */
      expires: Micros;
      conn: ConnRef;
    })
  | (Base & { kind: 'app'; event: AppEventName; data?: string; conn?: ConnRef; detail?: string })
  | (Base & {
      kind: 'perturb';
      perturbation: string;
      detail: string;
      seg?: SegmentRecord;
      /** For a `policy` perturbation: the values it set, so a screen can say them in words. */
      policies?: Partial<Policies>;
    })
  | (Base & {
      kind: 'alert';
      alert: AlertName;
      detail: string;
      seg?: SegmentRecord;
      /** The incarnation the segment was born in, and the one that accepted it. */
      bornIn?: number;
      acceptedBy?: number;
    });

export type TraceKind = TraceEvent['kind'];

/**
 * The flag list of a record. Records are written for every send, hop and delivery, so the 32
 * possible lists are built once and shared (frozen: a record is never edited).
 */
const FLAG_ARRAYS: readonly (readonly Flag[])[] = Array.from({ length: 32 }, (_, bits) =>
  Object.freeze((['SYN', 'FIN', 'RST', 'PSH', 'ACK'] as const).filter((_, i) => bits & (1 << i))),
);

export function flagArray(f: Segment['flags']): Flag[] {
  const bits = (f.SYN ? 1 : 0) | (f.FIN ? 2 : 0) | (f.RST ? 4 : 0) | (f.PSH ? 8 : 0) | (f.ACK ? 16 : 0);
  return FLAG_ARRAYS[bits] as Flag[];
}

/**
 * The record of `seg` as it is now. `src` and `dst` may be given already formatted (a TCB has
 * them in its ConnRef), which saves building two strings per segment. A record with timestamps
 * is built whole, not given its two fields afterwards: an object given properties after its
 * literal gets a second property store, and most segments of a Linux run carry timestamps.
 */
export function recordSegment(seg: Segment, src = `${seg.src.ip}:${seg.src.port}`, dst = `${seg.dst.ip}:${seg.dst.port}`): SegmentRecord {
  const { id, from, seq, ack, window, data, ttl, incarnation, born, ts } = seg;
  const flags = flagArray(seg.flags);
  const len = data.length;
  const rec: SegmentRecord = ts
    ? { id, src, dst, from, flags, seq, ack, len, window, data, ttl, incarnation, born, tsval: ts.val, tsecr: ts.ecr }
    : { id, src, dst, from, flags, seq, ack, len, window, data, ttl, incarnation, born };
  if (seg.retransmitOf !== undefined) rec.retransmitOf = seg.retransmitOf;
  if (seg.copyOf !== undefined) rec.copyOf = seg.copyOf;
  return rec;
}

/**
 * The record of the same segment with another TTL (a router has just decremented it): `rec`
 * itself when the TTL is the same, else a copy sharing its strings and flag list, built as
 * recordSegment builds one (same fields in the same order; a literal is faster than a spread).
 */
export function withTtl(rec: SegmentRecord, ttl: number): SegmentRecord {
  if (rec.ttl === ttl) return rec;
  const { id, src, dst, from, flags, seq, ack, len, window, data, incarnation, born, tsval, tsecr } = rec;
  const out: SegmentRecord =
    tsval !== undefined
      ? { id, src, dst, from, flags, seq, ack, len, window, data, ttl, incarnation, born, tsval, tsecr }
      : { id, src, dst, from, flags, seq, ack, len, window, data, ttl, incarnation, born };
  if (rec.retransmitOf !== undefined) out.retransmitOf = rec.retransmitOf;
  if (rec.copyOf !== undefined) out.copyOf = rec.copyOf;
  return out;
}
