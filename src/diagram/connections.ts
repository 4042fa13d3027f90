/**
 * Telling connections apart: a key per connection (the client's address and port, and the
 * incarnation), a short tag for labels when several share the ladder, and counts by state like
 * `ss -s` gives ("213 TIME_WAIT, 1 ESTABLISHED").
 */
import type { SegmentRecord, TraceEvent } from '../sim/trace.js';
import type { TcpState } from '../sim/tcp/states.js';

/** The client side's address of a segment (its source when the client sent it). */
export function clientAddress(seg: Pick<SegmentRecord, 'from' | 'src' | 'dst'>): string {
  return seg.from === 'client' ? seg.src : seg.dst;
}

/** One connection: the client's `ip:port` and the incarnation, `12.106.32.254:1500#1`. */
export function connKey(seg: Pick<SegmentRecord, 'from' | 'src' | 'dst' | 'incarnation'>): string {
  return `${clientAddress(seg)}#${seg.incarnation}`;
}

/** The key of a connection as a host names it (its local and remote address). */
export function connKeyOf(host: string, conn: { local: string; remote: string; incarnation: number }): string {
  return `${host === 'client' ? conn.local : conn.remote}#${conn.incarnation}`;
}

/** `:1501#2`: the client port, and the incarnation when it is not the first. */
export function connTag(key: string): string {
  const hash = key.lastIndexOf('#');
  const addr = key.slice(0, hash);
  const inc = key.slice(hash + 1);
  const port = addr.slice(addr.lastIndexOf(':') + 1);
  return `:${port}${inc === '1' ? '' : `#${inc}`}`;
}

/** Every connection a host sent a segment on, in order of first appearance (as the ladder counts them). */
export function connectionsIn(trace: readonly TraceEvent[]): string[] {
  const seen = new Set<string>();
  for (const ev of trace) if (ev.kind === 'send') seen.add(connKey(ev.seg));
  return [...seen];
}

/** States counted, most common first (ties by name): `213 TIME_WAIT, 1 ESTABLISHED`. */
export function stateCounts(states: readonly TcpState[]): string {
  const counts = new Map<TcpState, number>();
  for (const s of states) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
}
