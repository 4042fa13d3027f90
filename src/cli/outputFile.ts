/**
 * Output files (--pcap, and any later export flag) are opened BEFORE the run, so a bad target
 * costs nothing and is never reported after a whole trace. An existing file is kept unless
 * --force, and a symbolic link is never followed (someone else's link could point anywhere).
 * A bad target is a UsageError (exit 2); a failure while writing is an IoFailure (exit 1).
 */
import { constants, lstatSync } from 'node:fs';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { IoFailure, UsageError } from './usageError.js';
import { ioReason } from './stdoutErrors.js';

export interface OutputFile {
  readonly flag: string;
  readonly path: string;
  readonly handle: FileHandle;
  /** We made the file, so we may remove it if the run fails before it is written. */
  readonly created: boolean;
}

function badTarget(flag: string, path: string, err: NodeJS.ErrnoException): UsageError | IoFailure {
  const p = `'${path}'`;
  switch (err.code) {
    case 'EEXIST':
      return new UsageError(`${flag}: ${p} already exists; add --force to overwrite it`);
    case 'ELOOP':
      return new UsageError(`${flag}: ${p} is a symbolic link, which is never followed; name the real file`);
    case 'EISDIR':
      return new UsageError(`${flag}: ${p} is a directory; name a file inside it`);
    case 'ENOENT':
      return new UsageError(`${flag}: the directory '${dirname(path)}' does not exist`);
    case 'ENOTDIR':
      return new UsageError(`${flag}: ${p} is not a possible path (a part of it is not a directory)`);
    case 'EACCES':
    case 'EPERM':
      return new UsageError(`${flag}: ${p} cannot be written (permission denied)`);
    case 'EROFS':
      return new UsageError(`${flag}: ${p} is on a read-only file system`);
    default:
      return new IoFailure(`${flag}: could not open ${p}: ${ioReason(err)}`);
  }
}

export async function openOutputFile(flag: string, path: string, force: boolean): Promise<OutputFile> {
  // lstat first only for the clearer message; O_NOFOLLOW / O_EXCL below are what enforce it.
  try {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) throw badTarget(flag, path, Object.assign(new Error('link'), { code: 'ELOOP' }));
    if (st.isDirectory()) throw badTarget(flag, path, Object.assign(new Error('dir'), { code: 'EISDIR' }));
  } catch (e) {
    if (e instanceof UsageError || e instanceof IoFailure) throw e;
    // Missing is the normal case; other lstat errors resurface from open() below.
  }
  const { O_WRONLY, O_CREAT, O_EXCL, O_TRUNC, O_NOFOLLOW } = constants;
  // Without --force this is fs's 'wx' (O_EXCL, which also refuses a symlink at the path).
  const flags = O_WRONLY | O_CREAT | O_NOFOLLOW | (force ? O_TRUNC : O_EXCL);
  let existed = true;
  if (force) {
    try {
      lstatSync(path);
    } catch {
      existed = false;
    }
  }
  try {
    const handle = await open(path, flags, 0o644);
    return { flag, path, handle, created: force ? !existed : true };
  } catch (e) {
    throw badTarget(flag, path, e as NodeJS.ErrnoException);
  }
}

/** Write everything and close; on failure remove a file we created, and say why in one line. */
export async function writeOutputFile(out: OutputFile, bytes: Uint8Array): Promise<void> {
  try {
    await out.handle.writeFile(bytes);
    await out.handle.close();
  } catch (e) {
    await abandonOutputFile(out);
    throw new IoFailure(`${out.flag}: could not write '${out.path}': ${ioReason(e as NodeJS.ErrnoException)}`);
  }
}

/** The run failed before anything was written: close, and remove the empty file if it is ours. */
export async function abandonOutputFile(out: OutputFile): Promise<void> {
  await out.handle.close().catch(() => undefined);
  if (out.created) await unlink(out.path).catch(() => undefined);
}
