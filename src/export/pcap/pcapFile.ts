/**
 * The classic libpcap file format: a 24-byte global header, then per packet a 16-byte record
 * header and the captured bytes. Written little-endian with magic a1b2c3d4 (microsecond
 * timestamps), which every reader (tcpdump, Wireshark, tshark, scapy) accepts.
 */

export const PCAP_MAGIC_MICROS = 0xa1b2c3d4;
/** Link types from tcpdump.org's registry: raw IPv4/IPv6 packets, and Ethernet II frames. */
export const LINKTYPE_RAW = 101;
export const LINKTYPE_ETHERNET = 1;
export const SNAPLEN = 65535;

export interface PcapRecord {
  /** Capture time in microseconds since the epoch (here: since the simulation started). */
  at: number;
  bytes: Uint8Array;
}

export function pcapGlobalHeader(linkType: number): Uint8Array {
  const h = new Uint8Array(24);
  const v = new DataView(h.buffer);
  v.setUint32(0, PCAP_MAGIC_MICROS, true);
  v.setUint16(4, 2, true); // version 2.4
  v.setUint16(6, 4, true);
  v.setInt32(8, 0, true); // thiszone: timestamps are UTC
  v.setUint32(12, 0, true); // sigfigs
  v.setUint32(16, SNAPLEN, true);
  v.setUint32(20, linkType, true);
  return h;
}

export function pcapRecordHeader(r: PcapRecord): Uint8Array {
  const h = new Uint8Array(16);
  const v = new DataView(h.buffer);
  const at = Math.max(0, Math.round(r.at));
  v.setUint32(0, Math.floor(at / 1_000_000), true);
  v.setUint32(4, at % 1_000_000, true);
  v.setUint32(8, r.bytes.length, true); // incl_len: nothing is truncated
  v.setUint32(12, r.bytes.length, true); // orig_len
  return h;
}

/** A whole pcap file from the records, in the order given. */
export function writePcap(linkType: number, records: readonly PcapRecord[]): Uint8Array {
  const parts = [pcapGlobalHeader(linkType)];
  for (const r of records) parts.push(pcapRecordHeader(r), r.bytes);
  return concatBytes(parts);
}

/** The parts one after another in one array (a pcap or pcapng file from its blocks). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
