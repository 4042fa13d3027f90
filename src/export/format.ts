/**
 * Small formatting helpers shared by the text exports (tcpdump-style text, ladder, Mermaid).
 */
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

// Labels, durations and numbers come from the one formatter the TUI uses too.
export { durationText, oneLine, segmentLabel, tcpdumpFlags, trimNumber } from '../diagram/format.js';
