/**
 * End to end, as a person would: the BUILT CLI (dist/cli.js) in a real pseudo-terminal (tmux on
 * a private socket). Open the lost-final-ACK lesson, step until the client's final ACK is in
 * flight, drop it from the perturb menu, play on, and see the server's retransmitted FIN and the
 * client's second ACK. Then quit and check the terminal was restored: same `stty -a` as before
 * (so raw mode is off), cursor visible, the shell carrying on after the program.
 *
 * Every wait polls the screen until the text appears, within a bound; there are no fixed sleeps.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TMUX = ['/usr/bin/tmux', '/usr/local/bin/tmux'].find((p) => existsSync(p)) ?? 'tmux';
const hasTmux = spawnSync(TMUX, ['-V']).status === 0;
const SOCKET = `ttw-e2e-${process.pid}-${Date.now()}`;
let TARGET = 'e2e';

function tmux(...args: string[]): string {
  return execFileSync(TMUX, ['-L', SOCKET, ...args], { encoding: 'utf8' });
}
const screen = () => tmux('capture-pane', '-p', '-t', TARGET);
const keys = (...k: string[]) => tmux('send-keys', '-t', TARGET, ...k);

async function until(test: (s: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = screen();
    if (test(s)) return s;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

/** Press a key until the screen shows what we want; each press waits for the screen to change. */
async function pressUntil(key: string, test: (s: string) => boolean, what: string, max = 80): Promise<string> {
  for (let i = 0; i < max; i++) {
    const before = screen();
    if (test(before)) return before;
    keys(key);
    await until((s) => s !== before, `the screen to change after ${key}`, 5_000);
  }
  throw new Error(`never saw ${what}; screen:\n${screen()}`);
}

const count = (s: string, needle: string) => s.split(needle).length - 1;

let tmp = '';

/** A shell script for the pane: note the tty settings, run the CLI, note them again. */
function session(name: string, args: string): void {
  const script = [
    `cd '${ROOT}'`,
    `stty -a > '${tmp}/${name}-before.txt'`,
    `TCP_TIMEWAIT_CONFIG_DIR='${tmp}/cfg' node dist/cli.js ${args}`,
    `echo "EXIT=$?"`,
    `stty -a > '${tmp}/${name}-after.txt'`,
    `echo SHELL-BACK`,
    `sleep 600`,
  ].join('; ');
  if (spawnSync(TMUX, ['-L', SOCKET, 'has-session']).status === 0) tmux('new-window', '-d', '-n', name, 'sh', '-c', script);
  else tmux('new-session', '-d', '-s', 'ttw', '-n', name, '-x', '160', '-y', '48', 'sh', '-c', script);
  TARGET = `ttw:${name}`;
}

async function expectRestored(name: string): Promise<void> {
  const end = await until((s) => s.includes('SHELL-BACK'), 'the shell after the program');
  expect(end).toContain('EXIT=0');
  const before = readFileSync(path.join(tmp, `${name}-before.txt`), 'utf8');
  const after = readFileSync(path.join(tmp, `${name}-after.txt`), 'utf8');
  expect(after).toBe(before);
  expect(after).toMatch(/(^|\s)icanon(\s|$)/);
  expect(after).toMatch(/(^|\s)echo(\s|$)/);
  expect(tmux('display-message', '-p', '-t', TARGET, '#{cursor_flag}').trim()).toBe('1');
  // Nothing of the app's is left below its last frame but the script's own lines.
  const tail = end.slice(end.indexOf('EXIT=0')).trim().split('\n');
  expect(tail).toEqual(['EXIT=0', 'SHELL-BACK']);
}

describe.skipIf(!hasTmux)('e2e: the lost final ACK, in a real terminal', () => {
  beforeAll(() => {
    // `npm test` builds first; build here too when run on its own.
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
    tmp = mkdtempSync(path.join(tmpdir(), 'ttw-e2e-'));
  });

  afterAll(() => {
    spawnSync(TMUX, ['-L', SOCKET, 'kill-server']);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

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
