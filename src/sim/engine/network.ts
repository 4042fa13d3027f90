/**
 * The network between the two hosts: client - r1 - r2 - server. Routers decrement the TTL and
 * drop a datagram whose TTL reaches zero (RFC 791 §3.2); a routing loop bounces a datagram
 * between r1 and r2 until it is healed or the TTL runs out.
 */
import { emit, schedule, type Core } from './core.js';
import type { Packet } from './state.js';
import { recordSegment, withTtl, type DropReason, type SegmentRecord } from '../trace.js';
import { seconds, type Micros } from '../time.js';
import type { HostName, NodeName, Segment } from '../types.js';
import { nextFloat } from '../rng.js';

export const PATH: readonly NodeName[] = ['client', 'r1', 'r2', 'server'];

export function isRouter(node: NodeName): boolean {
  return node !== 'client' && node !== 'server';
}

function destinationOf(seg: Segment): HostName {
  return seg.from === 'client' ? 'server' : 'client';
}

/** The next node on the way to `to` (routing is static: the path above). */
export function nextHop(node: NodeName, to: HostName): NodeName {
  const here = PATH.indexOf(node);
  const there = PATH.indexOf(to);
  return PATH[here + Math.sign(there - here)]!;
}

function linkDelay(core: Core, a: NodeName, b: NodeName): Micros {
  const i = Math.min(PATH.indexOf(a), PATH.indexOf(b));
  return seconds(core.network.linkDelays[i as 0 | 1 | 2]);
}

/** Send a packet on from `node` towards `next`, arriving after `delay`. */
function forward(core: Core, pkt: Packet, next: NodeName, delay: Micros): void {
  pkt.departed = core.state.now;
  pkt.nextNode = next;
  pkt.arrives = core.state.now + delay;
  schedule(core, delay, { type: 'arrive', node: next, pktId: pkt.seg.id });
}

/** A fresh packet for a segment leaving its host (or injected at it), with its record if made. */
export function newPacket(core: Core, seg: Segment, record: SegmentRecord | null = null, rxKey: string | null = null): Packet {
  return { seg, nextNode: seg.from, arrives: core.state.now, departed: core.state.now, doomed: null, extraDelay: 0, loop: null, routersSeen: 0, senderState: null, record, rxKey };
}

/** The record of the packet's segment as it is now: the last one made, unless the TTL has fallen since. */
export function recordOf(pkt: Packet): SegmentRecord {
  const rec = pkt.record;
  if (rec !== null && rec.ttl === pkt.seg.ttl) return rec;
  return (pkt.record = rec === null ? recordSegment(pkt.seg) : withTtl(rec, pkt.seg.ttl));
}

/** Put a packet on the first link out of its sender. */
export function launch(core: Core, pkt: Packet, extra: Micros = 0): void {
  core.state.inFlight.set(pkt.seg.id, pkt);
  const first = nextHop(pkt.seg.from, destinationOf(pkt.seg));
  forward(core, pkt, first, linkDelay(core, pkt.seg.from, first) + extra);
}

function drop(core: Core, node: NodeName, pkt: Packet, reason: DropReason): void {
  core.state.inFlight.delete(pkt.seg.id);
  emit(core, { at: core.state.now, step: core.state.step, kind: 'drop', host: node, seg: recordOf(pkt), reason });
}

/**
 * A packet reaches `node`. Returns the segment when it has reached its destination host
 * (for TCP to process), or null when it is still travelling or was dropped.
 */
export function arrive(core: Core, node: NodeName, pkt: Packet): Segment | null {
  if (pkt.extraDelay > 0) {
    // Held (a delay or reorder perturbation): wait here, then arrive again.
    const d = pkt.extraDelay;
    pkt.extraDelay = 0;
    forward(core, pkt, node, d);
    return null;
  }
  if (!isRouter(node)) return arriveAtHost(core, node as HostName, pkt);
  pkt.routersSeen += 1;
  // A lost segment disappears past the first router, so the ladder shows it part-way across.
  if (pkt.doomed && pkt.routersSeen >= 2) {
    drop(core, node, pkt, pkt.doomed);
    return null;
  }
  pkt.seg.ttl -= 1;
  if (pkt.seg.ttl <= 0) {
    drop(core, node, pkt, 'ttl-expired');
    return null;
  }
  const loop = pkt.loop;
  if (loop) {
    const healed = (loop.hopsLeft !== null && loop.hopsLeft <= 0) || (loop.until !== null && core.state.now >= loop.until);
    if (healed) {
      pkt.loop = null;
      emit(core, {
        at: core.state.now,
        step: core.state.step,
        kind: 'perturb',
        host: node,
        perturbation: 'loop-released',
        detail: `the routing loop is healed: segment #${pkt.seg.id} leaves ${node} after ${loop.laps} laps with TTL ${pkt.seg.ttl}`,
        seg: recordOf(pkt),
      });
    } else {
      const other: NodeName = node === 'r1' ? 'r2' : 'r1';
      if (loop.hopsLeft !== null) loop.hopsLeft -= 1;
      if (node === 'r1') loop.laps += 1;
      emit(core, { at: core.state.now, step: core.state.step, kind: 'hop', host: node, seg: recordOf(pkt), toward: other, looping: true });
      forward(core, pkt, other, seconds(core.network.loopHopDelay));
      return null;
    }
  }
  const next = nextHop(node, destinationOf(pkt.seg));
  emit(core, { at: core.state.now, step: core.state.step, kind: 'hop', host: node, seg: recordOf(pkt), toward: next, looping: false });
  forward(core, pkt, next, linkDelay(core, node, next));
  return null;
}

function arriveAtHost(core: Core, host: HostName, pkt: Packet): Segment | null {
  if (pkt.doomed) {
    drop(core, host, pkt, pkt.doomed);
    return null;
  }
  if (!core.state.hosts[host].up) {
    drop(core, host, pkt, 'host-down');
    return null;
  }
  core.state.inFlight.delete(pkt.seg.id);
  emit(core, { at: core.state.now, step: core.state.step, kind: 'deliver', host, seg: recordOf(pkt) });
  return pkt.seg;
}

/** Random loss, if the scenario asks for it: drawn from the seeded generator. */
export function randomlyLost(core: Core): boolean {
  const rate = core.network.lossRate;
  return rate > 0 && nextFloat(core.state.rng) < rate;
}
