/**
 * The command line as a contract: exit codes, one-line errors with no stack trace, and the
 * headless output formats other tools read (shared/DESIGN.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from './builtCli.js';

beforeAll(ensureBuilt, 120_000);

const oneLine = (s: string) => s.trim().split('\n').length === 1 && !/\n\s+at /.test(s);

describe('tcp-timewait (no terminal on stdin)', () => {
  it('the interactive commands explain in one line and exit 2', () => {
    for (const args of [[], ['lesson', 'msl'], ['sandbox'], ['quiz']]) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(oneLine(r.stderr)).toBe(true);
      expect(r.stderr).toMatch(/needs an interactive terminal.*tcp-timewait simulate/);
    }
  });

  it.each([
    [['simulate', '--msl', 'abc'], /--msl: 'abc'.*expected a number/],
    [['simulate', '--format', 'xml'], /--format: 'xml'.*text, json, ladder, mermaid/],
    [['simulate', '--time-wait', 'maybe'], /--time-wait: 'maybe'.*rfc, off/],
    [['simulate', '--scenario', 'nope'], /'nope' is neither a built-in scenario \(normal-close/],
    [['simulate', '--bogus'], /Unknown option '--bogus'/],
    [['simulate', '--drop', 'from=router'], /--drop: 'router' is not a host; expected client or server/],
    [['simulate', '--drop', 'flags=FOO'], /flag 'FOO' is unknown/],
    [['simulate', '--delay', 'from=client'], /--delay: needs by=SECONDS/],
    [['simulate', '--crash', 'server'], /--crash: 'server' should be HOST@SECONDS/],
    [['lesson', '9'], /lesson: '9' is not a lesson; expected one of the-close/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('%j is refused in one line with exit 2', (args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(message);
  });

  it('--help documents every perturbation flag; --version prints the version', () => {
    const help = runCli(['simulate', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--drop', '--duplicate', '--delay', '--loop', '--reorder', '--heal', '--crash', '--reconnect', '--inject', '--seed', '--msl', '--until', '--pcap']) {
      expect(help.stdout).toContain(flag);
    }
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(runCli(['--version']).stdout.trim()).toBe(pkg.version);
  });
});

describe('simulate --format json (the DESIGN.md contract)', () => {
  const lines = () =>
    runCli(['simulate', '--scenario', 'lost-final-ack', '--format', 'json'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('one object per line in time order with the required fields', () => {
    const events = lines();
    expect(events.length).toBeGreaterThan(40);
    let last = -1;
    for (const e of events) {
      expect(typeof e.t).toBe('number');
      expect(e.t as number).toBeGreaterThanOrEqual(last);
      last = e.t as number;
      expect(['send', 'deliver', 'drop', 'state', 'timer', 'app', 'perturb', 'alert']).toContain(e.kind);
      expect(typeof e.host).toBe('string');
      if (e.kind === 'state') expect(Object.keys(e)).toEqual(expect.arrayContaining(['from', 'to']));
      if (e.kind === 'send' || e.kind === 'deliver' || e.kind === 'drop') {
        expect(Object.keys(e.seg as object)).toEqual(expect.arrayContaining(['id', 'src', 'dst', 'flags', 'seq', 'ack', 'len', 'ttl', 'incarnation']));
      }
      if (e.kind === 'drop') expect(typeof e.reason).toBe('string');
      if (e.kind === 'timer') expect(Object.keys(e)).toEqual(expect.arrayContaining(['timer', 'action', 'expires']));
      if (e.kind === 'app') expect(typeof e.event).toBe('string');
    }
  });

  it('is the same, byte for byte, on a second run with the same seed', () => {
    const a = runCli(['simulate', '-s', 'wandering-duplicate', '--time-wait', 'off', '-f', 'json', '--seed', '7']).stdout;
    const b = runCli(['simulate', '-s', 'wandering-duplicate', '--time-wait', 'off', '-f', 'json', '--seed', '7']).stdout;
    expect(a).toBe(b);
    expect(a).toContain('"alert":"old-duplicate-accepted"');
  });

  it('perturbation flags change the run: dropping the server FIN makes it retransmit', () => {
    const out = runCli(['simulate', '-s', 'normal-close', '--drop', 'from=server,flags=FIN', '-f', 'json']).stdout;
    const fins = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((e) => e.kind === 'send' && e.host === 'server' && e.seg.flags.includes('FIN'));
    expect(fins.length).toBe(2);
  });
});

describe('other formats and files', () => {
  it('text, ladder and mermaid all render lost-final-ack', () => {
    expect(runCli(['simulate', '-s', 'lost-final-ack']).stdout).toMatch(/206\.168\.112\.219\.21 > 12\.106\.32\.254\.1500/);
    const ladder = runCli(['simulate', '-s', 'lost-final-ack', '-f', 'ladder']).stdout;
    expect(Math.max(...ladder.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(ladder).toContain('TIME_WAIT');
    expect(runCli(['simulate', '-s', 'lost-final-ack', '-f', 'mermaid']).stdout).toMatch(/^sequenceDiagram/);
  });

  it('--pcap writes a classic pcap file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tw-cli-')), 'run.pcap');
    const r = runCli(['simulate', '-s', 'lost-final-ack', '--pcap', file]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(file);
    expect(bytes.readUInt32LE(0)).toBe(0xa1b2c3d4);
  });

  it('--scenario FILE runs a scenario file, and a bad one is reported with file:line:col', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-scn-'));
    const good = join(dir, 'mine.yaml');
    writeFileSync(good, ['name: mine', 'title: Mine', 'description: a tiny exchange', 'script:', '  - { host: server, call: listen, at: 0 }', '  - { host: client, call: connect, at: 0.1, port: 1500 }', '  - { host: client, call: close, at: 1 }', '  - { host: server, call: close, when: { host: server, event: eof } }', ''].join('\n'));
    const ok = runCli(['simulate', '--scenario', good, '-f', 'json']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('"to":"TIME_WAIT"');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, ['name: bad', 'title: Bad', 'description: x', 'script:', '  - { host: router, call: listen, at: 0 }', ''].join('\n'));
    const r = runCli(['simulate', '--scenario', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:5:\d+: .*expected/);
  });

  it('lint: the course passes (exit 0), a broken lesson fails (exit 1) naming file and line', () => {
    expect(runCli(['lint', 'lessons']).code).toBe(0);
    const r = runCli(['lint', 'test/fixtures/lessons/unknown-state.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/unknown-state\.yaml:\d+:\d+: found "TIMEWAIT", expected one of/);
  });
});
