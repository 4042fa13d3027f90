/**
 * The few filesystem operations the store needs, behind an interface so tests can inject
 * faults (EACCES on read, a rename that fails) without needing a non-root user.
 *
 * API:
 *   StoreFs            the interface
 *   nodeStoreFs        the real one on node:fs/promises
 *   tempName(file, pid, n) / parseTempName(file, name)   our temp-file naming (see below)
 *
 * Atomic writes go through a temp file next to the target, named `<file>.tmp-<pid>-<n>`, which
 * is fsynced and then renamed over the target. The writer's pid is in the name so that a later
 * start can tell a temp file left by a killed process (pid gone) from one being written right
 * now by another running copy of the program, and clean up only the former.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';

export interface StoreFs {
  readFile(file: string): Promise<string>;
  /** Must be atomic: readers see the old content or the new, never a mix or a truncation. */
  writeFileAtomic(file: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Recursive: succeeds if the directory already exists. */
  mkdir(dir: string): Promise<void>;
  /** True if anything (even something unreadable) exists at the path. */
  exists(file: string): Promise<boolean>;
  /** Names (not paths) in a directory. */
  list(dir: string): Promise<string[]>;
  /** Size in bytes and modification time (ms since the epoch); does not follow symlinks. */
  stat(file: string): Promise<{ size: number; mtimeMs: number }>;
  remove(file: string): Promise<void>;
  /** Whether a process with this pid is running (true when unsure: never delete a live write). */
  pidAlive(pid: number): boolean;
}

export function tempName(file: string, pid: number, n: number): string {
  return `${file}.tmp-${pid}-${n}`;
}

/**
 * Recognises our temp files for `file` among a directory's names.
 * Returns the writer's pid, or 0 for the bare-number names an older version wrote
 * (write-file-atomic: `<file>.<up to 10 digits>`), whose writer cannot be known.
 */
export function parseTempName(file: string, name: string): number | undefined {
  const base = path.basename(file);
  if (!name.startsWith(`${base}.`)) return undefined;
  const rest = name.slice(base.length + 1);
  const ours = /^tmp-(\d{1,10})-\d{1,15}$/.exec(rest);
  if (ours) return Number(ours[1]);
  return /^\d{1,10}$/.test(rest) ? 0 : undefined;
}

let writes = 0;

async function writeAtomic(file: string, data: string): Promise<void> {
  const temp = tempName(file, process.pid, ++writes);
  // 'wx': never write through a file (or symlink) someone else put at the temp name.
  const handle = await fsp.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fsp.rename(temp, file);
  } catch (err) {
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

export const nodeStoreFs: StoreFs = {
  readFile: (file) => fsp.readFile(file, 'utf8'),
  writeFileAtomic: writeAtomic,
  rename: (from, to) => fsp.rename(from, to),
  mkdir: async (dir) => {
    await fsp.mkdir(dir, { recursive: true });
  },
  exists: async (file) => {
    try {
      await fsp.lstat(file);
      return true;
    } catch (err) {
      // Only "not there" means absent; anything else (EACCES...) means something is in the way.
      return (err as NodeJS.ErrnoException).code !== 'ENOENT';
    }
  },
  list: (dir) => fsp.readdir(dir),
  stat: async (file) => {
    const s = await fsp.lstat(file);
    return { size: s.size, mtimeMs: s.mtimeMs };
  },
  remove: (file) => fsp.rm(file, { force: true }),
  pidAlive: (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      // EPERM: it exists but is someone else's. Only ESRCH means it is gone.
      return (err as NodeJS.ErrnoException).code !== 'ESRCH';
    }
  },
};
