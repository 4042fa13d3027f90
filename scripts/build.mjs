#!/usr/bin/env node
// Bundles src/cli.tsx into dist/cli.js with esbuild. `--if-stale` skips the build when
// dist/cli.js is newer than every source file, so `npm start` costs nothing the second time.
import { build } from 'esbuild';
import { bundleOptions } from './buildOptions.mjs';
import { readdirSync, statSync, existsSync, chmodSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cli.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

if (process.argv.includes('--if-stale') && existsSync(out)) {
  const sources = Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
  if (statSync(out).mtimeMs >= sources) process.exit(0);
}

// Old chunks would pile up otherwise: each build names them by content hash.
rmSync(join(root, 'dist', 'chunks'), { recursive: true, force: true });
await build(bundleOptions(join(root, 'src', 'cli.tsx'), join(root, 'dist')));
chmodSync(out, 0o755);
