/**
 * Memory (issue 7): RSS while the sandbox's controller plays one simulated hour of continuous
 * connection churn at top speed, with the interactive screens' simulation options. The run is
 * bundled like the CLI and measured in a fresh process; samples every six simulated minutes
 * show whether it is flat.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
// @ts-expect-error: a plain .mjs build script without type declarations
import { bundleOptions } from '../scripts/buildOptions.mjs';
import type { Figure } from './report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface ChildResult {
  samples: Array<{ minute: number; rss: number; heap: number }>;
  events: number;
  kept: number;
  checkpoints: number;
}

export async function memoryFigures(quick: boolean): Promise<Figure[]> {
  const seconds = quick ? 900 : 3600;
  const outdir = join(ROOT, 'dist', 'bench-memory');
  await build(bundleOptions(join(ROOT, 'bench', 'memoryChild.ts'), outdir));
  const r = spawnSync(process.execPath, ['--expose-gc', join(outdir, 'memoryChild.js'), String(seconds)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`memory benchmark child failed: ${r.stderr}`);
  const res = JSON.parse(r.stdout) as ChildResult;
  const last = res.samples[res.samples.length - 1]!;
  const half = res.samples.slice(Math.floor(res.samples.length / 2));
  // Issue 17: flat means the second half of the run adds at most 2 MB.
  const growth = last.rss - half[0]!.rss;
  const heapGrowth = last.heap - half[0]!.heap;
  return [
    {
      name: `RSS after ${seconds / 60} simulated minutes of sandbox churn at top speed`,
      value: last.rss,
      unit: 'MB',
      target: '<= 150 MB, and the second half grows <= 2 MB',
      met: last.rss <= 150 && growth <= 2,
      note:
        `${res.events.toLocaleString('en')} events; ${res.kept.toLocaleString('en')} kept in the trace window; ${res.checkpoints} checkpoints. ` +
        `RSS/heap MB by simulated minute: ${res.samples.map((s) => `${Math.round(s.minute)}m ${s.rss.toFixed(0)}/${s.heap.toFixed(0)}`).join(', ')}. ` +
        `Second half grew ${growth.toFixed(1)} MB (live heap ${heapGrowth >= 0 ? '+' : ''}${heapGrowth.toFixed(1)} MB).`,
    },
  ];
}
