/** Shared set-up for screen tests: a temporary config dir, the fixture lessons, an App render. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, type AppProps } from '../../src/ui/App.js';
import { renderSized, type Rendered } from './harness.js';

export const FIXTURE_LESSONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'lessons');
export const REAL_LESSONS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lessons');

export function tempDir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ttw-ui-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 }) };
}

export function renderApp(props: Partial<AppProps> & { configDir: string }, columns = 80, rows = 24): Rendered {
  return renderSized(
    <App screen="menu" lessonsDir={FIXTURE_LESSONS} exportDir={props.configDir} env={{ NO_COLOR: '1' }} now={() => 1_700_000_000_000} {...props} />,
    columns,
    rows,
  );
}

/** Press a key until the frame satisfies `test` (each press waits for the frame to change). */
export async function pressUntil(r: Rendered, key: string, test: (f: string) => boolean, max = 200): Promise<string> {
  for (let i = 0; i < max; i++) {
    const before = r.frame();
    if (test(before)) return before;
    r.press(key);
    await r.waitFor((f) => f !== before || test(f), `a change after ${key}`, 5_000).catch(() => r.frame());
  }
  throw new Error(`pressing ${key} ${max} times never gave the expected frame:\n${r.frame()}`);
}

/**
 * The key that answers with the option whose text starts with `text`: options are shown
 * shuffled, so a test finds the number in front of the text it means.
 */
export function optionKey(frame: string, text: string): string {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(\\d)\\. ${escaped}`).exec(frame);
  if (!m) throw new Error(`no option "${text}" on screen:\n${frame}`);
  return m[1]!;
}
