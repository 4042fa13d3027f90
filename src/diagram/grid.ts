/**
 * The ladder's character grid: every cell knows what it is (a time line, part of an arrow, a
 * label, a note) and carries a semantic style name, never a colour. Writes go through rules that
 * keep it readable: arrows that meet are drawn with a crossing glyph, and a label is only ever
 * written on cells that are free, so it can never cover an arrow or another label.
 */
import type { TcpState } from '../sim/tcp/states.js';
import type { Flag } from '../sim/types.js';

/** `guide`: a router's line in the network view, which arrows and text may cover. */
export type CellKind = 'blank' | 'guide' | 'axis' | 'arrow' | 'label' | 'note' | 'time';

export type TokenName = 'muted' | 'focus' | 'selected' | 'heading' | 'lost' | 'looping' | 'alert' | 'accent' | 'bad' | 'retransmission' | 'duplicate';

/** What a cell means; the TUI maps it to a theme token, the ASCII export ignores it. */
export type DStyle =
  | { k: 'seg'; flags: readonly Flag[]; data: boolean }
  | { k: 'state'; state: TcpState }
  | { k: 'timer'; name: string }
  | { k: 'token'; name: TokenName };

export const tok = (name: TokenName): DStyle => ({ k: 'token', name });

export interface DCell {
  ch: string;
  kind: CellKind;
  style?: DStyle | undefined;
}

const BLANK: DCell = Object.freeze({ ch: ' ', kind: 'blank' as CellKind });

/** Glyphs an arrow ends in: kept when another arrow crosses them. */
const HEADS = new Set(['▶', '◀', '▸', '◂', '✕', '⟳', '…']);
const HORIZONTAL = new Set(['─']);

/** The glyph where two arrow cells meet. */
export function crossing(old: string, ch: string): string {
  if (HEADS.has(ch)) return ch;
  if (HEADS.has(old)) return old;
  if (old === ch) return ch;
  if (HORIZONTAL.has(old) && HORIZONTAL.has(ch)) return '─';
  return '┼';
}

/** A cell text may take: blank, or a router's guide line. */
export const open = (c: DCell | undefined): boolean => c !== undefined && (c.kind === 'blank' || c.kind === 'guide');

/** Rows `first..last` of the ladder (data-row numbers), `width` cells each. */
export class Canvas {
  readonly rows: DCell[][] = [];
  constructor(
    readonly width: number,
    readonly first: number,
    readonly last: number,
  ) {
    // One shared blank: writes replace cells, never change them.
    for (let r = first; r <= last; r++) this.rows.push(new Array<DCell>(width).fill(BLANK));
  }

  has(row: number, x: number): boolean {
    return row >= this.first && row <= this.last && x >= 0 && x < this.width;
  }

  get(row: number, x: number): DCell | undefined {
    return this.has(row, x) ? this.rows[row - this.first]![x] : undefined;
  }

  /** Unconditional write: time lines, the time column, notes outside the lines. */
  set(row: number, x: number, ch: string, kind: CellKind, style?: DStyle): void {
    if (this.has(row, x)) this.rows[row - this.first]![x] = { ch: ch < ' ' ? ' ' : ch, kind, style };
  }

  /** Part of an arrow: over another arrow it becomes a crossing. */
  arrow(row: number, x: number, ch: string, style: DStyle): void {
    const old = this.get(row, x);
    if (!old) return;
    if (old.kind === 'arrow') this.set(row, x, crossing(old.ch, ch), 'arrow', HEADS.has(ch) ? style : old.style);
    else this.set(row, x, ch, 'arrow', style);
  }

  /**
   * Can `len` cells from `x` on `row` take a label? Every one open (blank or a guide), inside `lo..hi`, and the cell
   * either side neither arrow nor label, so a label never touches what it is not part of.
   */
  free(row: number, x: number, len: number, lo: number, hi: number): boolean {
    if (!this.has(row, x) || x < lo || x + len - 1 > hi) return false;
    for (let i = 0; i < len; i++) if (!open(this.get(row, x + i)!)) return false;
    for (const n of [x - 1, x + len]) {
      const c = this.get(row, n);
      if (c && (c.kind === 'arrow' || c.kind === 'label')) return false;
    }
    // Two blanks between labels, so each reads as its own.
    for (const n of [x - 2, x + len + 1]) if (this.get(row, n)?.kind === 'label') return false;
    return true;
  }

  /** Write text as a label (call `free` first). */
  label(row: number, x: number, text: string, style?: DStyle): void {
    let i = 0;
    for (const ch of text) this.set(row, x + i++, ch, 'label', style);
  }

  /** The free place on `row` for `len` cells within `lo..hi` nearest `prefer` (at most `near` away). */
  nearest(row: number, len: number, lo: number, hi: number, prefer: number, near = Infinity): number | undefined {
    // Outwards from `prefer`, the left one first on a tie.
    const reach = Math.min(near, Math.max(prefer - lo, hi - prefer));
    for (let d = 0; d <= reach; d++) {
      if (this.free(row, prefer - d, len, lo, hi)) return prefer - d;
      if (d > 0 && this.free(row, prefer + d, len, lo, hi)) return prefer + d;
    }
    return undefined;
  }
}
