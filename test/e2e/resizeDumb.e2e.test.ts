/**
 * Issue 13, items 3 and 7, on the BUILT CLI in a real terminal (tmux):
 * - shrinking the window below 80x24 and growing it back keeps the sandbox's time and its
 *   perturbation (the too-small notice covers the screen, it does not replace it);
 * - under TERM=dumb the tutorial draws plain frames one after another, with no escape bytes
 *   (issue 18 asks for plain text with the glyphs and words), leaving the terminal as it was;
 * - --no-color writes no colour at all, even when FORCE_COLOR asks for it.
 */
import { readFileSync } from 'node:fs';
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

  it('under TERM=dumb draws plain frames one after another: words and glyphs, no escape bytes', async () => {
    t.start('dumb', 'sandbox --scenario normal-close', { columns: 80, rows: 24, env: { TERM: 'dumb', TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg` } });
    // Every byte the program writes to the terminal, as it writes it.
    const raw = `${t.tmp}/dumb-bytes.txt`;
    t.tmux('pipe-pane', '-t', t.target, `cat > '${raw}'`);
    await t.until((s) => s.includes('Sandbox · normal-close') && s.includes('Event log'), 'a plain frame of the sandbox');
    await t.pressUntil('n', (s) => /SYN seq=1000/.test(s), "the client's SYN", 10);
    t.keys('q');
    const end = await t.exited('dumb');
    expect(end.code).toBe(0);
    const bytes = readFileSync(raw, 'utf8');
    expect(bytes).toContain('Sandbox · normal-close');
    expect(bytes).toMatch(/SYN seq=1000/);
    expect(bytes).toMatch(/[▸◂│⏸]/);
    // No cursor movement, no erasing, no colour: not one escape byte.
    // eslint-disable-next-line no-control-regex
    expect(bytes).not.toMatch(/\u001B/);
    // Frames follow each other (the pane scrolls like a log), each printed once.
    const frames = bytes.replace(/\r/g, '').split(/\n(?=Sandbox · )/).filter((f) => f.startsWith('Sandbox · '));
    expect(frames.length).toBeGreaterThanOrEqual(2);
    expect(new Set(frames.map((f) => f.trim())).size).toBe(frames.length);
    const modes = (stty: string) => stty.replace(/rows \d+; columns \d+;/, '');
    expect(modes(end.sttyAfter)).toBe(modes(end.sttyBefore));
  });

  it('with --no-color writes no colour, and keeps the glyphs and words', async () => {
    t.start('nocolor', '--no-color sandbox --scenario normal-close', { columns: 80, rows: 24, env: { TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg`, FORCE_COLOR: '3' } });
    const raw = `${t.tmp}/nocolor-bytes.txt`;
    t.tmux('pipe-pane', '-t', t.target, `cat > '${raw}'`);
    await t.until((s) => s.includes('Sandbox · normal-close'), 'the sandbox');
    await t.pressUntil('n', (s) => /SYN seq=1000/.test(s), "the client's SYN", 10);
    t.keys('q');
    expect((await t.exited('nocolor')).code).toBe(0);
    const bytes = readFileSync(raw, 'utf8');
    expect(bytes).toMatch(/SYN seq=1000/);
    // Cursor movement is fine here; a colour (SGR 30-38, 40-48, 90-107) is not.
    // eslint-disable-next-line no-control-regex
    const sgr = [...bytes.matchAll(/\u001B\[([0-9;]*)m/g)].flatMap((m) => m[1]!.split(';').map(Number));
    expect(sgr.filter((n) => (n >= 30 && n <= 38) || (n >= 40 && n <= 48) || (n >= 90 && n <= 107))).toEqual([]);
  });
});
