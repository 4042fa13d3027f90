/**
 * The two colour palettes (for dark and for light terminal backgrounds) and the choice between
 * them. A palette maps a meaning to a colour; src/ui/theme.ts turns meanings into <Text> props.
 *
 * Rules that keep both readable:
 * - No token is drawn in white or black: on one background or the other it would vanish. The
 *   commonest segment, a bare ACK, uses the terminal's own foreground (no colour at all).
 * - The light palette avoids the ANSI yellow, cyan and bright colours, which are pale on a white
 *   background; it uses darker hex tones instead (chalk maps them to the nearest colour the
 *   terminal has).
 */
import type { Env } from './theme.js';

export type ThemeName = 'dark' | 'light';
export type ThemeChoice = ThemeName | 'auto';
export const THEME_CHOICES: readonly ThemeChoice[] = ['auto', 'dark', 'light'];

export interface Palette {
  closed: string;
  listen: string;
  opening: string;
  open: string;
  closing: string;
  timewait: string;
  rst: string;
  syn: string;
  fin: string;
  data: string;
  retransmission: string;
  muted: string;
  accent: string;
  ok: string;
  bad: string;
  code: string;
}

export const PALETTES: Record<ThemeName, Palette> = {
  dark: {
    closed: 'gray',
    listen: 'blue',
    opening: 'cyan',
    open: 'green',
    closing: 'yellow',
    timewait: 'magenta',
    rst: 'red',
    syn: 'cyan',
    fin: 'yellow',
    data: 'green',
    retransmission: 'yellow',
    muted: 'gray',
    accent: 'cyan',
    ok: 'green',
    bad: 'red',
    code: 'yellow',
  },
  light: {
    closed: '#6e7781',
    listen: '#0550ae',
    opening: '#006d75',
    open: '#116329',
    closing: '#8a4b00',
    timewait: '#8250df',
    rst: '#cf222e',
    syn: '#006d75',
    fin: '#8a4b00',
    data: '#116329',
    retransmission: '#8a4b00',
    muted: '#6e7781',
    accent: '#0550ae',
    ok: '#116329',
    bad: '#cf222e',
    code: '#8a4b00',
  },
};

/**
 * COLORFGBG is "fg;bg" (rxvt, Konsole, iTerm2 set it; some add a middle field). The background
 * is the last field, an ANSI colour number: 0-6 and 8 are dark, 7 and 9-15 light. Anything else
 * (unset, "default") tells us nothing.
 */
export function backgroundFromColorFgBg(value: string | undefined): ThemeName | undefined {
  if (value === undefined) return undefined;
  const bg = Number(value.split(';').pop());
  if (!Number.isInteger(bg) || bg < 0 || bg > 15) return undefined;
  return bg === 7 || bg >= 9 ? 'light' : 'dark';
}

/** --theme wins, then TCP_TIMEWAIT_THEME, then (for auto) COLORFGBG, then dark. */
export function chooseTheme(env: Env): ThemeName {
  const asked = (env['TCP_TIMEWAIT_THEME'] ?? 'auto').trim().toLowerCase();
  if (asked === 'dark' || asked === 'light') return asked;
  return backgroundFromColorFgBg(env['COLORFGBG']) ?? 'dark';
}
