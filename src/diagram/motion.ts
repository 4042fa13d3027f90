/**
 * Where a segment is along its path, as a fraction (0 at its sender, 1 at its receiver), for
 * drawing its arrow: the routers' places, and the position of a segment still in flight.
 */
import type { InFlightView } from '../sim/view.js';
import type { HostName } from '../sim/types.js';

/** Where along the path the nodes sit (links of 10, 30 and 10 ms). */
export const NODE_POS: Record<string, number> = { client: 0, r1: 0.2, r2: 0.8, server: 1 };

export function posFrom(node: string, from: HostName): number {
  const p = NODE_POS[node] ?? 0.5;
  return from === 'client' ? p : 1 - p;
}

/** How far (0..1) an in-flight segment has travelled from its sender, at `clock`. */
export function travelled(f: InFlightView, clock: number): number {
  if (f.looping) return 0.5;
  const to = posFrom(f.nextNode, f.from);
  const prevNode = f.from === 'client'
    ? f.nextNode === 'r2' ? 'r1' : f.nextNode === 'server' ? 'r2' : 'client'
    : f.nextNode === 'r1' ? 'r2' : f.nextNode === 'client' ? 'r1' : 'server';
  const from = posFrom(prevNode, f.from);
  const span = f.arrives - f.departed;
  const t = span > 0 ? Math.min(1, Math.max(0, (clock - f.departed) / span)) : 1;
  return from + (to - from) * t;
}

/**
 * Where (0..1) an in-flight segment sent at `sent` was at time `t`: on its current link as
 * `travelled` says; before that, on the way from its sender to the link's start (the view knows
 * only the current link, so earlier links are taken as one straight run).
 */
export function positionAt(f: InFlightView, sent: number, t: number): number {
  if (t >= f.departed) return travelled(f, t);
  const start = travelled(f, f.departed);
  return f.departed > sent ? (start * Math.max(0, t - sent)) / (f.departed - sent) : start;
}

