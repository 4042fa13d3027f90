// The esbuild settings for a runnable bundle, shared by the CLI build and the start-up
// benchmark's baseline program (so both are "built the same way").
export function bundleOptions(entry, outfile) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Dependencies load from node_modules at run time; only our own code is bundled.
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: 'linked',
    logLevel: 'warning',
    jsx: 'automatic',
  };
}
