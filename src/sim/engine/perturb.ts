/**
 * Perturbations: the learner's hand on the network and the hosts. Each is data in the run's
 * perturbation list, so a replay applies it at the same point; each application is logged as
 * a `perturb` trace event.
 */
import { emit, schedule, type Core } from './core.js';
import { launch, newPacket, recordOf } from './network.js';
import type { Packet } from './state.js';
import type { Perturbation, SegmentSelector } from '../scenario.js';
import { flagArray, recordSegment } from '../trace.js';
import { segmentMatches } from '../condition.js';
import { seconds, type Micros } from '../time.js';
import { flagsOf, type Segment } from '../types.js';

type SegmentPerturbation = Extract<Perturbation, { match: SegmentSelector }>;

export function hasSelector(p: Perturbation): p is SegmentPerturbation {
  return 'match' in p;
}

/** Does the segment have every property the selector asks for (nth aside)? */
export function selects(sel: SegmentSelector, seg: Segment, senderState: string | null = null): boolean {
  if (sel.senderState !== undefined) {
    const wanted = Array.isArray(sel.senderState) ? sel.senderState : [sel.senderState];
    if (senderState === null || !(wanted as string[]).includes(senderState)) return false;
  }
  if (sel.id !== undefined && seg.id !== sel.id) return false;
  return segmentMatches(sel, { from: seg.from, flags: flagArray(seg.flags), len: seg.data.length, ...(seg.retransmitOf !== undefined && { retransmitOf: seg.retransmitOf }) });
}

/**
 * A segment is leaving its host: apply every armed perturbation that picks it. Returns extra
 * delay for its first hop (none today: delays are held at the first router, see network.ts).
 */
export function onSend(core: Core, pkt: Packet): Micros {
  for (const armed of core.state.armed) {
    if (armed.spent) continue;
    const p = core.perturbations[armed.index] as SegmentPerturbation;
    if (!selects(p.match, pkt.seg, pkt.senderState)) continue;
    armed.matches += 1;
    const always = p.match.every === true;
    const pick = p.match.id !== undefined || always || armed.matches === (p.match.nth ?? 1);
    if (!pick) continue;
    if (!always) armed.spent = true;
    applyToPacket(core, p, pkt);
  }
  return 0;
}

/** What a segment perturbation does to one packet. */
function applyToPacket(core: Core, p: SegmentPerturbation, pkt: Packet): void {
  const seg = recordOf(pkt);
  const note = (detail: string): void => {
    emit(core, { at: core.state.now, step: core.state.step, kind: 'perturb', host: pkt.seg.from, perturbation: p.kind, detail, seg });
  };
  switch (p.kind) {
    case 'drop':
      pkt.doomed = 'perturbation';
      note(`segment #${pkt.seg.id} will be lost in the network`);
      return;
    case 'duplicate': {
      const copies = p.copies ?? 1;
      const gap = seconds(p.gap ?? 0.005);
      for (let i = 1; i <= copies; i++) {
        const copy: Segment = { ...pkt.seg, id: core.state.nextSegId++, copyOf: pkt.seg.id };
        const twin: Packet = { ...pkt, seg: copy, loop: pkt.loop ? { ...pkt.loop } : null, record: null };
        if (pkt.nextNode === pkt.seg.from) {
          // Still at its sender (caught as it is sent): the copy follows it onto the first link.
          launch(core, twin, gap * i);
        } else {
          core.state.inFlight.set(copy.id, twin);
          twin.arrives = pkt.arrives + gap * i;
          schedule(core, twin.arrives - core.state.now, { type: 'arrive', node: pkt.nextNode, pktId: copy.id });
        }
      }
      note(`segment #${pkt.seg.id} is duplicated by the network (${copies} extra ${copies === 1 ? 'copy' : 'copies'})`);
      return;
    }
    case 'delay':
      pkt.extraDelay += seconds(p.by);
      note(`segment #${pkt.seg.id} is held up for ${p.by} s`);
      return;
    case 'reorder':
      pkt.extraDelay += seconds(p.by ?? 0.1);
      note(`segment #${pkt.seg.id} is held back so later segments overtake it`);
      return;
    case 'loop': {
      const laps = p.laps ?? (p.for === undefined ? 10 : null);
      pkt.loop = {
        hopsLeft: laps === null ? null : laps * 2,
        until: p.for === undefined ? null : core.state.now + seconds(p.for),
        laps: 0,
      };
      const how = laps !== null ? `${laps} laps` : `${p.for} s`;
      note(`segment #${pkt.seg.id} is caught in a routing loop between r1 and r2 (for ${how}, or until its TTL runs out)`);
      return;
    }
  }
}

