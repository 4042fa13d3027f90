/**
 * `tcp-timewait lab` headless, on the BUILT CLI: --json prints one object per line with what the
 * kernel showed next to the simulator's prediction; bad usage is one line and exit 2; a system
 * without a socket table gets one clear line, not a crash.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parseProcNetTcp } from '../../src/lab/procNetTcp.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, ensureBuilt, runCli } from './builtCli.js';

const hasProc = existsSync('/proc/net/tcp');

beforeAll(() => ensureBuilt());

const lines = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('tcp-timewait lab (headless)', () => {
  it.skipIf(!hasProc)('--experiment who-waits --json: observed and predicted, one JSON object per line', () => {
    const r = runCli(['lab', '--experiment', 'who-waits', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const recs = lines(r.stdout);
    expect(recs[0]).toMatchObject({ experiment: 'who-waits', kind: 'start', source: '/proc/net/tcp', timers: true });
    const closes = recs.filter((x) => x.kind === 'close');
    expect(closes.map((c) => [c.closer, (c.observed as { waiter: string }).waiter, (c.predicted as { waiter: string }).waiter])).toEqual([
      ['client', 'client', 'client'],
      ['server', 'server', 'server'],
    ]);
    const t = (closes[0]!.observed as { timerSeconds: number }).timerSeconds;
    expect(t).toBeGreaterThan(0);
    expect(t).toBeLessThanOrEqual(60);
    expect(recs.at(-1)).toEqual({ experiment: 'who-waits', kind: 'done' });
  });

  it.skipIf(!hasProc)('--experiment reconnect --json gives the real errno with its explanation', () => {
    const r = runCli(['lab', '--experiment', 'reconnect', '--json']);
    expect(r.code).toBe(0);
    const rs = lines(r.stdout).filter((x) => x.kind === 'reconnect');
    expect(rs[0]).toMatchObject({ holder: 'client', reuse: false, errno: 'EADDRINUSE', predicted: 'EADDRINUSE' });
    expect(String(rs[0]!.explanation)).toMatch(/^EADDRINUSE/);
  });

  it.skipIf(!hasProc)('--experiment settings prints each sysctl in plain text', () => {
    const r = runCli(['lab', '--experiment', 'settings']);
    expect(r.code).toBe(0);
    for (const n of ['tcp_fin_timeout', 'tcp_tw_reuse', 'tcp_timestamps', 'ip_local_port_range', 'tcp_max_tw_buckets', 'tcp_rfc1337']) expect(r.stdout).toMatch(new RegExp(`^${n} = `, 'm'));
  });

  it.skipIf(!hasProc)('Ctrl+C (SIGINT) during how-long closes everything and exits 130 at once', async () => {
    const child = spawn(process.execPath, [CLI, 'lab', '--experiment', 'how-long', '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const firstTick = new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('"kind":"tick"')) resolve();
      }),
    );
    await firstTick;
    const client = Number(/"client":"127\.0\.0\.1:(\d+)"/.exec(out)![1]);
    const started = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(Date.now() - started).toBeLessThan(3000);
    // The countdown's socket is the kernel's now (TIME_WAIT outlives the program); no LISTEN is left.
    const table = parseProcNetTcp(readFileSync('/proc/net/tcp', 'utf8'));
    const server = table.find((x) => x.local.port === client)?.remote.port;
    expect(table.filter((x) => x.state === 'LISTEN' && x.local.port === server)).toEqual([]);
  });

  it('without a socket table: one line saying what the lab needs, exit 1', () => {
    const r = runCli(['lab', '--experiment', 'who-waits', '--json'], { TCP_TIMEWAIT_LAB_PROC: '/nonexistent-proc' });
    if (process.platform !== 'linux') return; // macOS and the BSDs fall back to netstat
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([{ experiment: 'who-waits', kind: 'unavailable', reason: expect.stringContaining('needs a readable socket table') }]);
  });

  it.each([
    [['lab', '--json'], /--json needs --experiment NAME/],
    [['lab', '--experiment', 'nope'], /--experiment 'nope' is not accepted; expected one of who-waits, how-long, reconnect, many, settings/],
    [['lab', '--experiment', 'many', '--count', '2001'], /--count: '2001' is not accepted; expected a whole number from 1 to 2000/],
    [['lab', '--experiment', 'who-waits', '--count', '5'], /--count goes with --experiment many/],
    [['lab', '--bogus'], /lab: Unknown option '--bogus'/],
  ])('%j is bad usage: one line, exit 2', (args, msg) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('lab --help lists the experiments; the main help names the lab', () => {
    const help = runCli(['lab', '--help']).stdout;
    for (const e of ['who-waits', 'how-long', 'reconnect', 'many', 'settings']) expect(help).toMatch(new RegExp(`^  ${e} `, 'm'));
    expect(help.split('\n').filter((l) => [...l].length > 80)).toEqual([]);
    expect(runCli(['--help']).stdout).toContain('tcp-timewait lab [--experiment NAME] [--json]');
  });

  it('lab without a terminal says the interactive lab needs one, exit 2', () => {
    const r = runCli(['lab']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs an interactive terminal');
  });
});
