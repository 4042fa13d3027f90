// The esbuild settings for a runnable bundle, shared by the CLI build and the start-up
// benchmark's baseline program (so both are "built the same way").
//
// Code splitting keeps dynamic imports lazy: without it esbuild hoists the UI's imports of
// ink and react to the top of one file, so even `simulate --help` would load them, and Ink
// would read the environment before the CLI had decided anything.
import { inkPatches } from './inkPatches.mjs';

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
    // Dependencies are bundled too: resolving and loading hundreds of small ES modules from
    // node_modules was most of the start-up time. React is built for production.
    define: { 'process.env.NODE_ENV': '"production"' },
    // Ink imports its devtools only when DEV=true; it is not a dependency of ours.
    external: ['react-devtools-core'],
    // Bundled CommonJS code expects the globals Node gives every CommonJS module but not an ES
    // module: require() (for Node built-ins) and __filename/__dirname (a bundled CommonJS
    // library that reads them would otherwise throw at run time, as saving once did). Each output
    // file (entry and chunks) gets this banner, so the names are its own file's, as in CommonJS.
    // `module` and `exports` need nothing: esbuild passes them to each wrapped CommonJS module.
    banner: {
      js: [
        '#!/usr/bin/env node',
        "import { createRequire as __twCreateRequire } from 'node:module';",
        "import { fileURLToPath as __twFileURLToPath } from 'node:url';",
        "import { dirname as __twDirname } from 'node:path';",
        'const require = __twCreateRequire(import.meta.url);',
        'const __filename = __twFileURLToPath(import.meta.url);',
        'const __dirname = __twDirname(__filename);',
      ].join('\n'),
    },
    // Less source to parse and compile at every start; the linked source map keeps stack
    // traces readable in a checkout (package.json's `files` leaves the maps out of the package).
    minify: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    jsx: 'automatic',
    // Two of Ink's internals swapped for faster equivalents (see inkPatches.mjs).
    plugins: [inkPatches()],
  };
}
