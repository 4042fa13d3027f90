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
  'tcp-timewait: the tutorial needs a terminal that can move the cursor, and TERM=dumb says this one cannot; ' +
  'run it in a full terminal (xterm, tmux, a terminal app), or for plain text try `tcp-timewait simulate --scenario lost-final-ack --format ladder`\n';
