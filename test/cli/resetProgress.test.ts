import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from './builtCli.js';

beforeAll(ensureBuilt, 120_000);

function configWithProgress(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tw-reset-'));
  writeFileSync(join(dir, 'progress.json'), '{"version": 1, "marker": "mine"}');
  return dir;
}

describe('tcp-timewait --reset-progress', () => {
  it('asks first, and anything but yes changes nothing', () => {
    for (const input of ['', 'n\n', 'nope\n']) {
      const dir = configWithProgress();
      const r = runCli(['--reset-progress', '--config-dir', dir], {}, input);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Forget all saved progress');
      expect(r.stdout).toContain('Nothing was changed.');
      expect(readFileSync(join(dir, 'progress.json'), 'utf8')).toContain('"marker": "mine"');
    }
  });

  it('on yes it starts over and keeps the old file aside', () => {
    const dir = configWithProgress();
    const r = runCli(['--reset-progress', '--config-dir', dir], {}, 'y\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Progress reset/);
    const kept = readdirSync(dir).filter((f) => f !== 'progress.json');
    expect(kept.length).toBe(1);
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toContain('"marker": "mine"');
    if (existsSync(join(dir, 'progress.json'))) expect(readFileSync(join(dir, 'progress.json'), 'utf8')).not.toContain('mine');
  });
});
