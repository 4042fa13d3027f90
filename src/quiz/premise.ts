/**
 * Premises drawn from real runs: a few lines of the ladder before the moment a question asks
 * about, written as plain text that fits 80 columns.
 *
 * API:
 *   segmentLine(seg) -> string           "FIN,ACK seq=1013 ack=5024" (with "+12 bytes" for data)
 *   wireLines(trace, step, count) -> string[]   the last `count` segments sent or lost before `step`
 *   seconds(at) -> string                "0.850 s"
 */
import type { SegmentRecord, TraceEvent } from '../sim/trace.js';
import type { HostName } from '../sim/types.js';

export function seconds(at: number): string {
  return `${(at / 1_000_000).toFixed(3)} s`;
}

export function segmentLine(seg: Pick<SegmentRecord, 'flags' | 'seq' | 'ack' | 'len'>): string {
  const ack = seg.flags.includes('ACK') ? ` ack=${seg.ack}` : '';
  const data = seg.len > 0 ? ` +${seg.len} bytes` : '';
  return `${seg.flags.join(',')} seq=${seg.seq}${ack}${data}`;
}

const other = (h: HostName): HostName => (h === 'client' ? 'server' : 'client');

/** Segments sent before `step` (and those lost), newest last, as "0.850 s  server -> client  FIN,ACK ...". */
export function wireLines(trace: readonly TraceEvent[], step: number, count: number): string[] {
  const lines: string[] = [];
  for (const ev of trace) {
    if (ev.step >= step) break;
    if (ev.kind === 'send' && (ev.host === 'client' || ev.host === 'server')) {
      const again = ev.seg.retransmitOf !== undefined ? '  (sent again)' : '';
      lines.push(`  ${seconds(ev.at).padStart(9)}  ${ev.seg.from} -> ${other(ev.seg.from)}  ${segmentLine(ev.seg)}${again}`);
    } else if (ev.kind === 'drop') {
      lines.push(`  ${seconds(ev.at).padStart(9)}  the network loses that ${ev.seg.flags.join(',')}`);
    }
  }
  return lines.slice(-count);
}

const CALL_CAUSE = /^(close|connect|abort)\(\)/;

/**
 * Like wireLines, with the application calls and expiring timers that explain the segments:
 * "0.550 s  the client's application calls close()". Lines for events before `step`.
 */
export function runLines(trace: readonly TraceEvent[], step: number, count: number): string[] {
  const lines: string[] = [];
  for (const ev of trace) {
    if (ev.step >= step) break;
    const t = `  ${seconds(ev.at).padStart(9)}  `;
    if (ev.kind === 'state' && (ev.host === 'client' || ev.host === 'server')) {
      const m = CALL_CAUSE.exec(ev.cause);
      if (m) lines.push(`${t}the ${ev.host}'s application calls ${m[1]}()`);
    } else if (ev.kind === 'timer' && ev.action === 'expire') {
      lines.push(`${t}the ${ev.host}'s ${ev.timer === 'RTO' ? 'retransmission' : '2MSL'} timer expires`);
    } else if (ev.kind === 'send' || ev.kind === 'drop') {
      lines.push(...wireLines([ev], step, 1));
    } else if (ev.kind === 'deliver' && ev.step === step - 1 && (ev.host === 'client' || ev.host === 'server')) {
      // Arrivals only for the last step shown: that is the one the question is about.
      lines.push(`${t}the ${ev.host} receives the ${ev.seg.from}'s ${ev.seg.flags.join(',')}`);
    }
  }
  return lines.slice(-count);
}
