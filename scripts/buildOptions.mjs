// The esbuild settings for a runnable bundle, shared by the CLI build and the start-up
// benchmark's baseline program (so both are "built the same way").
//
// Code splitting keeps dynamic imports lazy: without it esbuild hoists the UI's imports of
// ink and react to the top of one file, so even `simulate --help` would load them, and Ink
// would read the environment before the CLI had decided anything.
export function bundleOptions(entry, outdir) {
  return {
    entryPoints: [entry],
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
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
