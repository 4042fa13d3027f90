// An esbuild plugin that swaps two of Ink's internal modules for our own in the bundle:
// - ink/build/output.js (the frame compositor) -> src/ui/ink/frameOutput.ts, which remembers
//   rows between frames instead of rebuilding every cell of every frame;
// - the `widest-line` imports of ink/build/render-node-to-output.js and measure-text.js ->
//   src/ui/ink/textWidth.ts, which remembers line widths and counts plain ASCII directly.
// Both give the same output as Ink's (test/ui/frameOutput.test.ts compares them with Ink's own
// code). If an Ink upgrade moves or renames these imports the build stops with a message, rather
// than silently shipping the slow path.
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const inkBuild = `${sep}ink${sep}build${sep}`;

const SWAPS = [
  { importer: `${inkBuild}renderer.js`, path: './output.js', to: join(root, 'src', 'ui', 'ink', 'frameOutput.ts') },
  { importer: `${inkBuild}render-node-to-output.js`, path: 'widest-line', to: join(root, 'src', 'ui', 'ink', 'textWidth.ts') },
  { importer: `${inkBuild}measure-text.js`, path: 'widest-line', to: join(root, 'src', 'ui', 'ink', 'textWidth.ts') },
];

export function inkPatches() {
  return {
    name: 'ink-patches',
    setup(build) {
      const done = new Set();
      let usesInk = false;
      build.onResolve({ filter: /^(\.\/output\.js|widest-line)$/ }, (args) => {
        const swap = SWAPS.find((s) => args.path === s.path && args.importer.endsWith(s.importer));
        if (!swap) return undefined;
        done.add(swap);
        return { path: swap.to };
      });
      build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]ink\.js$/ }, () => {
        usesInk = true;
        return undefined;
      });
      build.onEnd((result) => {
        if (result.errors.length > 0 || !usesInk) return;
        const missed = SWAPS.filter((s) => !done.has(s));
        if (missed.length > 0) {
          return {
            errors: missed.map((s) => ({
              text: `ink-patches: Ink's ${s.importer.slice(1)} no longer imports '${s.path}'; check scripts/inkPatches.mjs against the new Ink`,
            })),
          };
        }
        return undefined;
      });
    },
  };
}
