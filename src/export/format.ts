/**
 * Small formatting helpers shared by the text exports (tcpdump-style text, ladder, Mermaid).
 */
import type { SegmentRecord } from '../sim/index.js';
import { toSeconds } from '../sim/index.js';

/** Seconds with microsecond precision, as tcpdump prints relative times: `1.234567`. */
export function secondsFixed(us: number, decimals = 6): string {
  return toSeconds(us).toFixed(decimals);
}

/** `12.106.32.254:1500` -> `12.106.32.254.1500`, tcpdump's way of writing an endpoint. */
export function tcpdumpAddress(addr: string): string {
  const colon = addr.lastIndexOf(':');
  return colon < 0 ? addr : `${addr.slice(0, colon)}.${addr.slice(colon + 1)}`;
}

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
 * A compact label such as `FIN seq=5001 ack=1002`, `SYN,ACK seq=5000 ack=1001`,
 * `PSH seq=1001 ack=5001 len=11`. ACK is implied by `ack=` so it is only named on its own
 * or beside SYN (where "SYN,ACK" is what everyone calls the second handshake segment).
 */
export function segmentLabel(seg: SegmentRecord): string {
  const hasAck = seg.flags.includes('ACK');
  const named = seg.flags.filter((f) => f !== 'ACK' || seg.flags.length === 1 || seg.flags.includes('SYN'));
  const parts = [named.join(',') || 'none', `seq=${seg.seq}`];
  if (hasAck) parts.push(`ack=${seg.ack}`);
  if (seg.len > 0) parts.push(`len=${seg.len}`);
  return parts.join(' ');
}

/** A human duration: `240 s`, `58.9 s`, `0.25 s`, `1.5 ms`. */
export function durationText(us: number): string {
  const sec = toSeconds(us);
  if (sec >= 10) return `${trimNumber(sec, 1)} s`;
  if (sec >= 0.1) return `${trimNumber(sec, 2)} s`;
  return `${trimNumber(us / 1000, 1)} ms`;
}

/** Fixed decimals with trailing zeros removed: trimNumber(240.0, 1) = "240". */
export function trimNumber(n: number, decimals: number): string {
  return n.toFixed(decimals).replace(/\.?0+$/, '');
}

/** Free text (a perturbation's detail, a cause) on one line: control characters escaped. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}
