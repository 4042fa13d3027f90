/** `simulate --pcapng FILE` on the built CLI: writes the file, and keeps an existing one unless --force. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './builtCli.js';

const dir = mkdtempSync(join(tmpdir(), 'tcp-timewait-pcapng-cli-'));
beforeAll(() => ensureBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('simulate --pcapng', () => {
  it('writes a pcapng file beside the printed trace', () => {
    const file = join(dir, 'a.pcapng');
    const r = runCli(['simulate', '-s', 'lost-final-ack', '--pcapng', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('FIN');
    expect(r.stderr).toContain(`wrote ${file}`);
    expect(readFileSync(file).readUInt32LE(0)).toBe(0x0a0d0d0a);
  });

  it('keeps an existing file unless --force, in one line', () => {
    const file = join(dir, 'kept.pcapng');
    writeFileSync(file, 'mine');
    const r = runCli(['simulate', '--pcapng', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`tcp-timewait: --pcapng: '${file}' already exists; add --force to overwrite it`);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(runCli(['simulate', '--pcapng', file, '--force']).code).toBe(0);
    expect(readFileSync(file).readUInt32LE(0)).toBe(0x0a0d0d0a);
  });

  it('needs a file name', () => {
    const r = runCli(['simulate', '--pcapng', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--pcapng: needs a file name');
  });
});