/** Apply a perturbation whose time has come (its `at`, its `afterStep`, or the start). */
export function applyNow(core: Core, index: number, actions: PerturbActions): void {
  const p = core.perturbations[index]!;
  if (hasSelector(p)) {
    // Aimed at segments already in the network, or else at the next ones to be sent.
    const targets = [...core.state.inFlight.values()].filter((pkt) => selects(p.match, pkt.seg, pkt.senderState));
    const picked = p.match.every ? targets : targets.slice(0, 1);
    if (picked.length > 0) for (const pkt of picked) applyToPacket(core, p, pkt);
    if (picked.length === 0 || p.match.every) core.state.armed.push({ index, matches: 0, spent: false });
    return;
  }
  switch (p.kind) {
    case 'heal': {
      let n = 0;
      for (const pkt of core.state.inFlight.values()) {
        if (pkt.loop) {
          pkt.loop.until = core.state.now;
          n++;
        }
      }
      emit(core, { at: core.state.now, step: core.state.step, kind: 'perturb', host: 'r1', perturbation: 'heal', detail: `the routing loop is healed (${n} segment${n === 1 ? '' : 's'} will be released)` });
      return;
    }
    case 'crash':
      emit(core, { at: core.state.now, step: core.state.step, kind: 'perturb', host: p.host, perturbation: 'crash', detail: `${p.host} crashes and forgets every connection` });
      actions.crash(p.host);
      schedule(core, seconds(p.rebootAfter ?? 1), { type: 'reboot', host: p.host });
      return;
    case 'inject': {
      const from = p.segment.from;
      const src = core.state.hosts[from];
      const dstHost = core.state.hosts[from === 'client' ? 'server' : 'client'];
      const ports = actions.ports();
      const seg: Segment = {
        id: core.state.nextSegId++,
        src: { ip: src.ip, port: from === 'client' ? ports.client : ports.server },
        dst: { ip: dstHost.ip, port: from === 'client' ? ports.server : ports.client },
        from,
        flags: flagsOf(...p.segment.flags),
        seq: p.segment.seq >>> 0,
        ack: (p.segment.ack ?? 0) >>> 0,
        window: 65535,
        data: p.segment.data ?? '',
        ttl: core.state.policies.initialTtl,
        incarnation: p.segment.incarnation ?? 1,
        born: p.segment.born === undefined ? core.state.now : seconds(p.segment.born),
      };
      const record = recordSegment(seg);
      emit(core, { at: core.state.now, step: core.state.step, kind: 'perturb', host: from, perturbation: 'inject', detail: `an old segment #${seg.id} is injected into the network`, seg: record });
      launch(core, newPacket(core, seg, record));
      return;
    }
    case 'reconnect':
      emit(core, { at: core.state.now, step: core.state.step, kind: 'perturb', host: p.host, perturbation: 'reconnect', detail: `${p.host} connects again from the same local port` });
      actions.reconnect(p.host, p.port, p.remotePort);
      return;
    case 'policy':
      core.state.policies = { ...core.state.policies, ...p.set };
      emit(core, { at: core.state.now, step: core.state.step, kind: 'perturb', host: 'client', perturbation: 'policy', detail: `policy changed: ${JSON.stringify(p.set)}`, policies: { ...p.set } });
      return;
  }
}

/** Host-level actions a perturbation needs, provided by the simulation. */
export interface PerturbActions {
  crash(host: 'client' | 'server'): void;
  reconnect(host: 'client' | 'server', port?: number, remotePort?: number): void;
  ports(): { client: number; server: number };
}
