#!/usr/bin/env node
// Completes package-lock.json with the optional per-platform packages that this machine's
// registry mirror does not serve (it answers 404 for, e.g., @rollup/rollup-darwin-arm64).
// `npm install` silently leaves such packages out of the lock, and `npm ci` then refuses the
// lock as out of sync. A lock made against the full registry lists every platform variant
// with its os/cpu/libc, and npm skips the ones that do not match the machine; this script
// writes those entries, derived from the package names (rollup's naming scheme).
// Run it after `npm install` changes the lock: `node scripts/complete-lock.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const lockPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32'];
const CPU = { arm: 'arm', 'arm-eabi': 'arm', 'arm-gnueabihf': 'arm', 'arm-musleabihf': 'arm', arm64: 'arm64', x64: 'x64', ia32: 'ia32', loong64: 'loong64', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x' };

/** os, cpu and libc of a platform package such as @rollup/rollup-linux-arm-musleabihf. */
function platformOf(name) {
  const m = /-(android|darwin|freebsd|linux|openbsd|openharmony|win32)-(.+)$/.exec(name);
  if (!m || !OS.includes(m[1])) return null;
  const [, os, rest] = m;
  const cpuKey = Object.keys(CPU).sort((a, b) => b.length - a.length).find((k) => rest === k || rest.startsWith(`${k}-`));
  if (!cpuKey) return null;
  const entry = { os: [os], cpu: [CPU[cpuKey]] };
  if (os === 'linux') entry.libc = [/musl/.test(rest) ? 'musl' : 'glibc'];
  return entry;
}

let added = 0;
for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (lock.packages[key]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    // Keys in the order npm itself writes them for such an entry (version, then the rest
    // alphabetically), so a later `npm install` leaves the lock as it is.
    const fields = { ...(pkg.dev && { dev: true }), optional: true, ...platform };
    lock.packages[key] = { version, ...Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))) };
    added++;
  }
  void path;
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lock: added ${added} optional platform entr${added === 1 ? 'y' : 'ies'}`);
