/**
 * Semantic colour tokens for the TUI. Components never name a colour: they ask for a meaning
 * (`theme.state('TIME_WAIT')`, `theme.lost`) and get Ink <Text> props back.
 *
 * Colour is only ever a second channel. Every token that has a colour also has a glyph or a word
 * (see GLYPHS), so a learner with a monochrome terminal, NO_COLOR, or colour blindness loses nothing.
 *
 * chalk (which Ink uses) honours FORCE_COLOR=0 but ignores NO_COLOR, so the theme checks the
 * environment itself: with colour off, tokens carry no `color`/`backgroundColor` at all.
 */
import { createContext, useContext } from 'react';
import type { TcpState } from '../sim/tcp/states.js';
import type { Flag } from '../sim/types.js';
import { chooseTheme, PALETTES, type Palette, type ThemeName } from './palettes.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** The subset of Ink <Text> props a token may set. */
export interface Style {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
  italic?: boolean;
}

/** Shapes that carry meaning together with (never instead of) colour. */
export const GLYPHS = {
  lost: '✕',
  retransmission: '↻',
  duplicate: '⧉',
  loop: '⟳',
  alert: '⚠',
  timer: '⏲',
  playing: '▶',
  paused: '⏸',
  arrowRight: '▶',
  arrowLeft: '◀',
  headRight: '▸',
  headLeft: '◂',
  done: '✓',
  inProgress: '◐',
  notStarted: '○',
  wrong: '✗',
  focus: '›',
  barFull: '█',
  barEmpty: '░',
} as const;

/** Does this environment want colour? NO_COLOR (any non-empty value) or FORCE_COLOR=0 say no. */
export function colourEnabled(env: Env): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force === '0' || force === 'false') return false;
  return true;
}

type StateClass = 'closed' | 'listen' | 'opening' | 'open' | 'closing' | 'timewait';

const STATE_CLASS: Record<TcpState, StateClass> = {
  CLOSED: 'closed',
  LISTEN: 'listen',
  SYN_SENT: 'opening',
  SYN_RECEIVED: 'opening',
  ESTABLISHED: 'open',
  FIN_WAIT_1: 'closing',
  FIN_WAIT_2: 'closing',
  CLOSE_WAIT: 'closing',
  CLOSING: 'closing',
  LAST_ACK: 'closing',
  TIME_WAIT: 'timewait',
};

export interface Theme {
  readonly colour: boolean;
  /** Which palette (dark or light background); meaningful only with colour on. */
  readonly name: ThemeName;
  state(s: TcpState): Style;
  /** The segment's most important flag decides its colour (RST > SYN > FIN > data > ACK). */
  segment(flags: readonly Flag[], hasData?: boolean): Style;
  timer(name: string): Style;
  lost: Style;
  retransmission: Style;
  duplicate: Style;
  looping: Style;
  alert: Style;
  muted: Style;
  accent: Style;
  focus: Style;
  selected: Style;
  ok: Style;
  bad: Style;
  heading: Style;
  code: Style;
  emphasis: Style;
  strong: Style;
}

export function createTheme(env: Env = process.env): Theme {
  const on = colourEnabled(env);
  const name = chooseTheme(env);
  const p: Palette = PALETTES[name];
  // With colour off, keep only the non-colour attributes (bold, inverse...), which NO_COLOR allows.
  const c = (color: string | undefined, extra: Style = {}): Style => (on && color ? { color, ...extra } : { ...extra });
  const stateColour: Record<StateClass, string> = {
    closed: p.closed,
    listen: p.listen,
    opening: p.opening,
    open: p.open,
    closing: p.closing,
    timewait: p.timewait,
  };
  return {
    colour: on,
    name,
    state: (s) => {
      const k = STATE_CLASS[s];
      return c(stateColour[k], k === 'timewait' ? { bold: true } : {});
    },
    segment: (flags, hasData) => {
      if (flags.includes('RST')) return c(p.rst, { bold: true });
      if (flags.includes('SYN')) return c(p.syn);
      if (flags.includes('FIN')) return c(p.fin);
      if (hasData) return c(p.data);
      // A bare ACK keeps the terminal's own foreground: readable on any background.
      return {};
    },
    timer: (timer) => (timer === '2MSL' ? c(p.timewait, { bold: true }) : c(p.retransmission)),
    lost: c(p.rst, { bold: true }),
    retransmission: c(p.retransmission, { bold: true }),
    duplicate: c(p.timewait),
    looping: c(p.timewait, { bold: true }),
    alert: c(p.bad, { bold: true, inverse: on }),
    muted: on ? { color: p.muted } : { dimColor: true },
    accent: c(p.accent),
    focus: c(p.accent, { bold: true }),
    selected: { inverse: true },
    ok: c(p.ok, { bold: true }),
    bad: c(p.bad, { bold: true }),
    heading: c(p.accent, { bold: true }),
    code: c(p.code),
    emphasis: { italic: true },
    strong: { bold: true },
  };
}

export const ThemeContext = createContext<Theme>(createTheme());

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
