/**
 * TERM=dumb (a terminal that cannot move the cursor): the tutorial still works, as plain frames
 * printed one after another, with the glyphs and words and without a single escape sequence.
 */
import { describe, expect, it } from 'vitest';
import { runTui } from '../../src/ui/runTui.js';
import { isDumbTerminal } from '../../src/ui/dumbTerminal.js';
import { MAX_WAIT_MS, plainFrame, plainFrames, QUIET_MS, type PlainFramesClock } from '../../src/ui/plainFrames.js';
import { FakeStdin, FakeStdout } from './fakeTerminal.js';

/** A clock the test moves by hand; timers fire when it passes them. */
class ManualClock implements PlainFramesClock {
  t = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  };
  clearTimeout = (h: unknown) => void this.timers.delete(h as number);
  advance(ms: number) {
    this.t += ms;
    for (const [id, tm] of [...this.timers].sort((a, b) => a[1].at - b[1].at)) {
      if (tm.at <= this.t && this.timers.delete(id)) tm.fn();
    }
  }
}

describe('a terminal that cannot move the cursor', () => {
  it('is recognised by TERM=dumb only', () => {
    expect(isDumbTerminal({ TERM: 'dumb' })).toBe(true);
    expect(isDumbTerminal({ TERM: 'DUMB ' })).toBe(true);
    expect(isDumbTerminal({ TERM: 'xterm-256color' })).toBe(false);
    expect(isDumbTerminal({ TERM: 'screen' })).toBe(false);
    expect(isDumbTerminal({})).toBe(false);
  });

  it('strips escapes and trailing blanks from a frame', () => {
    expect(plainFrame('\u001B[2K\u001B[1A\u001B[31mSYN\u001B[39m   \n  ACK \n\n')).toBe('SYN\n  ACK');
  });

  it('prints a frame once the screen settles, never the same frame twice', () => {
    const out = new FakeStdout();
    const clock = new ManualClock();
    const s = plainFrames(out, clock);
    s.write('one');
    s.write('two');
    expect(out.out).toBe('');
    clock.advance(QUIET_MS);
    expect(out.out).toBe('two\n');
    s.write('two');
    clock.advance(QUIET_MS);
    expect(out.out).toBe('two\n');
    s.write('three');
    clock.advance(QUIET_MS);
    expect(out.out).toBe('two\n\nthree\n');
  });

  it('prints at most one frame per MAX_WAIT_MS while the screen keeps changing', () => {
    const out = new FakeStdout();
    const clock = new ManualClock();
    const s = plainFrames(out, clock);
    for (let i = 0; i < 100; i++) {
      s.write(`frame ${i}`);
      clock.advance(50); // a playing run redraws every 50 ms
    }
    const frames = out.out.split('\n\n').length;
    expect(frames).toBeGreaterThanOrEqual(4);
    expect(frames).toBeLessThanOrEqual(Math.ceil((100 * 50) / MAX_WAIT_MS) + 1);
  });

  it('flushes what is pending on the empty write Ink makes when it exits', () => {
    const out = new FakeStdout();
    const s = plainFrames(out, new ManualClock());
    s.write('last');
    let called = false;
    (s.write as (d: string, cb: () => void) => void)('', () => (called = true));
    expect(out.out).toBe('last\n');
    expect(called).toBe(true);
  });

  it('runs the sandbox as plain text: words and glyphs, no escape sequence, q quits with 0', async () => {
    const stdin = new FakeStdin();
    const stdout = new FakeStdout();
    const stderr = new FakeStdout();
    const done = runTui({ screen: 'sandbox', scenario: 'normal-close', stdin: stdin as never, stdout: stdout as never, stderr: stderr as never, env: { TERM: 'dumb' } });
    const deadline = Date.now() + 10_000;
    while (!stdout.out.includes('Sandbox ·') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(stdout.out).toContain('Sandbox · normal-close');
    // Step until the client's SYN is on the ladder; each key gives one more plain frame.
    for (let i = 0; i < 6 && !/SYN seq=1000/.test(stdout.out); i++) {
      const before = stdout.out.length;
      stdin.write('n');
      while (stdout.out.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    }
    expect(stdout.out).toMatch(/SYN seq=1000/);
    expect(stdout.out).toMatch(/[▸◂│]/);
    stdin.write('q');
    expect(await done).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(stdout.out).not.toMatch(/\u001B/);
    expect(stderr.out).toBe('');
    expect(stdin.rawMode).toBe(false);
  });
});
