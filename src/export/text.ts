/**
 * `toText`: the run as tcpdump-like lines, one per segment seen, interleaved with what the
 * endpoints did (state changes, timers, application events) and what the learner did to the
 * network (perturbations), plus alerts. Meant to be read top to bottom, or grepped.
 */
import type { SegmentRecord, TraceEvent } from '../sim/index.js';
import { toSeconds } from '../sim/index.js';
import { oneLine, secondsFixed, tcpdumpAddress, tcpdumpFlags, trimNumber } from './format.js';

export interface TextOptions {
  /** Router forwards to show: none, only laps of a routing loop (default), or every hop. */
  hops?: 'none' | 'loops' | 'all';
}

/** `12.106.32.254.1500 > 206.168.112.219.21: Flags [F.], seq 1001, ack 5001, win 65535, length 0, ttl 64` */
export function tcpdumpLine(seg: SegmentRecord): string {
  const seq = seg.len > 0 ? `${seg.seq}:${(seg.seq + seg.len) >>> 0}` : `${seg.seq}`;
  const parts = [`Flags [${tcpdumpFlags(seg.flags)}]`, `seq ${seq}`];
  if (seg.flags.includes('ACK')) parts.push(`ack ${seg.ack}`);
  parts.push(`win ${seg.window}`);
  if (seg.tsval !== undefined) parts.push(`options [nop,nop,TS val ${seg.tsval} ecr ${seg.tsecr ?? 0}]`);
  parts.push(`length ${seg.len}`, `ttl ${seg.ttl}`);
  return `${tcpdumpAddress(seg.src)} > ${tcpdumpAddress(seg.dst)}: ${parts.join(', ')}`;
}

/** What tells this segment apart: its id, and whether it repeats or copies another. */
function segmentNote(seg: SegmentRecord): string {
  const notes = [`#${seg.id}`];
  if (seg.retransmitOf !== undefined) notes.push(`retransmission of #${seg.retransmitOf}`);
  if (seg.copyOf !== undefined) notes.push(`copy of #${seg.copyOf}`);
  if (seg.incarnation !== 1) notes.push(`incarnation ${seg.incarnation}`);
  return ` [${notes.join(', ')}]`;
}

function describe(ev: TraceEvent, hops: TextOptions['hops']): [string, string] | null {
  switch (ev.kind) {
    case 'send':
      return ['send', tcpdumpLine(ev.seg) + segmentNote(ev.seg)];
    case 'deliver':
      return ['recv', tcpdumpLine(ev.seg) + segmentNote(ev.seg)];
    case 'drop':
      return ['drop', `${tcpdumpLine(ev.seg)}${segmentNote(ev.seg)} dropped: ${ev.reason}`];
    case 'hop':
      if (hops === 'none' || (hops === 'loops' && !ev.looping)) return null;
      return [ev.looping ? 'loop' : 'fwd', `${tcpdumpLine(ev.seg)}${segmentNote(ev.seg)} -> ${ev.toward}`];
    case 'state':
      return ['state', `${ev.from} -> ${ev.to} (${oneLine(ev.cause)})`];
    case 'timer': {
      const when = ev.action === 'expire' ? '' : `, ${ev.action === 'cancel' ? 'was due' : 'fires'} at ${secondsFixed(ev.expires)}`;
      const length = ev.action === 'start' || ev.action === 'restart' ? ` (in ${trimNumber(toSeconds(ev.expires - ev.at), 6)} s)` : '';
      return ['timer', `${ev.timer} ${ev.action}${when}${length}`];
    }
    case 'app': {
      const data = ev.data !== undefined ? ` ${JSON.stringify(ev.data)}` : '';
      const detail = ev.detail !== undefined ? ` (${oneLine(ev.detail)})` : '';
      return ['app', `${ev.event}${data}${detail}`];
    }
    case 'perturb':
      return ['perturb', `${oneLine(ev.perturbation)}: ${oneLine(ev.detail)}${ev.seg ? segmentNote(ev.seg) : ''}`];
    case 'alert': {
      const born = ev.bornIn !== undefined ? ` born in incarnation ${ev.bornIn}` : '';
      const by = ev.acceptedBy !== undefined ? `, accepted by incarnation ${ev.acceptedBy}` : '';
      const seg = ev.seg ? ` ${tcpdumpLine(ev.seg)}${segmentNote(ev.seg)}` : '';
      return ['ALERT', `${ev.alert}: ${oneLine(ev.detail)}.${seg}${born}${by}`];
    }
  }
}

export function toText(trace: readonly TraceEvent[], options: TextOptions = {}): string {
  const hops = options.hops ?? 'loops';
  const rows: string[] = [];
  for (const ev of trace) {
    const d = describe(ev, hops);
    if (!d) continue;
    const [what, text] = d;
    rows.push(`${secondsFixed(ev.at).padStart(11)} ${ev.host.padEnd(6)} ${what.padEnd(7)} ${text}`);
  }
  return rows.length ? `${rows.join('\n')}\n` : '';
}
