/** Issue 13, item 7: TERM=dumb gets one clear line and exit 2, never cursor movement. */
import { describe, expect, it } from 'vitest';
import { runTui } from '../../src/ui/runTui.js';
import { isDumbTerminal } from '../../src/ui/dumbTerminal.js';
import { FakeStdin, FakeStdout } from './fakeTerminal.js';

describe('a terminal that cannot move the cursor', () => {
  it('is recognised by TERM=dumb only', () => {
    expect(isDumbTerminal({ TERM: 'dumb' })).toBe(true);
    expect(isDumbTerminal({ TERM: 'DUMB ' })).toBe(true);
    expect(isDumbTerminal({ TERM: 'xterm-256color' })).toBe(false);
    expect(isDumbTerminal({ TERM: 'screen' })).toBe(false);
    expect(isDumbTerminal({})).toBe(false);
  });

  it('gets one line on stderr, exit code 2, and not a byte on stdout', async () => {
    const stdin = new FakeStdin();
    const stdout = new FakeStdout();
    const stderr = new FakeStdout();
    const code = await runTui({ screen: 'sandbox', stdin: stdin as never, stdout: stdout as never, stderr: stderr as never, env: { TERM: 'dumb' } });
    expect(code).toBe(2);
    expect(stderr.out.endsWith('\n')).toBe(true);
    expect(stderr.out.trim().split('\n')).toHaveLength(1);
    expect(stderr.out).toContain('TERM=dumb');
    expect(stderr.out).toContain('tcp-timewait simulate');
    expect(stderr.out.trim().length).toBeLessThanOrEqual(80);
    // eslint-disable-next-line no-control-regex
    expect(stderr.out).not.toMatch(/\u001B/);
    expect(stdout.out).toBe('');
    expect(stdin.rawMode).toBe(false);
  });
});
