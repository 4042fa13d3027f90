/**
 * Plain line-by-line output for TERM=dumb (Emacs' shell buffer, a serial console, a log).
 *
 * Such a terminal cannot move the cursor or erase a line, which is how Ink redraws. So Ink runs
 * in its debug mode, where each render writes the whole frame as plain text and never moves the
 * cursor, and this wrapper turns that stream into something a person can read:
 * - it strips every escape sequence (colour is off anyway; this catches the rest);
 * - it prints a frame only once the screen has settled (no write for QUIET_MS), or at most every
 *   MAX_WAIT_MS while it keeps changing (a playing run), so a 20 fps animation does not become
 *   20 screens a second;
 * - it never prints the same frame twice, and separates frames with a blank line.
 */
import { stripVTControlCharacters } from 'node:util';

export const QUIET_MS = 150;
export const MAX_WAIT_MS = 1000;

type Writable = { write: (...args: never[]) => unknown };

export interface PlainFramesClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: PlainFramesClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** One frame as plain lines: no escapes, no trailing blanks. */
export function plainFrame(data: string): string {
  return stripVTControlCharacters(data)
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

export function plainFrames<T extends Writable>(stdout: T, clock: PlainFramesClock = realClock): T {
  const out = (s: string) => (stdout.write as (s: string) => unknown).call(stdout, s);
  let pending: string | undefined;
  let pendingSince = 0;
  let timer: unknown;
  let last = '';

  const flush = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    if (pending === undefined) return;
    const frame = pending;
    pending = undefined;
    if (frame === '' || frame === last) return;
    out(`${last === '' ? '' : '\n'}${frame}\n`);
    last = frame;
  };

  const write = (data: unknown, ...rest: unknown[]) => {
    const cb = rest.find((r): r is () => void => typeof r === 'function');
    if (typeof data === 'string' && data !== '') {
      if (pending === undefined) pendingSince = clock.now();
      pending = plainFrame(data);
      if (timer !== undefined) clock.clearTimeout(timer);
      const waited = clock.now() - pendingSince;
      timer = waited >= MAX_WAIT_MS ? undefined : clock.setTimeout(flush, Math.min(QUIET_MS, MAX_WAIT_MS - waited));
      if (timer === undefined) flush();
    } else {
      // Ink's last write on exit is an empty one with a callback: show what is pending first.
      flush();
    }
    cb?.();
    return true;
  };

  return new Proxy(stdout, {
    get(target, prop) {
      if (prop === 'write') return write;
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
