/**
 * Test harness over ink-testing-library: sets the terminal size (and changes it, emitting
 * 'resize' as a real terminal does), types keys by name, and waits for frames by polling
 * lastFrame() until a condition holds (bounded; never a fixed sleep).
 */
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';

export const KEYS: Record<string, string> = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  'shift+tab': '\u001B[Z',
  space: ' ',
  backspace: '\u007F',
  pageup: '\u001B[5~',
  pagedown: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
  'ctrl+c': '\u0003',
};

export type Rendered = ReturnType<typeof render> & {
  resize(columns: number, rows: number): void;
  press(...keys: string[]): void;
  frame(): string;
  waitFor(test: string | RegExp | ((frame: string) => boolean), what?: string, timeoutMs?: number): Promise<string>;
};

export function renderSized(el: ReactElement, columns = 80, rows = 24): Rendered {
  const r = render(el);
  let size = { columns, rows };
  Object.defineProperty(r.stdout, 'columns', { get: () => size.columns, configurable: true });
  Object.defineProperty(r.stdout, 'rows', { get: () => size.rows, configurable: true });
  r.stdout.emit('resize');
  const frame = () => stripAnsi(r.lastFrame() ?? '');
  return Object.assign(r, {
    resize(c: number, h: number) {
      size = { columns: c, rows: h };
      r.stdout.emit('resize');
    },
    press(...keys: string[]) {
      for (const k of keys) r.stdin.write(KEYS[k] ?? k);
    },
    frame,
    async waitFor(test: string | RegExp | ((f: string) => boolean), what?: string, timeoutMs = 10_000) {
      const ok = (f: string) => (typeof test === 'string' ? f.includes(test) : test instanceof RegExp ? test.test(f) : test(f));
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const f = frame();
        if (ok(f)) {
          // Let React run the effects of the frame just drawn (key handlers subscribe in
          // effects), so a key pressed next reaches the screen that is showing.
          await new Promise((res) => setImmediate(res));
          await new Promise((res) => setImmediate(res));
          return f;
        }
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what ?? String(test)}; last frame:\n${f}`);
        await new Promise((res) => setTimeout(res, 5));
      }
    },
  });
}

export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '');
}

/** The frame's lines, for size assertions. */
export function frameLines(f: string): string[] {
  return f.split('\n');
}
