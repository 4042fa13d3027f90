/**
 * End to end, as a person would: the BUILT CLI (dist/cli.js) in a real pseudo-terminal (tmux on
 * a private socket). Open the lost-final-ACK lesson, step until the client's final ACK is in
 * flight, drop it from the perturb menu, play on, and see the server's retransmitted FIN and the
 * client's second ACK. Then quit and check the terminal was restored: same `stty -a` as before
 * (so raw mode is off), cursor visible, the shell carrying on after the program.
 *
 * Every wait polls the screen until the text appears, within a bound; there are no fixed sleeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;
const keys = (...k: string[]) => t.keys(...k);
const until = (test: (s: string) => boolean, what: string, timeoutMs?: number) => t.until(test, what, timeoutMs);
const pressUntil = (key: string, test: (s: string) => boolean, what: string, max?: number) => t.pressUntil(key, test, what, max);
const session = (name: string, args: string) => t.start(name, args, { env: { TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg` } });

const count = (s: string, needle: string) => s.split(needle).length - 1;

async function expectRestored(name: string): Promise<void> {
  const end = await t.exited(name);
  expect(end.code).toBe(0);
  expect(end.sttyAfter).toBe(end.sttyBefore);
  expect(end.sttyAfter).toMatch(/(^|\s)icanon(\s|$)/);
  expect(end.sttyAfter).toMatch(/(^|\s)echo(\s|$)/);
  expect(t.tmux('display-message', '-p', '-t', t.target, '#{cursor_flag}').trim()).toBe('1');
  // Nothing of the app's is left below its last frame but the script's own lines.
  const tail = end.screen.slice(end.screen.indexOf('EXIT=0')).trim().split('\n');
  expect(tail).toEqual(['EXIT=0', 'SHELL-BACK']);
}

describe.skipIf(!hasTmux)('e2e: the lost final ACK, in a real terminal', () => {
  beforeAll(() => {
    // `npm test` builds first; build here too when run on its own.
    ensureBuiltCli();
    t = new TmuxTerminal();
  });

  afterAll(() => t?.close());

  it('drops the final ACK and shows the retransmitted FIN and the second ACK, then restores the terminal', async () => {
    session('lesson', 'lesson lost-final-ack');
    await until((s) => s.includes('Lesson 3 ·') && s.includes('Step 1/'), 'the lesson');
    // The first steps are text only; go on to the first one with a simulation (the close).
    await pressUntil(']', (s) => s.includes('paused') && !s.includes('nothing to run'), 'a step with a simulation', 10);

    // Step until the server's FIN is out, then until the client's ACK of it is sent.
    const withFin = await pressUntil('n', (s) => /server sends FIN seq=\d+ ack=\d+/.test(s), "the server's FIN");
    const [, finSeq, finAck] = /server sends FIN seq=(\d+) ack=(\d+)/.exec(withFin)!;
    const finalAck = `ACK seq=${finAck} ack=${Number(finSeq) + 1}`;
    await pressUntil('n', (s) => s.includes(`client sends ${finalAck}`), 'the final ACK sent');

    // It is in flight: the perturb menu offers it first. Drop it.
    keys('p');
    const menu = await until((s) => s.includes('Perturb the run'), 'the perturb menu');
    expect(menu).toMatch(new RegExp(`› drop\\s+${finalAck} \\(in flight client→server\\)`));
    keys('Enter');
    await until((s) => s.includes(`Applied: drop ${finalAck}`), 'the drop applied');

    // Play on, faster.
    keys('+', '+', '+', '+', ' ');
    const after = await until(
      (s) => s.includes(`↻ FIN seq=${finSeq} ack=${finAck}`) && count(s, finalAck) >= 2 && s.includes('✕'),
      "the retransmitted FIN and the client's second ACK",
      30_000,
    );
    expect(after).toContain('lost');

    // Quit; the shell carries on and the terminal is as it was.
    keys('q');
    await expectRestored('lesson');
  });

  it('quits with Ctrl+C from an open menu and restores the terminal', async () => {
    session('ctrlc', 'sandbox --scenario normal-close');
    await until((s) => s.includes('Sandbox · normal-close'), 'the sandbox');
    keys('p');
    await until((s) => s.includes('Perturb the run'), 'the perturb menu');
    keys('C-c');
    await expectRestored('ctrlc');
  });
});
