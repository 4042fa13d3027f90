/**
 * Which trace events a capture at a given point would see. A capture sees a packet when it
 * crosses that point, so a segment dropped earlier on its path never reaches a later one,
 * and a segment circling in a routing loop passes a router once per lap.
 */
import type { SegmentRecord, TraceEvent, NodeName } from '../../sim/index.js';

export type CapturePoint = 'sender' | 'client' | 'server' | 'r1' | 'r2';

export interface CapturedPacket {
  at: number;
  seg: SegmentRecord;
  /** The node that put the packet on the wire at this point, and the node it is going to. */
  linkSrc: NodeName;
  linkDst: NodeName;
}

/**
 * The simulated path is client - r1 - r2 - server; an endpoint's only neighbour is the router
 * beside it. Used only to address Ethernet frames.
 */
function neighbourOf(host: NodeName): NodeName {
  return host === 'client' ? 'r1' : host === 'server' ? 'r2' : host;
}

export function capturedPackets(trace: readonly TraceEvent[], point: CapturePoint): CapturedPacket[] {
  const out: CapturedPacket[] = [];
  // Compared as plain strings: 'sender' is a capture point but no node.
  const atPoint = (node: NodeName): boolean => (point as string) === node;
  for (const ev of trace) {
    const host: NodeName = ev.host;
    if (ev.kind === 'send') {
      // The segment as it leaves its sender: the default capture and each endpoint's own outbound.
      if (point === 'sender' || atPoint(host)) {
        out.push({ at: ev.at, seg: ev.seg, linkSrc: host, linkDst: neighbourOf(host) });
      }
    } else if (ev.kind === 'deliver') {
      // Arrival at an endpoint's interface (TTL already lowered by every router on the way).
      if (atPoint(host)) {
        out.push({ at: ev.at, seg: ev.seg, linkSrc: neighbourOf(host), linkDst: host });
      }
    } else if (ev.kind === 'perturb' && ev.perturbation === 'inject' && ev.seg) {
      // An injected old segment enters the network on its apparent sender's link: the default
      // capture (segments entering the network) sees it; the endpoint itself never sent it.
      if (point === 'sender') {
        out.push({ at: ev.at, seg: ev.seg, linkSrc: ev.seg.from, linkDst: neighbourOf(ev.seg.from) });
      }
    } else if (ev.kind === 'hop') {
      // A router forwarding a packet, with the TTL it carries out of that router.
      if (atPoint(host)) out.push({ at: ev.at, seg: ev.seg, linkSrc: host, linkDst: ev.toward });
    }
  }
  // The trace is in time order already; a stable sort guards against equal-time reordering only.
  return out.sort((a, b) => a.at - b.at);
}
