/**
 * The vocabulary shared by every part of the simulation: hosts, addresses, flags and segments.
 */
import type { Micros } from './time.js';

/** The two TCP endpoints. Routers are named separately (see net/topology.ts). */
export type HostName = 'client' | 'server';
export const HOST_NAMES: readonly HostName[] = ['client', 'server'];

export function peerOf(host: HostName): HostName {
  return host === 'client' ? 'server' : 'client';
}

/** Anything that can appear as the `host` of a trace event: an endpoint or a router. */
export type NodeName = HostName | `r${number}`;

export interface SocketAddress {
  ip: string;
  port: number;
}

export const formatAddress = (a: SocketAddress): string => `${a.ip}:${a.port}`;

/** The control bits the simulation models, in the order the trace prints them. */
export type Flag = 'SYN' | 'FIN' | 'RST' | 'PSH' | 'ACK';
export const FLAG_ORDER: readonly Flag[] = ['SYN', 'FIN', 'RST', 'PSH', 'ACK'];

export interface Flags {
  SYN: boolean;
  FIN: boolean;
  RST: boolean;
  PSH: boolean;
  ACK: boolean;
}

export function flagList(f: Flags): Flag[] {
  return FLAG_ORDER.filter((name) => f[name]);
}

/**
 * One TCP segment, as it travels. A copy made by the network (a duplicate) gets a new `id`
 * and remembers the original in `copyOf`; everything else about it is the same.
 */
export interface Segment {
  id: number;
  src: SocketAddress;
  dst: SocketAddress;
  /** Which endpoint sent it (or was made to appear to send it, for an injected segment). */
  from: HostName;
  flags: Flags;
  seq: number;
  ack: number;
  window: number;
  /** Payload as text: the tutorial's data is readable ASCII, and `len` is its length. */
  data: string;
  ttl: number;
  /** The incarnation of the 4-tuple whose TCB sent it (0 for a reply from no connection). */
  incarnation: number;
  /** When the sender first put it on the wire, for its age against MSL. */
  born: Micros;
  /** Set on a retransmission: the id of the segment it repeats. */
  retransmitOf?: number;
  /** Set on a network-made duplicate: the id of the segment it copies. */
  copyOf?: number;
  /** The timestamps option (RFC 7323 §3.2), when the connection uses it: TSval and TSecr. */
  ts?: { val: number; ecr: number };
}

/** SEG.LEN of RFC 9293 §3.4: the payload plus one for each of SYN and FIN. */
export function segLen(seg: Pick<Segment, 'data' | 'flags'>): number {
  return seg.data.length + (seg.flags.SYN ? 1 : 0) + (seg.flags.FIN ? 1 : 0);
}

export function flagsOf(...names: Flag[]): Flags {
  return {
    SYN: names.includes('SYN'),
    FIN: names.includes('FIN'),
    RST: names.includes('RST'),
    PSH: names.includes('PSH'),
    ACK: names.includes('ACK'),
  };
}

/** Short human label such as `FIN,ACK seq=5001 ack=1002`. */
export function describeSegment(seg: Segment): string {
  const flags = flagList(seg.flags).join(',') || '.';
  const len = seg.data.length > 0 ? ` len=${seg.data.length}` : '';
  const ack = seg.flags.ACK ? ` ack=${seg.ack}` : '';
  return `${flags} seq=${seg.seq}${ack}${len}`;
}
