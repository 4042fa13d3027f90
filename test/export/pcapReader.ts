/**
 * A minimal pcap reader for the tests: just enough to check what toPcap wrote without trusting
 * toPcap's own code (it reads fields at their RFC offsets).
 */
export interface ReadPacket {
  tsSec: number;
  tsUsec: number;
  bytes: Uint8Array;
}

export function readPcap(file: Uint8Array): { magic: number; major: number; minor: number; snaplen: number; linkType: number; packets: ReadPacket[] } {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const packets: ReadPacket[] = [];
  let off = 24;
  while (off < file.length) {
    const incl = v.getUint32(off + 8, true);
    packets.push({ tsSec: v.getUint32(off, true), tsUsec: v.getUint32(off + 4, true), bytes: file.subarray(off + 16, off + 16 + incl) });
    off += 16 + incl;
  }
  return {
    magic: v.getUint32(0, true),
    major: v.getUint16(4, true),
    minor: v.getUint16(6, true),
    snaplen: v.getUint32(16, true),
    linkType: v.getUint32(20, true),
    packets,
  };
}

export interface DecodedPacket {
  version: number;
  ihl: number;
  totalLength: number;
  id: number;
  dontFragment: boolean;
  ttl: number;
  protocol: number;
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  dataOffset: number;
  flags: number;
  window: number;
  payload: string;
}

export function decodeIpv4Tcp(b: Uint8Array): DecodedPacket {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const ihl = (b[0]! & 0x0f) * 4;
  const t = ihl;
  const dataOffset = (b[t + 12]! >> 4) * 4;
  const totalLength = v.getUint16(2);
  return {
    version: b[0]! >> 4,
    ihl,
    totalLength,
    id: v.getUint16(4),
    dontFragment: (v.getUint16(6) & 0x4000) !== 0,
    ttl: b[8]!,
    protocol: b[9]!,
    src: Array.from(b.subarray(12, 16)).join('.'),
    dst: Array.from(b.subarray(16, 20)).join('.'),
    srcPort: v.getUint16(t),
    dstPort: v.getUint16(t + 2),
    seq: v.getUint32(t + 4),
    ack: v.getUint32(t + 8),
    dataOffset,
    flags: b[t + 13]!,
    window: v.getUint16(t + 14),
    payload: String.fromCharCode(...b.subarray(t + dataOffset, totalLength)),
  };
}
