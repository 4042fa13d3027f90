/**
 * Start-up (issue 7): from process start until the lesson menu's first frame is on a real
 * terminal, for the built bin, against the smallest Ink program bundled with the same esbuild
 * settings, alternating the two in the same run. bench/firstFrame.py drives a real 80x24 pty.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
// @ts-expect-error: a plain .mjs build script without type declarations
import { bundleOptions } from '../scripts/buildOptions.mjs';
import { median, type Figure } from './report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function firstFrames(runs: number, marker: string, argv: string[], env: Record<string, string>): number[] {
  const r = spawnSync('python3', [join(ROOT, 'bench', 'firstFrame.py'), String(runs), marker, '--', ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`firstFrame.py failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').map(Number).filter((x) => Number.isFinite(x));
}

export async function startupFigures(quick: boolean): Promise<Figure[]> {
  // The baseline lives under dist/ so that it resolves ink and react from node_modules.
  const outdir = join(ROOT, 'dist', 'bench-hello');
  await build(bundleOptions(join(ROOT, 'bench', 'fixtures', 'hello.tsx'), outdir));
  const config = mkdtempSync(join(tmpdir(), 'tw-bench-'));
  const env = { TCP_TIMEWAIT_CONFIG_DIR: config };
  const rounds = quick ? 4 : 10;
  const hello: number[] = [];
  const app: number[] = [];
  for (let i = 0; i < rounds; i++) {
    hello.push(...firstFrames(1, 'hello from ink', ['node', join(outdir, 'hello.js')], env));
    app.push(...firstFrames(1, 'Choose a lesson', ['node', join(ROOT, 'dist', 'cli.js')], env));
  }
  const ratio = median(app) / median(hello);
  return [
    {
      name: 'start-up to the lesson menu, against a minimal Ink program built the same way',
      value: ratio,
      unit: 'x',
      target: '<= 1.3x',
      met: ratio <= 1.3,
      note: `median of ${app.length}: ${(median(app) * 1000).toFixed(0)} ms for tcp-timewait, ${(median(hello) * 1000).toFixed(0)} ms for the minimal program (real 80x24 pty, alternating runs)`,
    },
  ];
}
