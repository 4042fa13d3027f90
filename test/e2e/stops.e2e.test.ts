/**
 * End to end on the BUILT CLI at 80x24 (issue 10, items 4 and 5): lesson 2 step 5 says "We will
 * now play on to 46 s", and Space, n and Enter each stop the clock at t=46.000s with the client
 * still in TIME_WAIT; lesson 1 step 12's three hints all show without scrolling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;
const session = (name: string, args: string) => t.start(name, args, { columns: 80, rows: 24, env: { TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg` } });
const stepTo = (n: number) => t.pressUntil(']', (s) => s.includes(`Step ${n}/`), `step ${n}`, 20);

describe.skipIf(!hasTmux)('e2e: runs stop where the text says, news shows at 80x24', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it('lesson 2 step 5 stops at 46 s whichever key plays it', async () => {
    session('msl', 'lesson 2');
    await t.until((s) => s.includes('Lesson 2 ·') && s.includes('Step 1/'), 'lesson 2');
    await stepTo(5);
    await t.until((s) => s.includes('play on to 46 s') && s.includes('t=0.850s'), 'the predict, at 0.85 s');
    const atStop = (s: string) => s.includes('t=46.000s') && s.includes('Revealed') && /TIME_WAIT/.test(s);
    // Space plays the reveal (skip-idle compresses the wait) and stops at 46 s.
    t.keys('1');
    await t.until((s) => s.includes('Space plays the reveal'), 'the answer taken');
    t.keys('Space');
    const spaced = await t.until(atStop, 'Space stopping at 46 s', 30_000);
    expect(spaced).toContain('⏸ paused');
    expect(spaced).not.toContain('t=60.850s');
    // r starts the step over; n steps: one press after the last event moves the clock to 46 s.
    t.keys('r');
    await t.until((s) => s.includes('t=0.850s') && s.includes('Answer with'), 'the step restarted');
    t.keys('1');
    await t.until((s) => s.includes('Space plays the reveal'), 'the answer taken');
    await t.pressUntil('n', atStop, 'stepping to 46 s', 30);
    // Enter jumps there.
    t.keys('r');
    await t.until((s) => s.includes('t=0.850s') && s.includes('Answer with'), 'the step restarted');
    t.keys('1');
    await t.until((s) => s.includes('Space plays the reveal'), 'the answer taken');
    t.keys('Enter');
    await t.until(atStop, 'Enter jumping to 46 s');
    // The next step begins where this one stopped.
    t.keys('Enter');
    await t.until((s) => s.includes('Step 6/') && s.includes('t=46.000s'), 'step 6 at 46 s');
  }, 90_000);

  it('lesson 1 step 12: three hints show without scrolling', async () => {
    session('close', 'lesson 1');
    await t.until((s) => s.includes('Lesson 1 ·') && s.includes('Step 1/'), 'lesson 1');
    await stepTo(12);
    t.keys('H', 'H', 'H');
    const f = await t.until((s) => s.includes('Hint 3:'), 'the third hint');
    expect(f).toContain('Hint 1:');
    expect(f).toContain('Hint 2:');
    expect(f).not.toMatch(/↓ \d+ more/);
    // The whole frame fits: the header is still on the first row, and the ladder's heads too.
    expect(f.split('\n')[0]).toContain('Lesson 1 ·');
    expect(f).toMatch(/time +client +server/);
  }, 60_000);
});
