/**
 * The TUI's side of the ladder: the pure engine (src/diagram/layout.ts) lays the run out as cells
 * with semantic style names; this maps each name to a theme token for Ink.
 */
import type { DStyle } from '../../diagram/grid.js';
import { layoutDiagram, type EngineInput, type EngineGrid } from '../../diagram/layout.js';
import type { Style, Theme } from '../theme.js';

export { travelled } from '../../diagram/layout.js';

export interface Cell {
  ch: string;
  style?: Style | undefined;
}

export interface LadderInput extends EngineInput {
  height: number;
  scroll: number;
  theme: Theme;
}

export interface LadderGrid extends Omit<EngineGrid, 'header' | 'lines'> {
  header: Cell[];
  lines: Cell[][];
}

/** A semantic style name as the theme's Ink props. */
export function themeStyle(theme: Theme, s: DStyle | undefined): Style | undefined {
  if (!s) return undefined;
  switch (s.k) {
    case 'seg':
      return theme.segment(s.flags, s.data);
    case 'state':
      return theme.state(s.state);
    case 'timer':
      return theme.timer(s.name);
    case 'token':
      return theme[s.name];
  }
}

export function layoutLadder(input: LadderInput): LadderGrid {
  const g = layoutDiagram(input);
  const paint = (c: { ch: string; style?: DStyle | undefined }): Cell => ({ ch: c.ch, style: themeStyle(input.theme, c.style) });
  return { ...g, header: g.header.map(paint), lines: g.lines.map((l) => l.map(paint)) };
}
