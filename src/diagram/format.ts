/**
 * The one place that turns segments, times and durations into text: the TUI, the exports and the
 * quiz all call these, so a label reads the same everywhere. Times arrive in integer microseconds.
 */
import type { SegmentRecord } from '../sim/trace.js';

/** `1.170s`: the ladder's time column and the header clock. */
export function fmtSeconds(us: number, digits = 3): string {
  return `${(us / 1e6).toFixed(digits)}s`;
}

/** Fixed decimals with trailing zeros removed: trimNumber(240.0, 1) = "240". */
export function trimNumber(n: number, decimals: number): string {
  return n.toFixed(decimals).replace(/\.?0+$/, '');
}

/**
 * A duration: `1.5ms`, `59.2s`, `2m 00s`. Compact by default (countdowns, the ladder); with
 * `sep = ' '` the unit stands apart (`59.2 s`, `2m 00s`), for prose in the exports.
 */
export function fmtDuration(us: number, sep: '' | ' ' = ''): string {
  const s = Math.max(0, us) / 1e6;
  if (s > 0 && s < 0.1) return `${trimNumber(s * 1000, 1)}${sep}ms`;
  if (s < 100) return `${s.toFixed(1)}${sep}s`;
  const m = Math.floor(s / 60);
  const r = Math.floor(s - m * 60);
  return `${m}m ${String(r).padStart(2, '0')}s`;
}

/** The same durations, spaced for sentences (`239.9 s pass`). */
export function durationText(us: number): string {
  return fmtDuration(us, ' ');
}

/**
 * `FIN seq=5001 ack=1002 len=5`: the label of the ladder, the log, the exports and the quiz.
 * `ack=` already says ACK is set, so FIN and data segments drop it; SYN,ACK and RST,ACK keep it
 * because learners know them by those names.
 */
export function segLabel(seg: Pick<SegmentRecord, 'flags' | 'seq' | 'ack' | 'len'>): string {
  const short = seg.flags.includes('FIN') || seg.flags.includes('PSH') ? seg.flags.filter((f) => f !== 'ACK') : seg.flags;
  const flags = short.join(',') || 'none';
  const ack = seg.flags.includes('ACK') ? ` ack=${seg.ack}` : '';
  const len = seg.len > 0 ? ` len=${seg.len}` : '';
  return `${flags} seq=${seg.seq}${ack}${len}`;
}

/** The export's historical name for the same label. */
export const segmentLabel = segLabel;

/** tcpdump's flag letters in its own order: F S R P, then `.` for ACK (`[S.]`, `[F.]`, `[P.]`). */
export function tcpdumpFlags(flags: readonly string[]): string {
  let out = '';
  if (flags.includes('FIN')) out += 'F';
  if (flags.includes('SYN')) out += 'S';
  if (flags.includes('RST')) out += 'R';
  if (flags.includes('PSH')) out += 'P';
  if (flags.includes('ACK')) out += '.';
  return out || 'none';
}

/**
 * The short label used when the long one has no room, tcpdump style: `F. 5024:5025` (flags, then
 * the sequence space the segment covers), `. ack 1006` for a bare ACK.
 */
export function segShortLabel(seg: Pick<SegmentRecord, 'flags' | 'seq' | 'ack' | 'len'>): string {
  const f = tcpdumpFlags(seg.flags);
  const used = seg.len + (seg.flags.includes('SYN') ? 1 : 0) + (seg.flags.includes('FIN') ? 1 : 0);
  if (used > 0) return `${f} ${seg.seq}:${(seg.seq + used) % 2 ** 32}`;
  return seg.flags.includes('ACK') ? `${f} ack ${seg.ack}` : `${f} ${seg.seq}`;
}

/** Free text (a perturbation's detail, a cause) on one line: control characters escaped. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** Greedy word wrap to `width` columns; a word longer than a line is split, never lost. */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let rest = [...word];
    while (rest.length > w) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, w).join(''));
      line = '';
      rest = rest.slice(w);
    }
    const piece = rest.join('');
    if (line && [...line].length + 1 + rest.length > w) {
      lines.push(line);
      line = piece;
    } else line = line ? `${line} ${piece}` : piece;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
