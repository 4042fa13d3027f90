/**
 * Ink's frame compositor (ink/build/output.js in Ink 6), rewritten to remember its work between
 * frames. The bundle uses this in its place (scripts/inkPatches.mjs); what it returns is the same
 * text, byte for byte, and test/ui/frameOutput.test.ts checks that against Ink's own class on
 * random frames.
 *
 * Why: Ink builds every frame from nothing. It fills a grid with one object per cell, turns each
 * written line into styled characters, then turns every row back into text, even when only the
 * clock changed. At 120x40 that was most of a key press's time and much of its garbage. Here the
 * writes are first gathered per row; a row whose writes are exactly those of a row already built
 * (same columns, same text) is looked up instead of rebuilt, and only changed rows pay Ink's cost.
 *
 * The rules below (clipping, transformers, wide characters, lines that fall outside the frame)
 * follow Ink's code step by step, because the output must not differ in any case.
 */
import sliceAnsi from 'slice-ansi';
import { styledCharsFromTokens, styledCharsToString, tokenize, type StyledChar } from '@alcalzone/ansi-tokenize';
import { BoundedCache } from './boundedCache.js';
import widestLine, { lineWidth } from './textWidth.js';

type Transformer = (line: string, index: number) => string;

interface Clip {
  x1?: number | undefined;
  x2?: number | undefined;
  y1?: number | undefined;
  y2?: number | undefined;
}

type Operation =
  | { type: 'write'; x: number; y: number; text: string; transformers: readonly Transformer[] }
  | { type: 'clip'; clip: Clip }
  | { type: 'unclip' };

/** Styled characters of a line: only rows that changed need them, so a few thousand suffice. */
const styledLines = new BoundedCache<string, StyledChar[]>(2_000);
/** Finished rows by what was written on them: a screen's worth many times over. */
const finishedRows = new BoundedCache<string, string>(4_000);

const BLANK: StyledChar = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) as unknown as StyledChar['styles'] });

function styledChars(line: string): StyledChar[] {
  return styledLines.get(line) ?? styledLines.set(line, styledCharsFromTokens(tokenize(line)));
}

/** One row of the frame as Ink composes it: blanks, then each write in order, then to text. */
function composeRow(width: number, writes: ReadonlyArray<number | string>): string {
  const cells: Array<StyledChar | undefined> = new Array<StyledChar>(width).fill(BLANK);
  for (let i = 0; i < writes.length; i += 2) {
    let x = writes[i] as number;
    for (const ch of styledChars(writes[i + 1] as string)) {
      cells[x] = ch;
      const w = Math.max(1, lineWidth(ch.value));
      // A double-width character covers the next cell too (as in Ink: an empty cell, same style).
      for (let k = 1; k < w; k++) cells[x + k] = { type: 'char', value: '', fullWidth: false, styles: ch.styles };
      x += w;
    }
  }
  return styledCharsToString(cells.filter((c): c is StyledChar => c !== undefined)).trimEnd();
}

export default class Output {
  width: number;
  height: number;
  private operations: Operation[] = [];

  constructor(options: { width: number; height: number }) {
    this.width = options.width;
    this.height = options.height;
  }

  write(x: number, y: number, text: string, options: { transformers: readonly Transformer[] }): void {
    if (!text) return;
    this.operations.push({ type: 'write', x, y, text, transformers: options.transformers });
  }

  clip(clip: Clip): void {
    this.operations.push({ type: 'clip', clip });
  }

  unclip(): void {
    this.operations.push({ type: 'unclip' });
  }

  get(): { output: string; height: number } {
    // Per row: its writes in order, as x, line, x, line...
    const rows: Array<Array<number | string>> = Array.from({ length: this.height }, () => []);
    const clips: Clip[] = [];
    for (const op of this.operations) {
      if (op.type === 'clip') clips.push(op.clip);
      if (op.type === 'unclip') clips.pop();
      if (op.type !== 'write') continue;
      let { x, y } = op;
      let lines = op.text.split('\n');
      const clip = clips.at(-1);
      if (clip) {
        const clipX = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
        const clipY = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
        if (clipX && (x + widestLine(op.text) < clip.x1! || x > clip.x2!)) continue;
        if (clipY && (y + lines.length < clip.y1! || y > clip.y2!)) continue;
        if (clipX) {
          lines = lines.map((line) => {
            const from = x < clip.x1! ? clip.x1! - x : 0;
            const width = lineWidth(line);
            const to = x + width > clip.x2! ? clip.x2! - x : width;
            return sliceAnsi(line, from, to);
          });
          if (x < clip.x1!) x = clip.x1!;
        }
        if (clipY) {
          const from = y < clip.y1! ? clip.y1! - y : 0;
          const to = y + lines.length > clip.y2! ? clip.y2! - y : lines.length;
          lines = lines.slice(from, to);
          if (y < clip.y1!) y = clip.y1!;
        }
      }
      let offsetY = 0;
      for (let [index, line] of lines.entries()) {
        const row = rows[y + offsetY];
        // As in Ink: a line that falls outside the frame is skipped without moving down, so
        // every later line of this text is skipped too.
        if (!row) continue;
        for (const transform of op.transformers) line = transform(line, index);
        row.push(x, line);
        offsetY++;
      }
    }
    const text = rows.map((writes) => {
      if (writes.length === 0) return '';
      let key = `${this.width}`;
      for (let i = 0; i < writes.length; i += 2) key += `|${writes[i] as number}:${(writes[i + 1] as string).length}:${writes[i + 1] as string}`;
      return finishedRows.get(key) ?? finishedRows.set(key, composeRow(this.width, writes));
    });
    return { output: text.join('\n'), height: this.height };
  }
}
