/**
 * TCP header (RFC 9293 §3.1), 20 bytes, with its checksum computed over the IPv4 pseudo-header,
 * the header and the payload. The only option written is timestamps (RFC 7323 §3.2), laid out
 * as Linux does: NOP, NOP, kind 8, length 10, TSval, TSecr (12 more bytes).
 */
import type { Flag } from '../../sim/index.js';
import { internetChecksum } from './checksum.js';
import { PROTOCOL_TCP } from './ipv4.js';

export const TCP_HEADER_LENGTH = 20;

/** Control bits as they sit in byte 13 of the header. */
export const TCP_FLAG_BITS: Record<Flag, number> = {
  FIN: 0x01,
  SYN: 0x02,
  RST: 0x04,
  PSH: 0x08,
  ACK: 0x10,
};

export interface TcpFields {
  srcIp: Uint8Array;
  dstIp: Uint8Array;
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: readonly Flag[];
  window: number;
  payload: Uint8Array;
  /** The timestamps option, if the segment carries it. */
  ts?: { val: number; ecr: number };
}

const TS_OPTION_LENGTH = 12;

export function flagByte(flags: readonly Flag[]): number {
  let b = 0;
  for (const f of flags) b |= TCP_FLAG_BITS[f];
  return b;
}

/** The 12-byte pseudo-header TCP's checksum covers (RFC 9293 §3.1). */
export function pseudoHeader(src: Uint8Array, dst: Uint8Array, tcpLength: number): Uint8Array {
  const p = new Uint8Array(12);
  p.set(src, 0);
  p.set(dst, 4);
  p[9] = PROTOCOL_TCP;
  new DataView(p.buffer).setUint16(10, tcpLength);
  return p;
}

/** The TCP header followed by the payload, checksum filled in. */
export function buildTcpSegment(f: TcpFields): Uint8Array {
  const header = TCP_HEADER_LENGTH + (f.ts ? TS_OPTION_LENGTH : 0);
  const seg = new Uint8Array(header + f.payload.length);
  const v = new DataView(seg.buffer);
  v.setUint16(0, f.srcPort);
  v.setUint16(2, f.dstPort);
  // `>>> 0` keeps 32-bit sequence arithmetic from the simulation in range.
  v.setUint32(4, f.seq >>> 0);
  // RFC 9293: the acknowledgment field is meaningful only with ACK; real stacks send zero without it.
  v.setUint32(8, f.flags.includes('ACK') ? f.ack >>> 0 : 0);
  v.setUint8(12, (header / 4) << 4); // data offset in 32-bit words, reserved bits 0
  v.setUint8(13, flagByte(f.flags));
  v.setUint16(14, Math.max(0, Math.min(0xffff, f.window)));
  // bytes 16-17 checksum (computed below), 18-19 urgent pointer (never used)
  if (f.ts) {
    v.setUint8(20, 1); // NOP
    v.setUint8(21, 1); // NOP
    v.setUint8(22, 8); // kind 8: timestamps
    v.setUint8(23, 10); // length 10
    v.setUint32(24, f.ts.val >>> 0);
    v.setUint32(28, f.ts.ecr >>> 0);
  }
  seg.set(f.payload, header);
  v.setUint16(16, internetChecksum(pseudoHeader(f.srcIp, f.dstIp, seg.length), seg));
  return seg;
}
