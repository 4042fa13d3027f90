/**
 * IPv4 header (RFC 791), 20 bytes, no options. Every datagram the simulation sends is a TCP
 * segment with Don't Fragment set, as real stacks do when they use path MTU discovery.
 */
import { internetChecksum } from './checksum.js';

export const IPV4_HEADER_LENGTH = 20;
export const PROTOCOL_TCP = 6;

export interface Ipv4Fields {
  src: Uint8Array;
  dst: Uint8Array;
  ttl: number;
  /** The identification field: copies of one datagram share it, a retransmission gets a new one. */
  id: number;
  /** Length of everything after this header (the TCP segment). */
  payloadLength: number;
  protocol?: number;
}

/** Parse a dotted-quad address such as `206.168.112.219` into its four bytes. */
export function parseIpv4(text: string): Uint8Array {
  const parts = text.split('.');
  if (parts.length !== 4) throw new Error(`not an IPv4 address: ${text}`);
  const bytes = parts.map((p) => {
    const n = /^\d{1,3}$/.test(p) ? Number(p) : NaN;
    if (!(n >= 0 && n <= 255)) throw new Error(`not an IPv4 address: ${text}`);
    return n;
  });
  return Uint8Array.from(bytes);
}

export function buildIpv4Header(f: Ipv4Fields): Uint8Array {
  const h = new Uint8Array(IPV4_HEADER_LENGTH);
  const v = new DataView(h.buffer);
  v.setUint8(0, (4 << 4) | (IPV4_HEADER_LENGTH / 4)); // version 4, IHL 5 words
  v.setUint8(1, 0); // DSCP/ECN
  v.setUint16(2, IPV4_HEADER_LENGTH + f.payloadLength);
  v.setUint16(4, f.id & 0xffff);
  v.setUint16(6, 0x4000); // flags: DF; fragment offset 0
  v.setUint8(8, Math.max(0, Math.min(255, f.ttl)));
  v.setUint8(9, f.protocol ?? PROTOCOL_TCP);
  // bytes 10-11: checksum, zero while it is computed
  h.set(f.src, 12);
  h.set(f.dst, 16);
  v.setUint16(10, internetChecksum(h));
  return h;
}
