/**
 * `toPcapng`: the run as a pcapng file with one interface per capture point (client, r1, r2,
 * server) and every packet on the interface where it was seen, each with a comment that says
 * what the simulation knows and a capture cannot: which segment it is, its incarnation and age,
 * whether the network copied it, and where and why it was lost. Wireshark shows the comment as
 * frame.comment. The classic `toPcap` stays the default export; this one is asked for.
 */
import type { DropReason, NodeName, SegmentRecord, TraceEvent } from '../sim/index.js';
import { ipPacketFor } from './pcap.js';
import { LINKTYPE_RAW, SNAPLEN } from './pcap/pcapFile.js';
import { writePcapng, type PcapngInterface, type PcapngPacket } from './pcap/pcapngFile.js';

/** The capture points, in interface order: the path client - r1 - r2 - server. */
export const PCAPNG_POINTS: readonly NodeName[] = ['client', 'r1', 'r2', 'server'];

const REASON_WORDS: Record<DropReason, string> = {
  perturbation: 'perturbation',
  'ttl-expired': 'TTL expired',
  'random-loss': 'random loss',
  'host-down': 'host down',
  'no-route': 'no route',
};

function describePoint(node: NodeName): string {
  return node === 'client' || node === 'server' ? `the ${node}'s network interface` : `router ${node}`;
}

const seconds = (micros: number, digits: number): string => (micros / 1e6).toFixed(digits);

/** The part of every comment that says which segment this is and how old it is. */
export function segmentNote(seg: SegmentRecord, at: number): string {
  const parts: string[] = [];
  if (seg.copyOf !== undefined) parts.push(`duplicate of #${seg.copyOf}`);
  if (seg.retransmitOf !== undefined) parts.push(`retransmission of #${seg.retransmitOf}`);
  const age = at - seg.born;
  const incarnation = seg.incarnation === 0 ? 'incarnation 0 (from no connection)' : `incarnation ${seg.incarnation}`;
  parts.push(`segment #${seg.id}, ${incarnation}, born ${seconds(seg.born, 2)} s, age ${seconds(age, age < 1e6 ? 3 : 1)} s`);
  return parts.join('; ');
}

interface Seen {
  node: NodeName;
  at: number;
  seg: SegmentRecord;
  event?: string;
}

/** Each trace event that puts a packet at a capture point, in trace order. */
function seenPackets(trace: readonly TraceEvent[]): Seen[] {
  const out: Seen[] = [];
  for (const ev of trace) {
    switch (ev.kind) {
      case 'send':
      case 'deliver':
      case 'hop':
        out.push({ node: ev.host, at: ev.at, seg: ev.seg });
        break;
      case 'drop':
        out.push({ node: ev.host, at: ev.at, seg: ev.seg, event: `lost at ${ev.host} (${REASON_WORDS[ev.reason]})` });
        break;
      case 'perturb':
        // An injected old segment enters the network on its apparent sender's link.
        if (ev.perturbation === 'inject' && ev.seg) out.push({ node: ev.seg.from, at: ev.at, seg: ev.seg, event: 'injected (perturbation): an old segment' });
        break;
      default:
        break;
    }
  }
  return out;
}

export function toPcapng(trace: readonly TraceEvent[]): Uint8Array {
  const seen = seenPackets(trace);
  const points = [...PCAPNG_POINTS];
  for (const s of seen) if (!points.includes(s.node)) points.push(s.node);
  const interfaces: PcapngInterface[] = points.map((node) => ({ name: node, description: describePoint(node), linkType: LINKTYPE_RAW, snaplen: SNAPLEN }));
  const packets: PcapngPacket[] = seen.map((s) => ({
    interfaceId: points.indexOf(s.node),
    at: s.at,
    bytes: ipPacketFor(s.seg),
    comment: s.event === undefined ? segmentNote(s.seg, s.at) : `${s.event}; ${segmentNote(s.seg, s.at)}`,
  }));
  return writePcapng('tcp-timewait', interfaces, packets);
}
