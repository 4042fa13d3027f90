/**
 * The flags that say how the TUI is drawn, and how they reach it. They are applied to the
 * environment before any UI code is imported, because the colour library and Ink read the
 * environment once, when they are first loaded:
 *
 * - `--no-color` is NO_COLOR (https://no-color.org), and FORCE_COLOR=0 for chalk.
 * - `--theme dark|light|auto` is TCP_TIMEWAIT_THEME (auto reads COLORFGBG; see src/ui/palettes.ts).
 * - `--screen-reader` is TCP_TIMEWAIT_SCREEN_READER=1: sentences instead of drawings. Ink's own
 *   INK_SCREEN_READER=true is honoured too.
 */
import { UsageError } from './usageError.js';

export interface DisplayOptions {
  noColor?: boolean;
  theme?: 'auto' | 'dark' | 'light';
  screenReader?: boolean;
}

export const DISPLAY_ARG_OPTIONS = {
  'no-color': { type: 'boolean' },
  theme: { type: 'string' },
  'screen-reader': { type: 'boolean' },
} as const;

const THEMES = ['auto', 'dark', 'light'] as const;

export function parseDisplayOptions(v: { 'no-color'?: boolean | undefined; theme?: string | undefined; 'screen-reader'?: boolean | undefined }): DisplayOptions {
  const out: DisplayOptions = {};
  if (v['no-color']) out.noColor = true;
  if (v['screen-reader']) out.screenReader = true;
  if (v.theme !== undefined) {
    const t = v.theme.trim().toLowerCase();
    if (!(THEMES as readonly string[]).includes(t)) throw new UsageError(`--theme: '${v.theme}' is not a theme; expected ${THEMES.join(', ')}`);
    out.theme = t as DisplayOptions['theme'];
  }
  return out;
}

/** Write the options into `env` (process.env at start-up), where the UI and its libraries look. */
export function applyDisplayOptions(opts: DisplayOptions, env: Record<string, string | undefined>): void {
  if (opts.noColor) {
    env['NO_COLOR'] = '1';
    env['FORCE_COLOR'] = '0';
  }
  if (opts.theme) env['TCP_TIMEWAIT_THEME'] = opts.theme;
  if (opts.screenReader) env['TCP_TIMEWAIT_SCREEN_READER'] = '1';
}

/** Is the narration mode on (flag, our variable, or Ink's)? */
export function screenReaderWanted(env: Record<string, string | undefined>): boolean {
  const ours = (env['TCP_TIMEWAIT_SCREEN_READER'] ?? '').trim().toLowerCase();
  return ours === '1' || ours === 'true' || env['INK_SCREEN_READER'] === 'true';
}
