/**
 * The instruments, read off the screen of the BUILT CLI at 80x24 in tmux: the 2MSL bar against
 * its labelled scale, the idle gap in the ladder, the state diagram drawn from the transition
 * table, and the inspector reaching an old segment by its typed id. Every wait polls the screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;

describe.skipIf(!hasTmux)('e2e: diagram, timer bar, idle gap and inspector at 80x24', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it('reads them all off the screen', async () => {
    t.start('instruments', 'sandbox --scenario wandering-duplicate', { columns: 80, rows: 24, env: { TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg` } });
    await t.until((s) => s.includes('Sandbox · wandering-duplicate'), 'the sandbox');

    // Play fast until the client waits in TIME_WAIT: its 2MSL bar is on the 4 min scale.
    t.keys('+', '+', '+', '+', '+', '+', ' ');
    const waiting = await t.until((s) => /⏲2MSL │[█▏▎▍▌▋▊▉░·]+│4m +\d+\.\ds left/.test(s), 'the 2MSL bar on its scale', 30_000);
    const bar = /⏲2MSL │([^│]+)│4m/.exec(waiting)![1]!;
    // 60 s of a 4 min scale: the track (solid and ░) is a quarter of the bar, the rest dots.
    const track = [...bar].filter((c) => c !== '·').length;
    expect(track * 4).toBe([...bar].length);

    // The run ends after the wait; the ladder says how long the wait was.
    await t.until((s) => /┊ +⋮ \d+\.\ds idle ⋮ +┊/.test(s), "the idle gap mark", 30_000);
    await t.until((s) => s.includes('✓ finished'), 'the end of the run', 30_000);

    // The state diagram: CLOSING goes to TIME_WAIT, FIN_WAIT_1 has its arc to TIME_WAIT.
    t.keys('d');
    const diagram = await t.until((s) => s.includes('last:') && s.includes('SYN_RECEIVED'), 'the state diagram');
    const lines = diagram.split('\n');
    expect(lines.some((l) => /FIN_WAIT_1 +──FIN \/ ACK▶CLOSING/.test(l))).toBe(true);
    expect(lines.some((l) => /│ FIN\+ACK \/ ACK▼ +▼/.test(l))).toBe(true);
    expect(lines.some((l) => /TIME_WAIT.*──2MSL timeout──▶CLOSED/.test(l))).toBe(true);
    // The run ends with a second incarnation open: both ends marked in ESTABLISHED.
    expect(diagram).toMatch(/ESTABLISHEDcs/);
    expect(diagram).toMatch(/c=client: SYN_SENT → ESTABLISHED/);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    t.keys('d');
    await t.until((s) => !s.includes('last:'), 'the diagram closed');

    // The inspector: every segment, and the looping one reached by typing its id.
    t.keys('i');
    await t.until((s) => /Inspect a segment \(of \d+\)/.test(s), 'the inspector');
    t.keys('4');
    const seg4 = await t.until((s) => s.includes('› #4 PSH') && s.includes('segment  #4 sent by the client'), 'segment #4 selected');
    expect(seg4).toMatch(/incarnation {2}#1, born at 0\.200s/);
    expect(seg4).toMatch(/age vs MSL .* 6\.0s within MSL \(in the network; MSL 30s\)/);
    const headers = seg4.indexOf('TCP/IP headers');
    const tags = seg4.indexOf("simulator's own tags");
    expect(headers).toBeGreaterThan(0);
    expect(seg4.indexOf('window / TTL')).toBeGreaterThan(headers);
    expect(seg4.indexOf('window / TTL')).toBeLessThan(tags);
    expect(seg4.indexOf('incarnation  #1')).toBeGreaterThan(tags);
    t.keys('Escape');
    await t.until((s) => !s.includes('Inspect a segment'), 'the inspector closed');
    t.keys('q');
    expect((await t.exited('instruments')).code).toBe(0);
  });
});
