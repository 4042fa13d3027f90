/**
 * Node's on-disk compile cache (module.enableCompileCache, Node >= 22.1): the second and later
 * starts reuse the V8 code compiled the first time, instead of parsing and compiling the
 * bundle's chunks again. Node 20 does not have it, so the call is feature-detected and quietly
 * skipped there. Imported first by src/cli.tsx, so every chunk loaded after it (the UI, the
 * simulator) is cached. NODE_DISABLE_COMPILE_CACHE=1 turns it off, as for any Node program.
 */
import module from 'node:module';

type WithCache = { enableCompileCache?: (dir?: string) => unknown };

export function enableCompileCache(mod: WithCache = module as WithCache): boolean {
  if (typeof mod.enableCompileCache !== 'function') return false;
  try {
    mod.enableCompileCache();
    return true;
  } catch {
    // A read-only or full temporary directory costs speed, never a start.
    return false;
  }
}

enableCompileCache();
