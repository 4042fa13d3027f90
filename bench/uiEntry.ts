/**
 * The UI as the benchmarks load it: bundled by esbuild with the CLI's own settings
 * (bench/uiBundle.ts), so key latency and flicker are measured on the code that ships, Ink's
 * swapped internals included.
 */
export { render } from 'ink';
export { createElement } from 'react';
export { App } from '../src/ui/App.js';
// Ink's map from stdout to its instance (not exported by the package): the bundle's own copy.
export { default as inkInstances } from '../node_modules/ink/build/instances.js';
