/**
 * End to end, as a person would: the BUILT CLI in a real 80x24 terminal (tmux). Lesson 2's
 * challenge "A short wait" needs an MSL of 10 s, which only a typed value gives: open the
 * perturb menu, go to the Global tab, choose MSL…, type a value out of range (refused, with the
 * range), correct it to 10, apply, and play the challenge to "Solved". No fixed sleeps: every
 * wait polls the screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;

describe.skipIf(!hasTmux)('e2e: a typed MSL solves lesson 2\'s challenge at 80x24', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });

  afterAll(() => t?.close());

  it('types MSL 10 from the perturb menu and sees the challenge solved', async () => {
    t.start('msl', 'lesson msl', { columns: 80, rows: 24, env: { TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg` } });
    await t.until((s) => s.includes('Lesson 2 ·') && s.includes('Step 1/'), 'the lesson');
    await t.pressUntil(']', (s) => s.includes('A short wait'), 'the challenge step', 30);

    t.keys('p');
    await t.until((s) => s.includes('Perturb the run'), 'the perturb menu');
    t.keys('Tab');
    const global = await t.until((s) => s.includes('[Global]'), 'the Global tab');
    expect(global).toMatch(/› MSL… type a value \(now 30 s; TIME_WAIT lasts 60 s\)/);
    expect(global).toContain('Berkeley rule: turn');

    t.keys('Enter');
    await t.until((s) => s.includes('New MSL in seconds? (0.1 to 600 s)'), 'the MSL prompt with its range');
    // A value out of range is refused in one line that gives the range; the prompt stays open.
    t.type('0');
    t.keys('Enter');
    await t.until((s) => s.includes('0 is outside the allowed range: 0.1 to 600 s.'), 'the refusal');
    t.keys('BSpace');
    await t.until((s) => /^> ▌/m.test(s), 'the typed text erased');
    t.type('10');
    await t.until((s) => /^> 10▌/m.test(s), '10 typed');
    t.keys('Enter');
    await t.until((s) => s.includes('Applied: MSL is now 10 s (TIME_WAIT lasts 20 s)'), 'the applied message');

    t.keys('Enter');
    const solved = await t.until((s) => s.includes('Solved'), '"Solved" on screen', 20_000);
    // The header's clock: the 2MSL timer (20 s now) fired well inside the 30 s the goal allows.
    expect(Number(/t=(\d+\.\d+)s/.exec(solved)?.[1])).toBeLessThan(30);
    for (const line of solved.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);

    t.keys('q');
    const end = await t.exited('msl');
    expect(end.code).toBe(0);
  });
});
