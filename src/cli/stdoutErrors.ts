/**
 * What happens when stdout cannot be written. A closed pipe (`| head`) means the reader has
 * seen enough: end quietly with 0, as Unix tools do. Anything else (a full disk, /dev/full) is
 * one line on stderr and exit 1. Without a handler Node prints an 'error' event's stack trace.
 */
import { EXIT_IO_FAILED } from './usageError.js';

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EIO: 'an input/output error',
  EFBIG: 'the file is too large',
};

/** A short reason for an I/O error, without Node's syscall details. */
export function ioReason(err: NodeJS.ErrnoException): string {
  const code = err.code ?? '';
  return REASONS[code] ? `${REASONS[code]} (${code})` : (err.message.split('\n')[0] ?? code);
}

export function guardStdout(
  stdout: NodeJS.EventEmitter,
  stderr: { write(s: string): unknown },
  exit: (code: number) => void,
): void {
  stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') {
      exit(0);
      return;
    }
    stderr.write(`tcp-timewait: could not write the output: ${ioReason(err)}\n`);
    exit(EXIT_IO_FAILED);
  });
}
