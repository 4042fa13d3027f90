/**
 * `toPcap`: the run as a classic pcap file that tcpdump and Wireshark open, with real IPv4 and
 * TCP headers (checksums included) and timestamps from simulated time.
 */
import type { SegmentRecord, TraceEvent } from '../sim/index.js';
import { capturedPackets, type CapturePoint } from './pcap/capture.js';
import { ethernetFrame } from './pcap/ethernet.js';
import { buildIpv4Header, parseIpv4 } from './pcap/ipv4.js';
import { LINKTYPE_ETHERNET, LINKTYPE_RAW, writePcap, type PcapRecord } from './pcap/pcapFile.js';
import { buildTcpSegment } from './pcap/tcpHeader.js';

export type { CapturePoint } from './pcap/capture.js';

export interface PcapOptions {
  /** Where the capture is taken (default 'sender': every segment as it leaves its sender). */
  capture?: CapturePoint;
  /** 'raw' (LINKTYPE_RAW, bare IPv4; the default) or 'ethernet' (fixed MAC addresses). */
  linkType?: 'raw' | 'ethernet';
}

function splitAddress(addr: string): { ip: Uint8Array; port: number } {
  const colon = addr.lastIndexOf(':');
  if (colon < 0) throw new Error(`not an ip:port address: ${addr}`);
  return { ip: parseIpv4(addr.slice(0, colon)), port: Number(addr.slice(colon + 1)) };
}

/** Payload bytes: the tutorial's data is ASCII text, one byte per character (so `len` holds). */
export function payloadBytes(data: string): Uint8Array {
  const b = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) b[i] = data.charCodeAt(i) & 0xff;
  return b;
}

/** The IPv4 datagram carrying `seg`, with the TTL recorded at this point of its journey. */
export function ipPacketFor(seg: SegmentRecord): Uint8Array {
  const src = splitAddress(seg.src);
  const dst = splitAddress(seg.dst);
  const tcp = buildTcpSegment({
    srcIp: src.ip,
    dstIp: dst.ip,
    srcPort: src.port,
    dstPort: dst.port,
    seq: seg.seq,
    ack: seg.ack,
    flags: seg.flags,
    window: seg.window,
    payload: payloadBytes(seg.data),
    ...(seg.tsval !== undefined ? { ts: { val: seg.tsval, ecr: seg.tsecr ?? 0 } } : {}),
  });
  const ip = buildIpv4Header({
    src: src.ip,
    dst: dst.ip,
    ttl: seg.ttl,
    // A network-made copy is the same datagram, so it keeps the original's identification.
    id: seg.copyOf ?? seg.id,
    payloadLength: tcp.length,
  });
  const packet = new Uint8Array(ip.length + tcp.length);
  packet.set(ip, 0);
  packet.set(tcp, ip.length);
  return packet;
}

export function toPcap(trace: readonly TraceEvent[], options: PcapOptions = {}): Uint8Array {
  const ethernet = options.linkType === 'ethernet';
  const records: PcapRecord[] = capturedPackets(trace, options.capture ?? 'sender').map((p) => {
    const ip = ipPacketFor(p.seg);
    return { at: p.at, bytes: ethernet ? ethernetFrame(p.linkSrc, p.linkDst, ip) : ip };
  });
  return writePcap(ethernet ? LINKTYPE_ETHERNET : LINKTYPE_RAW, records);
}
