/**
 * Search and jump on the BUILT CLI at 80x24 in tmux, as a learner uses them: G to the end of the
 * lost-final-ack run, `/FIN` Enter to find the newest FIN in the event log, n and N to move
 * between matches, esc to end the search, g back to time 0; and the help lists those keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;

const matchOf = (s: string) => {
  const m = /match (\d+) of (\d+)/.exec(s);
  return m ? { n: Number(m[1]), of: Number(m[2]) } : undefined;
};
/** The highlighted event log line (marked › before its time). */
const found = (s: string) => s.split('\n').find((l) => /^›\s*\d+\.\d{3}s /.test(l));

describe.skipIf(!hasTmux)('e2e: search the event log and jump, at 80x24', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it('finds FIN segments with / and n/N, ends with esc, and g/G jump to the start and end', async () => {
    t.start('search', 'sandbox --scenario lost-final-ack', { columns: 80, rows: 24, env: { TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg` } });
    await t.until((s) => s.includes('Sandbox · lost-final-ack'), 'the sandbox');
    t.keys('G');
    await t.until((s) => s.includes('finished') && s.includes('61.850s'), 'the end of the run');

    t.keys('/');
    await t.until((s) => s.includes('type what to find'), 'the search prompt');
    t.type('FIN');
    await t.until((s) => /\/FIN▏ \d+ matches/.test(s), 'a live count of matches');
    t.keys('Enter');
    const first = await t.until((s) => matchOf(s) !== undefined && found(s) !== undefined, 'the newest match shown');
    const m1 = matchOf(first)!;
    expect(m1.n).toBe(m1.of);
    expect(m1.of).toBeGreaterThan(3);
    expect(found(first)).toMatch(/FIN/);

    t.keys('n');
    const older = await t.until((s) => matchOf(s)?.n === m1.n - 1, 'the next older match');
    expect(found(older)).toMatch(/FIN/);
    expect(found(older)).not.toBe(found(first));
    t.keys('N');
    await t.until((s) => matchOf(s)?.n === m1.n, 'back to the newest match');

    // esc ends the search: the log follows now again and n steps (nothing left to step here).
    t.keys('Escape');
    await t.until((s) => !/match \d+ of/.test(s) && found(s) === undefined, 'the search ended');

    t.keys('g');
    await t.until((s) => s.includes('t=0.000s') && !s.includes('finished'), 'the start of the run');

    t.keys('?');
    const help = await t.pressUntil('j', (s) => /\bG\s+play straight to the end/.test(s), 'g/G and / in the help', 60);
    expect(help).toBeTruthy();
    t.keys('q');
    expect((await t.exited('search')).code).toBe(0);
  });
});
