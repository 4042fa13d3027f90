/**
 * TERM=dumb names a terminal that cannot move the cursor or clear a line (Emacs' shell buffer,
 * some CI logs). Ink redraws by moving the cursor up and erasing lines, so on such a terminal the
 * tutorial draws plain frames one after another instead (see plainFrames.ts), without colour.
 * No Ink import here, so the CLI can ask before loading any UI code.
 */

export function isDumbTerminal(env: Record<string, string | undefined>): boolean {
  return (env['TERM'] ?? '').trim().toLowerCase() === 'dumb';
}
