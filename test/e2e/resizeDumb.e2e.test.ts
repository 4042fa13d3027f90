/**
 * Issue 13, items 3 and 7, on the BUILT CLI in a real terminal (tmux):
 * - shrinking the window below 80x24 and growing it back keeps the sandbox's time and its
 *   perturbation (the too-small notice covers the screen, it does not replace it);
 * - under TERM=dumb the tutorial says in one line that it needs a capable terminal and exits 2,
 *   leaving the terminal's settings as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;

describe.skipIf(!hasTmux)('e2e: resizing and TERM=dumb', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it('keeps the sandbox time and a dropped segment across a shrink to 60x20 and back', async () => {
    t.start('sandbox', 'sandbox normal-close', { columns: 100, rows: 30, env: { TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg` } });
    await t.until((s) => s.includes('Sandbox · normal-close'), 'the sandbox');
    await t.pressUntil('n', (s) => s.includes('SYN seq=1000'), 'the SYN');
    t.keys('p');
    await t.until((s) => s.includes('Perturb the run'), 'the perturb menu');
    t.keys('Enter');
    await t.until((s) => s.includes('Applied: drop SYN seq=1000'), 'the drop applied');
    const before = await t.pressUntil('n', (s) => s.includes('↻ SYN seq=1000'), 'the retransmitted SYN');
    const time = /t=\d+\.\d+s/.exec(before)?.[0];
    expect(time, before).toBeTruthy();
    expect(time).not.toBe('t=0.000s');

    t.tmux('resize-window', '-t', t.target, '-x', '60', '-y', '20');
    await t.until((s) => s.includes('too small') && s.includes('60x20'), 'the too-small notice');
    // Keys typed at the notice do not reach the hidden sandbox.
    t.keys('n', 'n', 'Escape');
    t.tmux('resize-window', '-t', t.target, '-x', '100', '-y', '30');
    const after = await t.until((s) => s.includes('Sandbox · normal-close'), 'the sandbox back');
    expect(after).toContain(time!);
    expect(after).toContain('↻ SYN seq=1000');
    expect(after).toContain('✕');

    t.keys('q');
    const end = await t.exited('sandbox');
    expect(end.code).toBe(0);
    expect(end.sttyAfter).toBe(end.sttyBefore);
  });

  it('under TERM=dumb says the tutorial needs a capable terminal, in one line, and exits 2', async () => {
    t.start('dumb', 'sandbox normal-close', { columns: 200, rows: 30, env: { TERM: 'dumb', TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg` } });
    const end = await t.exited('dumb');
    expect(end.code).toBe(2);
    // -J joins lines the pane wrapped, so the program's line reads as the one line it wrote.
    const joined = t.tmux('capture-pane', '-p', '-J', '-t', t.target);
    const lines = joined.split('\n').filter((l) => l.trim() !== '');
    // The program's one line, then the script's own two.
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^tcp-timewait: TERM=dumb cannot draw the TUI/);
    expect(lines.slice(1)).toEqual(['EXIT=2', 'SHELL-BACK']);
    expect(end.screen).not.toContain('Sandbox');
    // The window may get its size after the first snapshot: compare the modes, not the size.
    const modes = (stty: string) => stty.replace(/rows \d+; columns \d+;/, '');
    expect(modes(end.sttyAfter)).toBe(modes(end.sttyBefore));
  });
});
