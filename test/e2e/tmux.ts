/**
 * A real pseudo-terminal for end-to-end tests: the BUILT CLI (dist/cli.js) runs in a tmux
 * window on a private socket; tests type with `keys` and read the screen with `screen`.
 * Every wait polls the screen until a condition holds, within a bound: no fixed sleeps.
 *
 * ```ts
 * const t = new TmuxTerminal();               // one private tmux server per test file
 * t.start('lesson', 'lesson 1', { columns: 80, rows: 24, env: { TCP_TIMEWAIT_CONFIG_DIR: dir } });
 * await t.until((s) => s.includes('Lesson 1'), 'the lesson');
 * t.keys('Enter');
 * await t.exited('lesson');                    // the shell line after the program, with its exit code
 * t.close();
 * ```
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TMUX = ['/usr/bin/tmux', '/usr/local/bin/tmux'].find((p) => existsSync(p)) ?? 'tmux';
export const hasTmux = spawnSync(TMUX, ['-V']).status === 0;

/** Build dist/cli.js when it is older than the sources (`npm test` builds first anyway). */
export function ensureBuiltCli(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
}

export interface StartOptions {
  columns?: number;
  rows?: number;
  env?: Record<string, string>;
  /** Working directory of the program (default: the repository). */
  cwd?: string;
  /** The program to run instead of `node dist/cli.js` (e.g. an installed `tcp-timewait`). */
  program?: string;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export class TmuxTerminal {
  readonly socket = `ttw-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  /** Scratch directory for the stty snapshots (and anything a test wants to keep there). */
  readonly tmp = mkdtempSync(path.join(tmpdir(), 'ttw-e2e-'));
  target = '';

  tmux(...args: string[]): string {
    return execFileSync(TMUX, ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /**
   * Open a window named `name` running `node dist/cli.js ARGS` in a shell script that records
   * `stty -a` before and after, echoes the exit code, then waits (so the pane stays readable).
   */
  start(name: string, args: string, opts: StartOptions = {}): void {
    const env = Object.entries(opts.env ?? {})
      .map(([k, v]) => `${k}=${quote(v)}`)
      .join(' ');
    const script = [
      `cd ${quote(opts.cwd ?? ROOT)}`,
      `stty -a > ${quote(`${this.tmp}/${name}-before.txt`)}`,
      `${env} ${opts.program !== undefined ? quote(opts.program) : `node ${quote(path.join(ROOT, 'dist', 'cli.js'))}`} ${args}`,
      `echo "EXIT=$?"`,
      `stty -a > ${quote(`${this.tmp}/${name}-after.txt`)}`,
      `echo SHELL-BACK`,
      `sleep 600`,
    ].join('; ');
    const size = ['-x', String(opts.columns ?? 160), '-y', String(opts.rows ?? 48)];
    if (spawnSync(TMUX, ['-L', this.socket, 'has-session']).status === 0) {
      // A new window takes the session's size; resize it to what this run asks for.
      this.tmux('new-window', '-d', '-n', name, 'sh', '-c', script);
      this.tmux('resize-window', '-t', `ttw:${name}`, ...size);
    } else this.tmux('new-session', '-d', '-s', 'ttw', '-n', name, ...size, 'sh', '-c', script);
    this.target = `ttw:${name}`;
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.target);
  }

  keys(...k: string[]): void {
    this.tmux('send-keys', '-t', this.target, ...k);
  }

  /** Type text literally (no key-name lookup), e.g. a number into a prompt. */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.target, '-l', text);
  }

  async until(test: (s: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = this.screen();
      if (test(s)) return s;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
      await new Promise((r) => setTimeout(r, 40));
    }
  }

  /** Press one key and wait until the screen reacts to it; returns the new screen. */
  async press(key: string, what: string, timeoutMs = 10_000): Promise<string> {
    const before = this.screen();
    this.keys(key);
    return this.until((s) => s !== before, `${what} (after ${key})`, timeoutMs);
  }

  /** Press a key until the screen shows what we want; each press waits for the screen to change. */
  async pressUntil(key: string, test: (s: string) => boolean, what: string, max = 80): Promise<string> {
    for (let i = 0; i < max; i++) {
      const before = this.screen();
      if (test(before)) return before;
      this.keys(key);
      await this.until((s) => s !== before, `the screen to change after ${key}`, 5_000);
    }
    throw new Error(`never saw ${what}; screen:\n${this.screen()}`);
  }

  /** Wait for the program to end; returns its exit code and the final screen. */
  async exited(name: string, timeoutMs = 15_000): Promise<{ code: number; screen: string; sttyBefore: string; sttyAfter: string }> {
    const end = await this.until((s) => s.includes('SHELL-BACK'), 'the shell after the program', timeoutMs);
    const code = Number(/EXIT=(\d+)/.exec(end)?.[1] ?? NaN);
    return {
      code,
      screen: end,
      sttyBefore: readFileSync(path.join(this.tmp, `${name}-before.txt`), 'utf8'),
      sttyAfter: readFileSync(path.join(this.tmp, `${name}-after.txt`), 'utf8'),
    };
  }

  close(): void {
    spawnSync(TMUX, ['-L', this.socket, 'kill-server']);
    rmSync(this.tmp, { recursive: true, force: true });
  }
}
