/**
 * The ladder in plain characters: each cell of the engine's grid becomes one ASCII character, so
 * `--format ladder` has exactly the geometry the TUI draws for the same run and width.
 */
import type { DCell } from './grid.js';

const ASCII: Record<string, string> = {
  '│': '|', '├': '|', '┤': '|', '┊': ':', '┆': ':', '─': '-', '┼': '+',
  '╮': '.', '╭': '.', '╰': "'", '╯': "'", '╲': '\\', '╱': '/',
  '▶': '>', '▸': '>', '◀': '<', '◂': '<', '✕': 'x', '⟳': '@', '…': '~', '⋮': ':',
  '↻': 'R', '⧉': 'D', '⚠': '!', '⚡': '*', '⏲': 't', '✓': 'v', '⇄': '=', '×': 'x', '→': '>', '←': '<',
};

/** One character as ASCII: box drawing and marks by shape, anything else non-ASCII as `?`. */
export function asciiChar(ch: string): string {
  if (ch >= ' ' && ch <= '~') return ch;
  return ASCII[ch] ?? '?';
}

/** A row of cells as ASCII text, trailing blanks removed. */
export function asciiLine(cells: readonly DCell[]): string {
  return cells.map((c) => asciiChar(c.ch)).join('').trimEnd();
}

/** The legend printed under the exported ladder. */
export const ASCII_LEGEND = "x lost  @ routing loop  R retransmission  D copy  + arrows cross  #N see note";
