import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTui } from '../../src/ui/runTui.js';
import { FIXTURE_LESSONS, renderApp, tempDir } from './appHelpers.js';
import { frameLines, stripAnsi } from './harness.js';
import { FakeStdin, FakeStdout } from './fakeTerminal.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.done());


describe('terminal life', () => {
  it('says plainly when the terminal is too small, and redraws when it grows', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'sandbox' }, 60, 20);
    const flat = (want: string) => (f: string) => f.replace(/\s+/g, ' ').includes(want);
    await r.waitFor(flat('The terminal is too small: 60x20. tcp-timewait needs at least 80x24.'));
    r.resize(80, 24);
    await r.waitFor('Sandbox ·');
    r.resize(79, 40);
    await r.waitFor(flat('too small: 79x40'));
    r.resize(160, 48);
    await r.waitFor('Sandbox ·');
    expect(frameLines(r.frame()).length).toBeLessThan(48);
    r.unmount();
  });

  it('reads the run as plain narration in screen-reader mode', async () => {
    process.env['INK_SCREEN_READER'] = 'true';
    try {
      const r = renderApp({ configDir: tmp.dir, screen: 'sandbox', scenario: 'normal-close' }, 100, 30);
      await r.waitFor('Sandbox · normal-close');
      r.press('n');
      r.press('n');
      await r.waitFor(/At 0\.100s: client sends SYN seq=1000\./);
      const f = r.frame();
      expect(f).toMatch(/The client is in SYN_SENT/);
      expect(f).toContain('Keys:');
      // No drawing characters in the narration.
      expect(f).not.toMatch(/[│╭╮╰╯]/);
      r.unmount();
    } finally {
      delete process.env['INK_SCREEN_READER'];
    }
  });

  it('quits with q, restoring raw mode and the cursor, and resolves 0', async () => {
    const stdin = new FakeStdin();
    const stdout = new FakeStdout();
    const stderr = new FakeStdout();
    const done = runTui({ screen: 'sandbox', configDir: tmp.dir, lessonsDir: FIXTURE_LESSONS, stdin: stdin as never, stdout: stdout as never, stderr: stderr as never, env: { NO_COLOR: '1' } });
    const deadline = Date.now() + 10_000;
    while (!stripAnsi(stdout.out).includes('Sandbox ·') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(stdin.rawMode).toBe(true);
    stdin.write('q');
    expect(await done).toBe(0);
    expect(stdin.rawMode).toBe(false);
    expect(stdout.out).toContain('\u001B[?25h');
    expect(stderr.out).toBe('');
  });

  it('quits with Ctrl+C from an open overlay too', async () => {
    const stdin = new FakeStdin();
    const stdout = new FakeStdout();
    const done = runTui({ screen: 'menu', configDir: tmp.dir, lessonsDir: FIXTURE_LESSONS, stdin: stdin as never, stdout: stdout as never, stderr: new FakeStdout() as never, env: {} });
    const deadline = Date.now() + 10_000;
    while (!stripAnsi(stdout.out).includes('Choose a lesson') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    stdin.write('?');
    while (!stripAnsi(stdout.out).includes('Keys (esc') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    stdin.write('\u0003');
    expect(await done).toBe(0);
    expect(stdin.rawMode).toBe(false);
  });

  it('refuses to start without a terminal, with one line on stderr and exit code 2', async () => {
    const stdin = new FakeStdin();
    stdin.isTTY = false;
    const stdout = new FakeStdout();
    const stderr = new FakeStdout();
    expect(await runTui({ screen: 'menu', stdin: stdin as never, stdout: stdout as never, stderr: stderr as never })).toBe(2);
    expect(stderr.out.trim().split('\n')).toHaveLength(1);
    expect(stderr.out).toContain('tcp-timewait simulate');
    expect(stdout.out).toBe('');
  });
});
