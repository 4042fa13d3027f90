/**
 * `toJsonLines`: the headless CLI's `--format json` (shared/DESIGN.md, a public contract). One
 * object per line in time order. Keys are written in a fixed order and optional ones only when
 * present, so two runs of the same thing are byte-identical and two different runs diff cleanly.
 */
import type { ConnRef, SegmentRecord, TraceEvent } from '../sim/index.js';
import { toSeconds } from '../sim/index.js';

/** The kinds the contract names; the trace's internal `hop` kind is left out. */
export const JSON_KINDS = ['send', 'deliver', 'drop', 'state', 'timer', 'app', 'perturb', 'alert'] as const;

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

export function segmentJson(seg: SegmentRecord): { [k: string]: Json } {
  const o: { [k: string]: Json } = {
    id: seg.id,
    src: seg.src,
    dst: seg.dst,
    flags: [...seg.flags],
    seq: seg.seq,
    ack: seg.ack,
    len: seg.len,
    ttl: seg.ttl,
    incarnation: seg.incarnation,
    from: seg.from,
    window: seg.window,
    data: seg.data,
    born: toSeconds(seg.born),
  };
  if (seg.retransmitOf !== undefined) o.retransmitOf = seg.retransmitOf;
  if (seg.copyOf !== undefined) o.copyOf = seg.copyOf;
  // The timestamps option (RFC 7323), only on segments that carry it.
  if (seg.tsval !== undefined) {
    o.tsval = seg.tsval;
    o.tsecr = seg.tsecr ?? 0;
  }
  return o;
}

function connJson(c: ConnRef): { [k: string]: Json } {
  return { local: c.local, remote: c.remote, incarnation: c.incarnation };
}

/** The contract object for one event, or null for events the contract leaves out. */
export function eventJson(ev: TraceEvent): { [k: string]: Json } | null {
  const o: { [k: string]: Json } = { t: toSeconds(ev.at), kind: ev.kind, host: ev.host };
  switch (ev.kind) {
    case 'send':
    case 'deliver':
      o.seg = segmentJson(ev.seg);
      break;
    case 'drop':
      o.seg = segmentJson(ev.seg);
      o.reason = ev.reason;
      break;
    case 'state':
      o.from = ev.from;
      o.to = ev.to;
      o.conn = connJson(ev.conn);
      o.cause = ev.cause;
      break;
    case 'timer':
      o.timer = ev.timer;
      o.action = ev.action;
      o.expires = toSeconds(ev.expires);
      o.conn = connJson(ev.conn);
      break;
    case 'app':
      o.event = ev.event;
      if (ev.data !== undefined) o.data = ev.data;
      if (ev.detail !== undefined) o.detail = ev.detail;
      if (ev.conn !== undefined) o.conn = connJson(ev.conn);
      break;
    case 'perturb':
      o.perturbation = ev.perturbation;
      o.detail = ev.detail;
      if (ev.seg !== undefined) o.seg = segmentJson(ev.seg);
      break;
    case 'alert':
      o.alert = ev.alert;
      if (ev.seg !== undefined) o.seg = segmentJson(ev.seg);
      if (ev.bornIn !== undefined) o.bornIn = ev.bornIn;
      if (ev.acceptedBy !== undefined) o.acceptedBy = ev.acceptedBy;
      o.detail = ev.detail;
      break;
    case 'hop':
      return null;
  }
  return o;
}

/** Every contract event as one JSON line, each ending in a newline. */
export function toJsonLines(trace: readonly TraceEvent[]): string {
  // Stable sort by time: the trace is already ordered, this only protects the contract.
  const ordered = trace.map((ev, i) => ({ ev, i })).sort((a, b) => a.ev.at - b.ev.at || a.i - b.i);
  let out = '';
  for (const { ev } of ordered) {
    const o = eventJson(ev);
    if (o) out += `${JSON.stringify(o)}\n`;
  }
  return out;
}
