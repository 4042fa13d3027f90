/**
 * Smoke test of the program as shipped: EVERY command of the built dist/cli.js, run the way a
 * person runs it. Headless commands run with pipes; interactive ones in a real terminal (tmux,
 * 80x24). Each must exit 0 and print no error of the bundle ("X is not defined"), no stack
 * trace, no "Error:" dump and no warning line (a "⚠ ..." line, "not saved", a Node warning),
 * on stdout, stderr or the screen. Each interactive command also does something that saves and
 * we look for the file on disk: that is what caught "__filename is not defined" (every save
 * failed in the bundle, while the source-level tests passed).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LESSON_IDS } from '../../src/cli/interactiveArgs.js';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from '../e2e/tmux.js';
import { ROOT, runCli } from './builtCli.js';

/** What must never reach a learner's terminal. */
const BAD: readonly [RegExp, string][] = [
  [/is not defined/, 'a missing global in the bundle'],
  [/^\s+at \S.*(:\d+:\d+\)?|\(native\)|<anonymous>)$/m, 'a stack frame'],
  [/\b(Type|Reference|Syntax|Range)?Error:/, 'an Error dump'],
  [/⚠/, 'a warning line'],
  [/not saved/i, 'a failed save'],
  [/\(node:\d+\)|\bWarning:/, 'a Node warning'],
  [/unexpected error/i, "the CLI's last-resort error line"],
];

function expectClean(text: string, where: string): void {
  for (const [re, what] of BAD) {
    const hit = re.exec(text);
    expect(hit, `${what} in ${where}: ${JSON.stringify(hit?.[0])}\n${text.slice(0, 3000)}`).toBeNull();
  }
}

const scratch = mkdtempSync(path.join(tmpdir(), 'ttw-smoke-'));
let dirN = 0;
/** A fresh config dir and export dir for one command. */
function dirs(): { cfg: string; exports: string; env: Record<string, string> } {
  const base = path.join(scratch, String(++dirN));
  const cfg = path.join(base, 'cfg');
  const exports = path.join(base, 'exports');
  return { cfg, exports, env: { TCP_TIMEWAIT_CONFIG_DIR: cfg, TCP_TIMEWAIT_EXPORT_DIR: exports } };
}

