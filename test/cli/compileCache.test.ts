/**
 * Node's compile cache is used where Node has it (>= 22.1; CI's second pass runs Node 24) and
 * skipped without a word on Node 20. Run on the built CLI: the cache directory (under the
 * temporary directory, Node's default) fills after a run on a Node that has it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { enableCompileCache } from '../../src/cli/compileCache.js';
import { CLI } from './builtCli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'ttw-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const nodeHasCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

const files = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name) : [];

describe('the compile cache', () => {
  it('is feature-detected: a Node without it is left alone, a failing one does not stop the start', () => {
    expect(enableCompileCache({})).toBe(false);
    expect(
      enableCompileCache({
        enableCompileCache: () => {
          throw new Error('EROFS');
        },
      }),
    ).toBe(false);
    let called = 0;
    expect(enableCompileCache({ enableCompileCache: () => called++ })).toBe(true);
    expect(called).toBe(1);
  });

  it(`${nodeHasCache ? 'fills' : 'is skipped on'} node ${process.version}, and the run's output is the same either way`, () => {
    // Node's default cache place is under the temporary directory; nothing else may steer it.
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: scratch };
    delete env['NODE_COMPILE_CACHE'];
    delete env['NODE_DISABLE_COMPILE_CACHE'];
    const args = [CLI, 'simulate', '--scenario', 'normal-close', '--format', 'json'];
    const first = execFileSync(process.execPath, args, { env, encoding: 'utf8' });
    const cached = files(path.join(scratch, 'node-compile-cache'));
    if (nodeHasCache) expect(cached.length).toBeGreaterThan(0);
    else expect(cached).toEqual([]);
    const second = execFileSync(process.execPath, args, { env, encoding: 'utf8' });
    expect(second).toBe(first);
  });
});
