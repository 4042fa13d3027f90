/**
 * Compare mode on the BUILT CLI at 80x24 in tmux, with keys only: in the sandbox on
 * lost-final-ack, C opens the picker, TIME_WAIT off runs both, G goes to the end; run A shows
 * the mark "client sends ACK", Tab shows run B with "client sends RST" on the same screen row,
 * and the sentence under the ladder says it. Esc goes back to the sandbox. No fixed sleeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;
const markRow = (s: string) => s.split('\n').findIndex((l) => l.includes('◆ diverges'));

describe.skipIf(!hasTmux)('e2e: compare TIME_WAIT on and off in the sandbox', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it('marks the divergence at the retransmitted FIN on both runs, one at a time at 80 columns', async () => {
    t.start('compare', 'sandbox --scenario lost-final-ack', { columns: 80, rows: 24, env: { TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg` } });
    await t.until((s) => s.includes('Sandbox · lost-final-ack'), 'the sandbox');
    t.keys('C');
    await t.until((s) => s.includes('Compare this run with'), 'the compare picker');
    await t.pressUntil('j', (s) => s.includes('› TIME_WAIT off'), 'TIME_WAIT off highlighted');
    t.keys('Enter');
    await t.until((s) => s.includes('run A: TIME_WAIT on (1 of 2)'), 'the compare view');
    t.keys('G');
    const a = await t.until((s) => s.includes('◆ diverges: client sends ACK'), 'the mark on run A');
    expect(a).toContain('At 1.850 s the retransmitted FIN reaches the client');
    t.keys('Tab');
    const b = await t.until((s) => s.includes('run B: TIME_WAIT off (2 of 2)') && s.includes('◆ diverges: client sends RST'), 'run B and its mark');
    expect(markRow(b)).toBe(markRow(a));
    expect(b).toContain('with TIME_WAIT off it answers RST');
    t.keys('Escape');
    await t.until((s) => s.includes('Sandbox · lost-final-ack') && s.includes('paused'), 'back in the sandbox');
    t.keys('q');
    const end = await t.exited('compare');
    expect(end.code).toBe(0);
  });

  it('in screen-reader mode says each run and the divergence in sentences, with no drawing', async () => {
    t.start('reader', '--screen-reader sandbox --scenario lost-final-ack', { columns: 80, rows: 30, env: { TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg` } });
    await t.until((s) => s.includes('lost-final-ack'), 'the sandbox');
    t.keys('C');
    await t.until((s) => s.includes('Compare this run with'), 'the compare picker');
    await t.pressUntil('j', (s) => s.includes('› TIME_WAIT off'), 'TIME_WAIT off highlighted');
    t.keys('Enter');
    await t.until((s) => s.includes('Run A, TIME_WAIT on:'), 'the narration');
    t.keys('G');
    const end = await t.until((s) => s.includes('with TIME_WAIT off it answers RST'), 'the sentence');
    expect(end).toMatch(/Run B, TIME_WAIT off: /);
    expect(end).not.toMatch(/[│╭╮╰╯├┤─]{2,}/);
    t.keys('q');
    expect((await t.exited('reader')).code).toBe(0);
  });
});
