/**
 * Builds bench/uiEntry.ts the way the CLI is built and loads it. `stock` leaves Ink's internals as
 * Ink ships them (no scripts/inkPatches.mjs), for a before/after figure within one run.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
// @ts-expect-error: a plain .mjs build script without type declarations
import { bundleOptions } from '../scripts/buildOptions.mjs';
import type * as Entry from './uiEntry.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export type UiBundle = typeof Entry;
export type UiVariant = 'shipped' | 'stock';

const loaded = new Map<UiVariant, Promise<UiBundle>>();

export function loadUiBundle(variant: UiVariant): Promise<UiBundle> {
  let p = loaded.get(variant);
  if (!p) {
    p = (async () => {
      const outdir = join(ROOT, 'dist', `bench-ui-${variant}`);
      const options = bundleOptions(join(ROOT, 'bench', 'uiEntry.ts'), outdir);
      // BENCH_MINIFY=0 keeps function names, for reading a CPU profile of the bench.
      const readable = process.env['BENCH_MINIFY'] === '0' ? { minify: false } : {};
      await build({ ...options, ...readable, ...(variant === 'stock' ? { plugins: [] } : {}) });
      return (await import(pathToFileURL(join(outdir, 'uiEntry.js')).href)) as UiBundle;
    })();
    loaded.set(variant, p);
  }
  return p;
}
