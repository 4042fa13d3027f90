/**
 * Ink measures every text node's widest line on every frame (render-node-to-output) without
 * remembering it, and string-width is one of the largest costs of a frame at 120x40. The bundle
 * routes Ink's `widest-line` import here (scripts/inkPatches.mjs): the same answer, looked up
 * instead of recomputed for a line already measured.
 */
import stringWidth from 'string-width';
import { BoundedCache } from './boundedCache.js';

const widths = new BoundedCache<string, number>(20_000);

/** string-width of one line, remembered. */
export function lineWidth(line: string): number {
  const known = widths.get(line);
  return known === undefined ? widths.set(line, stringWidth(line)) : known;
}

/** The widest line of a block of text, as the `widest-line` package computes it. */
export default function widestLine(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, lineWidth(line));
  return widest;
}
