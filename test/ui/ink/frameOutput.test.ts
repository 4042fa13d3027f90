/**
 * The bundle's frame compositor (src/ui/ink/frameOutput.ts) must write exactly what Ink's own
 * (ink/build/output.js) writes: same frames, byte for byte, for any writes, clips and
 * transformers, and still so when its between-frame memory is warm.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Output from '../../../src/ui/ink/frameOutput.js';
import widestLine from '../../../src/ui/ink/textWidth.js';
import inkWidestLine from 'widest-line';

// Ink's package exports do not include its build files; load the file itself.
const inkDir = dirname(createRequire(import.meta.url).resolve('ink'));
const InkOutput = (await import(pathToFileURL(join(inkDir, 'output.js')).href)).default as typeof Output;

type Op = { kind: 'write'; x: number; y: number; text: string; upper: boolean } | { kind: 'clip'; x1?: number; x2?: number; y1?: number; y2?: number } | { kind: 'unclip' };

const SGR = ['\u001B[31m', '\u001B[39m', '\u001B[1m', '\u001B[22m', '\u001B[7m', '\u001B[27m', '\u001B[38;5;208m', '\u001B[0m'];
const PIECES = ['a', 'FIN', ' ', '~', '─', '╮', '▶', '✕', '界', '😀', 'é', '⏲', 'TIME_WAIT', '\u0007', '\u001B]8;;x\u0007', 'e\u0301', ...SGR];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((p) => p.join(''));
const text = fc.array(line, { minLength: 1, maxLength: 4 }).map((l) => l.join('\n'));
const coord = fc.integer({ min: -3, max: 14 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('write' as const), x: coord, y: coord, text, upper: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clip' as const), x1: coord, x2: coord, y1: coord, y2: coord }, { requiredKeys: ['kind'] }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unclip' as const }) },
);
const frame = fc.record({ width: fc.integer({ min: 0, max: 12 }), height: fc.integer({ min: 0, max: 10 }), ops: fc.array(op, { maxLength: 12 }) });

const upper = (l: string, i: number): string => `${i}${l.toUpperCase()}`;

function draw(Impl: typeof Output, f: { width: number; height: number; ops: Op[] }): { output: string; height: number } {
  const out = new Impl({ width: f.width, height: f.height });
  for (const o of f.ops) {
    if (o.kind === 'write') out.write(o.x, o.y, o.text, { transformers: o.upper ? [upper] : [] });
    else if (o.kind === 'clip') out.clip({ x1: o.x1, x2: o.x2, y1: o.y1, y2: o.y2 });
    else out.unclip();
  }
  return out.get();
}

describe('the frame compositor swapped into the bundle', () => {
  it('writes the same frames as Ink on random writes, clips and transformers', () => {
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 4 }), (frames) => {
        // Several frames in a row, so later ones run on rows remembered from earlier ones.
        for (const f of frames) expect(draw(Output, f)).toEqual(draw(InkOutput, f));
        for (const f of frames) expect(draw(Output, f)).toEqual(draw(InkOutput, f));
      }),
      { numRuns: 400 },
    );
  });

  it('tells rows apart that differ only in where a write starts or where its text breaks', () => {
    const a = { width: 10, height: 1, ops: [{ kind: 'write', x: 0, y: 0, text: 'ab', upper: false }, { kind: 'write', x: 3, y: 0, text: 'c', upper: false }] as Op[] };
    const b = { width: 10, height: 1, ops: [{ kind: 'write', x: 0, y: 0, text: 'a', upper: false }, { kind: 'write', x: 3, y: 0, text: 'bc', upper: false }] as Op[] };
    expect(draw(Output, a).output).toBe('ab c');
    expect(draw(Output, b).output).toBe('a  bc');
  });

  it('measures lines as widest-line does', () => {
    fc.assert(fc.property(text, (t) => widestLine(t) === inkWidestLine(t)));
  });
});
