/**
 * Untrusted text through the BUILT CLI: lint quoting a YAML key, a scenario name and a file
 * name, simulate writing a scenario file's name and client address, and a usage error quoting
 * an argument. The bytes on stdout and stderr must hold no control a terminal acts on.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from '../e2e/tmux.js';
import { CLI, ROOT } from './builtCli.js';

beforeAll(() => ensureBuiltCli(), 120_000);
const tmp = mkdtempSync(join(tmpdir(), 'ttw-inert-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const LESSONS = join('test', 'fixtures', 'lessons');
const SCENARIO = join('test', 'fixtures', 'scenarios', 'escape-scenario.yaml');

function run(args: string[]): { code: number | null; out: Buffer; err: Buffer } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** ESC, BEL, BS, CR, NUL... as raw bytes, and C1 as UTF-8 (C2 80–9F) or as a raw byte. */
function controls(bytes: Buffer): string[] {
  const found: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 0x0a && b !== 0x09) || b === 0x7f) found.push(`0x${b.toString(16)} at ${i}`);
    if (b === 0xc2 && bytes[i + 1]! >= 0x80 && bytes[i + 1]! <= 0x9f) found.push(`U+00${bytes[i + 1]!.toString(16)} at ${i}`);
  }
  return found;
}

function expectInert(r: { out: Buffer; err: Buffer }): void {
  expect(controls(r.out), r.out.toString('utf8')).toEqual([]);
  expect(controls(r.err), r.err.toString('utf8')).toEqual([]);
}

describe('lint quotes untrusted text inertly', () => {
  it('an unknown YAML key', () => {
    const r = run(['lint', join(LESSONS, 'escape-lint.yaml')]);
    expect(r.code).toBe(1);
    expectInert(r);
    expect(r.out.toString()).toContain('found unknown key "␛]0;pwned-key␇␛[2J"');
  });

  it('an unknown scenario name', () => {
    const r = run(['lint', join(LESSONS, 'escape-lint-scenario.yaml')]);
    expect(r.code).toBe(1);
    expectInert(r);
    expect(r.out.toString()).toContain('found unknown scenario "normal␛]0;PWNED-SCENARIO␇␛[2J"');
  });

  it('a file name', () => {
    const file = join(tmp, 'bad\x1b]0;PWNED-FILE\x07\x9b2J.yaml');
    copyFileSync(join(LESSONS, 'escape-lint.yaml'), file);
    const r = run(['lint', file]);
    expect(r.code).toBe(1);
    expectInert(r);
    expect(r.out.toString()).toMatch(/bad␛\]0;PWNED-FILE␇␛\[2J\.yaml:\d+:5: found unknown key/);
  });

  it('the lesson full of vectors is otherwise valid', () => {
    const r = run(['lint', join(LESSONS, 'escape-lesson.yaml')]);
    expect(r.out.toString()).toContain('1 lesson file checked: no problems');
    expectInert(r);
  });
});

describe('simulate writes a scenario file\'s text inertly', () => {
  // Addresses are checked when a scenario loads (an IPv4 dotted quad), so a hostile address
  // never reaches the trace: the refusal itself, which quotes it, must be inert.
  it.each(['text', 'ladder', 'mermaid', 'json', 'svg'])('--format %s: a hostile address is refused, quoted inertly', (format) => {
    const r = run(['simulate', '--scenario', SCENARIO, '--format', format]);
    expect(r.code, r.err.toString()).toBe(2);
    expect(r.out.toString()).toBe('');
    expectInert(r);
    expect(r.err.toString()).toMatch(/expected an IPv4 address such as 10\.0\.0\.1 for "clientIp"/);
  });

  it('a usage error quoting the argument', () => {
    const r = run(['simulate', '--scenario', 'nope\x1b]0;PWNED-ARG\x07']);
    expect(r.code).toBe(2);
    expectInert(r);
    expect(r.err.toString()).toContain("'nope␛]0;PWNED-ARG␇' is neither");
  });
});
