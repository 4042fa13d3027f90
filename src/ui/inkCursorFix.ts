/**
 * Works around an off-by-one in Ink 6.8's incremental renderer (log-update.js, createIncremental).
 *
 * Ink ends an inline frame with a newline, so the cursor rests on the row below the frame. To
 * redraw a frame at least as tall as the last one, Ink moves up `previousVisible - 1` rows, which
 * lands on the frame's second row: in a real terminal the whole frame is drawn one row too low
 * and the first frame's top line stays behind (test/e2e caught it in tmux). Shrinking frames are
 * handled by a different branch (eraseLines first) and are right.
 *
 * The fix: a frame that starts with "cursor up n" followed by the first line's cursor move is an
 * incremental redraw of that branch, and moves up n + 1 instead. Nothing else Ink writes starts
 * that way (full redraws start by erasing a line, the first frame with its text). If a later Ink
 * fixes the bug, test/ui/renderPerf.test.tsx ("Ink's incremental redraw still moves up one row
 * short") fails, and this wrapper should go.
 */
const FRAME_START = /^\u001B\[(\d+)A(?=\u001B\[1G|\u001B\[E)/;

/** The corrected bytes for one write of Ink's. */
export function fixFrame(data: string): string {
  const m = FRAME_START.exec(data);
  if (!m) return data;
  return `\u001B[${Number(m[1]) + 1}A${data.slice(m[0].length)}`;
}

/** `stdout`, with Ink's frame writes corrected; everything else passes straight through. */
export function withCursorFix<T extends { write: (...args: never[]) => unknown }>(stdout: T): T {
  return new Proxy(stdout, {
    get(target, prop) {
      if (prop === 'write') {
        return (data: unknown, ...rest: unknown[]) =>
          (target.write as (...a: unknown[]) => unknown).call(target, typeof data === 'string' ? fixFrame(data) : data, ...rest);
      }
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
