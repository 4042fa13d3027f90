/**
 * End to end on the built CLI at 80x24: lesson 5's rsh exchange, where segments cross while in
 * flight, stays readable on the ladder: no label runs into an arrow, crossings are drawn as ┼,
 * and a label with no room beside its arrow is a numbered note listed under the ladder. Then the
 * network view (v) draws r1 and r2. No fixed sleeps: every wait polls the screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;

/** The ladder's rows: from its heading to the line before the endpoint panels. */
function ladderRows(screen: string): string[] {
  const lines = screen.split('\n');
  const start = lines.findIndex((l) => /^\s+time\s+client/.test(l));
  const end = lines.findIndex((l, i) => i > start && /^client \d/.test(l));
  return lines.slice(start + 1, end);
}

describe.skipIf(!hasTmux)('e2e: the ladder stays readable where segments cross', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it('lesson 5 at 80x24: crossings, no label touching an arrow, notes for labels with no room', async () => {
    t.start('l5', 'lesson 5', { columns: 80, rows: 24, env: { TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg` } });
    await t.until((s) => s.includes('Lesson 5 ·') && s.includes('Step 1/'), 'lesson 5');
    await t.pressUntil(']', (s) => s.includes('An rsh-style exchange'), 'the rsh exchange step', 10);
    // Step to 0.45 s: the data, the server's FIN and the ACKs are all crossing by then.
    const screen = await t.pressUntil('n', (s) => /t=0\.4[5-9]\d?s/.test(s), 't = 0.45 s', 80);
    const rows = ladderRows(screen);
    const ladder = rows.join('\n');
    expect(ladder).toContain('┼');
    for (const row of rows) {
      // A label character never sits against an arrow glyph.
      expect(row).not.toMatch(/[─╮╭╰╯][A-Za-z0-9#.]|[A-Za-z0-9][─╮╭╰╯]/);
    }
    // Every numbered note on the ladder has its full label under it.
    const noteLine = screen.split('\n').filter((l) => l.startsWith('notes:')).join(' ');
    for (const [, id] of ladder.matchAll(/ #(\d+) /g)) expect(noteLine).toMatch(new RegExp(`#${id} [A-Z]+(,[A-Z]+)? seq=\\d+`));
    // The FIN of the server crossing the client's ACKs can be read, in full, short or as a note.
    expect(screen).toMatch(/FIN seq=5025 ack=1006|F\. 5025:5026/);

    t.keys('v');
    const net = await t.until((s) => /client :1023\s+r1\s+r2\s+server/.test(s), 'the network view');
    expect(ladderRows(net).some((l) => l.includes('┆'))).toBe(true);
    t.keys('q');
    await t.exited('l5');
  });
});
