/**
 * Ink measures every text node's widest line on every frame (render-node-to-output, and
 * measure-text for layout) without remembering it in the first case, and string-width is one of the largest costs of a frame at 120x40. The bundle
 * routes Ink's `widest-line` import here (scripts/inkPatches.mjs): the same answer, looked up
 * instead of recomputed for a line already measured.
 */
import stringWidth from 'string-width';
import { BoundedCache } from './boundedCache.js';

const widths = new BoundedCache<string, number>(20_000);

/** Colour and style codes (SGR), which take no room. */
// eslint-disable-next-line no-control-regex
const SGR = /\u001B\[[0-9;]*m/g;
/** Printable ASCII: one column per character, which is what string-width answers for it. */
const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;

/** string-width of one line, remembered; plain ASCII (most of a frame) is counted directly. */
export function lineWidth(line: string): number {
  const known = widths.get(line);
  if (known !== undefined) return known;
  const bare = line.includes('\u001B') ? line.replace(SGR, '') : line;
  return widths.set(line, PRINTABLE_ASCII.test(bare) ? bare.length : stringWidth(line));
}

/** The widest line of a block of text, as the `widest-line` package computes it. */
export default function widestLine(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, lineWidth(line));
  return widest;
}