/** Poll the disk, within a bound, for a save to land. */
async function until<T>(read: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = read();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

const readProgress = (cfg: string) => () => {
  const file = path.join(cfg, 'progress.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { lessons: Record<string, { step: number; status: string }>; quiz: { history: unknown[] } };
  } catch {
    return undefined; // mid-rename; read again
  }
};

beforeAll(() => ensureBuiltCli(), 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('smoke: headless commands of dist/cli.js', () => {
  const run = (args: string[], env: Record<string, string> = {}, input = '') => {
    const r = runCli(args, env, input);
    expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    expectClean(r.stdout, `stdout of ${args.join(' ')}`);
    expectClean(r.stderr, `stderr of ${args.join(' ')}`);
    return r;
  };

  it('every bundled file that uses a CommonJS global defines it (the banner)', () => {
    const dist = path.join(ROOT, 'dist');
    const files = [...readdirSync(dist).map((f) => path.join(dist, f)), ...readdirSync(path.join(dist, 'chunks')).map((f) => path.join(dist, 'chunks', f))];
    const js = files.filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(1);
    for (const file of js) {
      const code = readFileSync(file, 'utf8');
      // Only free uses count: not a property (x.require) and not the banner's own lines.
      const body = code.split('\n').filter((l) => !/^(const|import) /.test(l)).join('\n');
      for (const name of ['require', '__filename', '__dirname']) {
        if (!new RegExp(`(^|[^.\\w$])${name}\\b`).test(body)) continue;
        expect(code, `${path.basename(file)} uses ${name}`).toMatch(new RegExp(`^const ${name} = `, 'm'));
      }
    }
  });

  it('--help, --version and simulate --help', () => {
    expect(run(['--help']).stdout).toContain('Usage:');
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(run(['simulate', '--help']).stdout).toContain('--format');
    // The main help is read in the same 80-column terminal as the tutorial.
    expect(run(['--help']).stdout.split('\n').filter((l) => [...l].length > 80)).toEqual([]);
  });

  it('lab --help, and lab --experiment settings / who-waits headless (real loopback sockets where /proc/net/tcp exists)', () => {
    expect(run(['lab', '--help']).stdout).toContain('--experiment NAME');
    if (!existsSync('/proc/net/tcp')) return;
    expect(run(['lab', '--experiment', 'settings']).stdout).toMatch(/^tcp_tw_reuse = /m);
    expect(run(['lab', '--experiment', 'who-waits', '--json']).stdout).toContain('"waiter":"client"');
  });

  it.each(['text', 'json', 'ladder', 'mermaid'])('simulate --format %s, with --pcap', (format) => {
    const pcap = path.join(scratch, `smoke-${format}.pcap`);
    const r = run(['simulate', '--scenario', 'lost-final-ack', '--format', format, '--pcap', pcap]);
    expect(r.stdout.trim().length).toBeGreaterThan(0);
    expect(readFileSync(pcap).readUInt32LE(0)).toBe(0xa1b2c3d4);
  });

  it('lint on lessons/', () => {
    expect(run(['lint', path.join(ROOT, 'lessons')]).stdout).toMatch(/no problems|checked/);
  });

  it('--reset-progress, answered from a pipe, keeps the old file aside', () => {
    const d = dirs();
    const first = run(['--reset-progress'], d.env, 'y\n');
    expect(first.stdout).toContain('Progress reset');
    writeFileSync(path.join(d.cfg, 'progress.json'), '{"version":1}');
    const second = run(['--reset-progress'], d.env, 'y\n');
    expect(second.stdout).toContain('Progress reset');
    expect(readdirSync(d.cfg).length).toBeGreaterThan(0);
  });
});

describe.skipIf(!hasTmux)('smoke: interactive commands of dist/cli.js in a real terminal (80x24)', () => {
  let t: TmuxTerminal;
  beforeAll(() => {
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  const start = (name: string, args: string, env: Record<string, string>) => t.start(name, args, { columns: 80, rows: 24, env });

  /** Check a screen, quit with q, and check the exit code and the last screen too. */
  async function quit(name: string, screen: string): Promise<void> {
    expectClean(screen, `the screen of ${name}`);
    t.keys('q');
    const end = await t.exited(name);
    expect(end.code, end.screen).toBe(0);
    expectClean(end.screen, `the last screen of ${name}`);
  }

  it('the menu: open lesson 1, go on a step, and the step is saved', async () => {
    const d = dirs();
    start('menu', '', d.env);
    expectClean(await t.until((s) => /^\W*1\. /m.test(s) && s.includes('not started'), 'the menu'), 'the menu');
    t.keys('Enter');
    await t.until((s) => /Step 1\/\d+/.test(s), 'lesson 1 from the menu');
    t.keys(']');
    const screen = await t.until((s) => /Step 2\/\d+/.test(s), 'step 2');
    const p = await until(() => (readProgress(d.cfg)()?.lessons['the-close']?.step === 1 ? true : undefined), 'the step saved');
    expect(p).toBe(true);
    await quit('menu', screen);
  });

  it.each(LESSON_IDS.map((id, i) => [i + 1, id] as const))('lesson %i (%s): step 2 is saved', async (n, id) => {
    const d = dirs();
    const name = `lesson${n}`;
    start(name, `lesson ${n}`, d.env);
    expectClean(await t.until((s) => s.includes(`Lesson ${n}`) && /Step 1\/\d+/.test(s), `lesson ${n}`), `lesson ${n}`);
    t.keys(']');
    const screen = await t.until((s) => /Step 2\/\d+/.test(s), `lesson ${n} step 2`);
    await until(() => (readProgress(d.cfg)()?.lessons[id]?.step === 1 ? true : undefined), `lesson ${n}'s step saved`);
    await quit(name, screen);
  });

  it('sandbox: the export key writes its files into the export dir, with a message that fits', async () => {
    const d = dirs();
    start('sandbox', 'sandbox --scenario normal-close', d.env);
    await t.until((s) => s.includes('Sandbox'), 'the sandbox');
    await t.pressUntil('n', (s) => /FIN seq=\d+/.test(s), 'a few events', 40);
    t.keys('e');
    const screen = await t.until((s) => s.includes('Exported'), 'the export message');
    const files = await until(() => {
      const f = existsSync(d.exports) ? readdirSync(d.exports).sort() : [];
      return f.length === 3 ? f : undefined;
    }, 'the exported files');
    expect(files[0]).toMatch(/^sandbox-normal-close-\d+\.mmd$/);
    expect(files[1]).toMatch(/^sandbox-normal-close-\d+\.pcap$/);
    expect(files[2]).toMatch(/^sandbox-normal-close-\d+\.run\.yaml$/);
    // The whole message is on one line of the 80-column screen, ending with the folder's name.
    const line = screen.split('\n').find((l) => l.includes('Exported'))!;
    expect(line.trimEnd()).toMatch(/^Exported sandbox-normal-close-\d+\.pcap \+ \.mmd \+ \.run\.yaml to \S*exports$/);
    await quit('sandbox', screen);
  });

  it('quiz: one answer is saved', async () => {
    const d = dirs();
    start('quiz', 'quiz', d.env);
    await t.until((s) => /^\W*1\. /m.test(s), 'the first question');
    t.keys('1');
    const screen = await t.until((s) => /^[✓✗]/m.test(s), 'the answer marked');
    await until(() => ((readProgress(d.cfg)()?.quiz.history.length ?? 0) > 0 ? true : undefined), 'the answer saved');
    await quit('quiz', screen);
  });

  it('--reset-progress in a terminal: asks, and resets on y', async () => {
    const d = dirs();
    start('reset', '--reset-progress', d.env);
    await t.until((s) => s.includes('[y/N]'), 'the question');
    t.type('y');
    t.keys('Enter');
    const end = await t.exited('reset');
    expect(end.code).toBe(0);
    expect(end.screen).toContain('Progress reset');
    expectClean(end.screen, 'the screen of --reset-progress');
    expect(existsSync(path.join(d.cfg, 'progress.json'))).toBe(true);
  });
});
