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
/**
 * Characters string-width counts as one column each and that never join a neighbour into one
 * grapheme (no marks, format characters or emoji presentation): printable ASCII and Latin-1,
 * punctuation, arrows, technical symbols, box drawing, blocks, shapes, dingbats and braille (the
 * spinner). A line made
 * only of these is as wide as it is long. string-width itself costs tens of microseconds per
 * line (it segments graphemes), which at start-up, when every text is measured for the first
 * time, added up to tens of milliseconds. test/ui/ink/textWidth.test.ts checks every code point
 * here against string-width.
 */
export const NARROW = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u00FF\u2010-\u2027\u202F-\u205E\u2190-\u2319\u231C-\u2328\u232B-\u23E8\u23ED-\u23EF\u23F1-\u23F2\u23F4-\u2429\u2440-\u244A\u2460-\u25FC\u25FF-\u2613\u2616-\u262F\u2638-\u2647\u2654-\u267E\u2680-\u2689\u2690-\u2692\u2694-\u26A0\u26A2-\u26A9\u26AC-\u26BC\u26BF-\u26C3\u26C6-\u26CD\u26CF-\u26D3\u26D5-\u26E9\u26EB-\u26F1\u26F4\u26F6-\u26F9\u26FB-\u26FC\u26FE-\u2704\u2706-\u2709\u270C-\u2727\u2729-\u274B\u274D\u274F-\u2752\u2756\u2758-\u2794\u2798-\u27AF\u27B1-\u27BE\u2800-\u2B1A\u2B1D-\u2B4F\u2B51-\u2B54\u2B56-\u2B73\u2B76-\u2BFF]*$/;

/** string-width of one line, remembered; a line of NARROW characters is counted directly. */
export function lineWidth(line: string): number {
  const known = widths.get(line);
  if (known !== undefined) return known;
  const bare = line.includes('\u001B') ? line.replace(SGR, '') : line;
  return widths.set(line, NARROW.test(bare) ? bare.length : stringWidth(line));
}

/** The widest line of a block of text, as the `widest-line` package computes it. */
export default function widestLine(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, lineWidth(line));
  return widest;
}
