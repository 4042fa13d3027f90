/**
 * TERM=dumb names a terminal that cannot move the cursor or clear a line (Emacs' shell buffer,
 * some CI logs). Ink redraws by moving the cursor up and erasing lines, so on such a terminal
 * the tutorial would print a pile of escape codes: it says so in one line and stops instead.
 * No Ink import here, so the CLI can ask before loading any UI code.
 */

export function isDumbTerminal(env: Record<string, string | undefined>): boolean {
  return (env['TERM'] ?? '').trim().toLowerCase() === 'dumb';
}

export const DUMB_TERMINAL_MESSAGE =
  // One line that fits 80 columns, so even the dumbest terminal shows it whole.
  'tcp-timewait: TERM=dumb cannot draw the TUI; try tcp-timewait simulate -f ladder\n';
