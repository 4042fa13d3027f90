/**
 * The bundle's line measure (src/ui/ink/textWidth.ts) counts lines of NARROW characters itself
 * instead of asking string-width: every such character must be one column to string-width too,
 * and none may join its neighbours (a mark, a format character, an emoji presentation).
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { lineWidth, NARROW } from '../../../src/ui/ink/textWidth.js';

function narrowCodePoints(): number[] {
  const body = NARROW.source.slice(2, -3); // ^[ ... ]*$
  const out: number[] = [];
  for (const m of body.matchAll(/\\u([0-9A-F]{4})(?:-\\u([0-9A-F]{4}))?/g)) {
    const a = parseInt(m[1]!, 16);
    const b = m[2] ? parseInt(m[2], 16) : a;
    for (let cp = a; cp <= b; cp++) out.push(cp);
  }
  return out;
}

describe('line widths counted without string-width', () => {
  const cps = narrowCodePoints();

  it('covers what the screens draw', () => {
    for (const ch of 'Lessons · ▸ ✓ ✕ ─│╭╮╰╯├┤┼ ▶◀ █▏░ ⠋⠙ ⏲ ↻ ⧉ ⋮ ┊ → ← ↑ ↓ é') expect(NARROW.test(ch), ch).toBe(true);
    expect(cps.length).toBeGreaterThan(2_000);
  });

  it('every NARROW code point is one column to string-width and joins nothing', () => {
    for (const cp of cps) {
      const ch = String.fromCodePoint(cp);
      expect(stringWidth(ch), cp.toString(16)).toBe(1);
      expect(/[\p{M}\p{Cf}\p{Cc}\p{Cn}\p{Emoji_Presentation}]/u.test(ch), cp.toString(16)).toBe(false);
    }
  });

  it('agrees with string-width on lines of any characters, styled or not', () => {
    const sample = fc.constantFrom(...cps.filter((_, i) => i % 7 === 0).map((cp) => String.fromCodePoint(cp)));
    const other = fc.constantFrom('界', '😀', 'e\u0301', '\u200B', '\u001B[31m', '\u001B[0m', '\u001B]8;;x\u0007', '\u0007', '☀\uFE0F');
    fc.assert(fc.property(fc.array(fc.oneof(sample, other), { maxLength: 30 }), (parts) => {
      const line = parts.join('');
      expect(lineWidth(line)).toBe(stringWidth(line));
    }), { numRuns: 500 });
  });
});
