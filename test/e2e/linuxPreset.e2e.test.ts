/**
 * End to end at 80x24: the built CLI in tmux. In the sandbox, the `o` key switches to the linux
 * preset; then the Linux rules show on the ladder: the lost final ACK's FIN is resent 0.3 s after
 * the first (Linux's 200 ms RTO floor and the tail-loss probe, not the RFC's 1 s), and data sent
 * to a socket after close() is answered with RST, with no TIME_WAIT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;

async function sandboxOnLinux(name: string, scenario: string): Promise<void> {
  t.start(name, `sandbox --scenario ${scenario}`, { columns: 80, rows: 24, env: { TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg` } });
  await t.until((s) => s.includes(`Sandbox · ${scenario}`), 'the sandbox');
  await t.pressUntil('o', (s) => s.includes(`${scenario} · linux`), 'the linux preset', 6);
}

describe.skipIf(!hasTmux)('e2e: the linux preset in the sandbox', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it('lost-final-ack: the FIN is resent after 0.3 s (tail-loss probe), and TIME_WAIT restarts its 60 s', async () => {
    await sandboxOnLinux('lfa', 'lost-final-ack');
    // Step until the server's retransmitted FIN is on the ladder.
    const shown = await t.pressUntil('n', (s) => /↻ FIN seq=\d+/.test(s), 'the retransmitted FIN', 80);
    expect(shown).toContain('1.100s');
    expect(shown).not.toContain('1.800s');
    const restarted = await t.pressUntil('n', (s) => s.includes('2MSL↻60.0s'), 'the 60 s TIME_WAIT restarting', 20);
    expect(restarted).toContain('TIME_WAIT');
    t.keys('q');
    expect((await t.exited('lfa')).code).toBe(0);
  });

  it('data-after-close: the client answers the late data with RST and never enters TIME_WAIT', async () => {
    await sandboxOnLinux('dac', 'data-after-close');
    t.keys('+', '+', '+', '+', ' ');
    const end = await t.until((s) => s.includes('finished'), 'the run to finish', 30_000);
    expect(end).toMatch(/RST seq=\d+/);
    expect(end).toContain('ECONNRESET');
    expect(end).not.toContain('TIME_WAIT');
    t.keys('q');
    expect((await t.exited('dac')).code).toBe(0);
  });
});
