/** Small text formatters shared by the panels. Times arrive in integer microseconds. */
import type { SegmentRecord, TraceEvent } from '../sim/trace.js';
import { alertText, dropReasonText, perturbText } from '../diagram/eventText.js';
import { GLYPHS } from './theme.js';
import { fmtSeconds, segLabel } from '../diagram/format.js';

// One formatter for labels, times and durations, shared with the exports and the quiz.
export { fmtDuration, fmtSeconds, segLabel, segShortLabel } from '../diagram/format.js';

export function fmtSpeed(x: number): string {
  return `×${x}`;
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
