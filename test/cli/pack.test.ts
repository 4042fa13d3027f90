/**
 * The package as a learner installs it: `npm pack`, then `npm install -g` of that one tarball
 * into an empty prefix, with no registry needed (dist/ bundles every dependency, so the package
 * has none). The installed `tcp-timewait` must answer --version, run `simulate`, and draw the
 * menu in a real terminal.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, hasTmux, ROOT, TmuxTerminal } from '../e2e/tmux.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'ttw-pack-'));
const prefix = path.join(scratch, 'prefix');
const bin = path.join(prefix, 'bin', 'tcp-timewait');
let tarball = '';

// npm reads npm_config_* from the environment vitest was started with (`npm test`): keep only
// what a person's shell would have, so the install goes where we ask and nowhere else.
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
}

beforeAll(() => {
  ensureBuiltCli();
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: ROOT, env: npmEnv(), encoding: 'utf8' });
  tarball = path.join(scratch, (JSON.parse(out) as { filename: string }[])[0]!.filename);
  execFileSync('npm', ['install', '-g', '--offline', '--prefix', prefix, tarball], { cwd: scratch, env: npmEnv(), encoding: 'utf8' });
}, 180_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed package', () => {
  it('declares no runtime dependencies: everything it runs is in dist/', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: object };
    expect(pkg.dependencies ?? {}).toEqual({});
    // The install brought exactly one package: ours.
    const installed = readdirSync(path.join(prefix, 'lib', 'node_modules')).filter((d) => !d.startsWith('.'));
    expect(installed).toEqual(['tcp-timewait']);
  });

  it('ships no source maps', () => {
    const out = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    expect(out).toContain('package/dist/cli.js');
    expect(out).toContain('package/lessons/');
    expect(out).not.toMatch(/\.map$/m);
  });

  it('runs --version and simulate from the install', () => {
    const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
    expect(version).toBe((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    const ladder = execFileSync(bin, ['simulate', '--scenario', 'lost-final-ack', '--format', 'ladder'], { encoding: 'utf8' });
    expect(ladder).toContain('TIME_WAIT');
    expect(ladder).toMatch(/FIN/);
  });

  it.skipIf(!hasTmux)('draws the menu in a real terminal and quits cleanly', async () => {
    const t = new TmuxTerminal();
    try {
      t.start('menu', '', { columns: 80, rows: 24, program: bin, cwd: scratch, env: { TCP_TIMEWAIT_CONFIG_DIR: path.join(scratch, 'cfg') } });
      const menu = await t.until((s) => s.includes('Choose a lesson') && s.includes('Sandbox'), 'the menu');
      expect(menu).toContain('The close, step by step');
      t.keys('q');
      expect((await t.exited('menu')).code).toBe(0);
    } finally {
      t.close();
    }
  });
});
