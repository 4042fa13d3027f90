/**
 * Output targets against the built CLI. A bad --pcap target is found before the run (nothing
 * on stdout, exit 2); an existing file is kept unless --force; a symlink is never followed; a
 * failed write (a full disk) is one line and exit 1. The same for stdout: /dev/full is one
 * line and exit 1, and a reader that has gone away ends the program quietly with 0.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, ensureBuilt, runCli } from './builtCli.js';

beforeAll(ensureBuilt, 120_000);

const PCAP_MAGIC = 0xa1b2c3d4;

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'tw-out-'));
}

/** Refused before the run: one line, exit 2, and no trace printed first. */
function expectRefused(args: string[], message: string): void {
  const r = runCli(['simulate', '-s', 'lost-final-ack', ...args]);
  expect(r.stderr).toBe(`tcp-timewait: ${message}\n`);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
}

describe('--pcap targets', () => {
  it('a missing directory is refused before the run', () => {
    const dir = scratch();
    const target = join(dir, 'nowhere', 'run.pcap');
    expectRefused(['--pcap', target], `--pcap: the directory '${join(dir, 'nowhere')}' does not exist`);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('a path that cannot be written (under a file, or a directory) is refused before the run', () => {
    // The tests may run as root, for whom chmod does not stop writes; these two refuse anyone.
    expectRefused(['--pcap', '/dev/null/run.pcap'], "--pcap: '/dev/null/run.pcap' is not a possible path (a part of it is not a directory)");
    const dir = scratch();
    expectRefused(['--pcap', dir], `--pcap: '${dir}' is a directory; name a file inside it`);
    expectRefused(['--pcap', dir, '--force'], `--pcap: '${dir}' is a directory; name a file inside it`);
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    expectRefused(['--pcap', `${sub}/`], `--pcap: '${sub}/' is a directory; name a file inside it`);
  });

  it('an existing file is kept unless --force', () => {
    const file = join(scratch(), 'run.pcap');
    writeFileSync(file, 'keep me');
    expectRefused(['--pcap', file], `--pcap: '${file}' already exists; add --force to overwrite it`);
    expect(readFileSync(file, 'utf8')).toBe('keep me');

    const r = runCli(['simulate', '-s', 'lost-final-ack', '--pcap', file, '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`wrote ${file} (capture point: sender)\n`);
    expect(readFileSync(file).readUInt32LE(0)).toBe(PCAP_MAGIC);
  });

  it('a symlink is never followed, with or without --force, whether its target exists or not', () => {
    const dir = scratch();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const link = join(dir, 'link.pcap');
    symlinkSync(victim, link);
    const dangling = join(dir, 'dangling.pcap');
    symlinkSync(join(dir, 'would-be-created'), dangling);
    for (const target of [link, dangling]) {
      for (const force of [[], ['--force']]) {
        expectRefused(['--pcap', target, ...force], `--pcap: '${target}' is a symbolic link, which is never followed; name the real file`);
      }
    }
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(dangling)).toBe(join(dir, 'would-be-created'));
    expect(existsSync(join(dir, 'would-be-created'))).toBe(false);
  });

  it('a full device is an I/O failure: one line, exit 1', () => {
    const r = runCli(['simulate', '-s', 'lost-final-ack', '--pcap', '/dev/full', '--force']);
    expect(r.stderr).toBe("tcp-timewait: --pcap: could not write '/dev/full': no space left on the device (ENOSPC)\n");
    expect(r.code).toBe(1);
  });

  it('a run that fails after the target was claimed leaves no empty file behind', () => {
    const dir = scratch();
    const file = join(dir, 'run.pcap');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: x\ntitle: x\ndescription: x\nnetwork: { clientIp: nope }\nscript: []\n');
    const r = runCli(['simulate', '-s', bad, '--pcap', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:4:22: found "nope", expected an IPv4 address/);
    expect(existsSync(file)).toBe(false);
  });
});

describe('stdout that cannot be written', () => {
  it.each([
    [['simulate', '-s', 'lost-final-ack']],
    [['lint']],
  ])('%j > /dev/full is one line and exit 1, no stack trace', (args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr).toBe('tcp-timewait: could not write the output: no space left on the device (ENOSPC)\n');
      expect(r.status).toBe(1);
    } finally {
      closeSync(full);
    }
  });

  it('a reader that has gone away (EPIPE) ends the program quietly with exit 0', async () => {
    const child = spawn(process.execPath, [CLI, 'simulate', '-s', 'lost-final-ack', '--format', 'json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    // Close our end before the program writes: its first write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
