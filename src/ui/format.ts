/** Small text formatters shared by the panels. Times arrive in integer microseconds. */
import type { SegmentRecord, TraceEvent } from '../sim/trace.js';
import { alertText, dropReasonText, perturbText } from './eventText.js';
import { GLYPHS } from './theme.js';

export function fmtSeconds(us: number, digits = 3): string {
  return `${(us / 1e6).toFixed(digits)}s`;
}

/** Compact duration for countdowns: `59.2s`, `2m 00s`. */
export function fmtDuration(us: number): string {
  const s = Math.max(0, us) / 1e6;
  if (s < 100) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  const r = Math.floor(s - m * 60);
  return `${m}m ${String(r).padStart(2, '0')}s`;
}

export function fmtSpeed(x: number): string {
  return `×${x}`;
}

/** `FIN seq=5001 ack=1002 len=5`, the label the ladder and log use. */
export function segLabel(seg: SegmentRecord): string {
  // `ack=` already says ACK is set, so FIN and data segments drop it, as in `FIN seq=5001 ack=1002`;
  // SYN,ACK and RST,ACK keep it because learners know them by those names.
  const short = seg.flags.includes('FIN') || seg.flags.includes('PSH') ? seg.flags.filter((f) => f !== 'ACK') : seg.flags;
  const flags = short.join(',') || '.';
  const ack = seg.flags.includes('ACK') ? ` ack=${seg.ack}` : '';
  const len = seg.len > 0 ? ` len=${seg.len}` : '';
  return `${flags} seq=${seg.seq}${ack}${len}`;
}

/** Marks that go in front of a label: retransmission and duplicate, as shapes. */
export function segMarks(seg: SegmentRecord): string {
  let m = '';
  if (seg.retransmitOf !== undefined) m += `${GLYPHS.retransmission} `;
  if (seg.copyOf !== undefined) m += `${GLYPHS.duplicate} `;
  return m;
}

/** One plain sentence per trace event: the event log and the screen-reader narration. */
export function describeEvent(ev: TraceEvent): string {
  const who = ev.host;
  switch (ev.kind) {
    case 'send': {
      const what = ev.seg.retransmitOf !== undefined ? 'retransmits' : 'sends';
      return `${who} ${what} ${segLabel(ev.seg)}`;
    }
    case 'deliver':
      return `${who} receives ${segMarks(ev.seg)}${segLabel(ev.seg)}`;
    case 'drop':
      // Routers are not drawn, so a loss at one is "in the network".
      return `${GLYPHS.lost} ${segLabel(ev.seg)} lost ${who === 'client' || who === 'server' ? `at the ${who}` : 'in the network'} (${dropReasonText(ev.reason)})`;
    case 'hop':
      return ev.looping
        ? `${GLYPHS.loop} ${segLabel(ev.seg)} loops in the network, TTL ${ev.seg.ttl}`
        : `${segLabel(ev.seg)} forwarded, TTL ${ev.seg.ttl}`;
    case 'state':
      return `${who}: ${ev.from} → ${ev.to}`;
    case 'timer':
      return `${who}: ${ev.timer} timer ${ev.action}${ev.action === 'start' || ev.action === 'restart' ? `, fires at ${fmtSeconds(ev.expires)}` : ''}`;
    case 'app':
      // JSON quoting shows "\r\n" as such: a raw newline would break the line it is drawn on.
      return `${who} application: ${ev.event}${ev.data ? ` ${JSON.stringify(ev.data)}` : ''}${ev.detail ? ` (${oneLine(ev.detail)})` : ''}`;
    case 'perturb':
      return `perturbation: ${perturbText(ev)}`;
    case 'alert':
      return `${GLYPHS.alert} ${alertText(ev.alert)}: ${oneLine(ev.detail)}`;
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}
