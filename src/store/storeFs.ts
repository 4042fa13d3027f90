/**
 * The few filesystem operations the store needs, behind an interface so tests can inject
 * faults (EACCES on read, a rename that fails) without needing a non-root user.
 *
 * API:
 *   StoreFs            the interface
 *   nodeStoreFs        the real one: node:fs/promises plus write-file-atomic (temp file + fsync + rename)
 */
import { promises as fsp } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';

export interface StoreFs {
  readFile(file: string): Promise<string>;
  /** Must be atomic: readers see the old content or the new, never a mix or a truncation. */
  writeFileAtomic(file: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Recursive: succeeds if the directory already exists. */
  mkdir(dir: string): Promise<void>;
  /** True if anything (even something unreadable) exists at the path. */
  exists(file: string): Promise<boolean>;
}

export const nodeStoreFs: StoreFs = {
  readFile: (file) => fsp.readFile(file, 'utf8'),
  writeFileAtomic: (file, data) => writeFileAtomic(file, data, { encoding: 'utf8', fsync: true }),
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
};
