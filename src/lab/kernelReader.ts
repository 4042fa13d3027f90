/**
 * Reads the kernel's socket table (I/O). Linux: /proc/net/tcp and tcp6, with timers. macOS and
 * the BSDs: `netstat -an -p tcp`, states only. Elsewhere: one line saying what the lab needs.
 * Nothing here needs privileges; nothing is written.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import path from 'node:path';
import { parseNetstat } from './netstat.js';
import { parseProcNetTcp, type KernelSocket } from './procNetTcp.js';

export interface KernelReader {
  /** Where the table comes from, for the screen: "/proc/net/tcp" or "netstat". */
  source: string;
  /** Whether the source gives each socket's remaining timer (only /proc does). */
  timers: boolean;
  read(): Promise<KernelSocket[]>;
}

export type ReaderChoice = { ok: true; reader: KernelReader } | { ok: false; reason: string };

export interface ReaderOptions {
  /** Root of the proc file system (tests point it at a recorded sample). Default /proc. */
  procRoot?: string;
  platform?: NodeJS.Platform;
}

export const NO_KERNEL_TABLE =
  'The live lab needs a readable socket table: /proc/net/tcp on Linux, or netstat on macOS and the BSDs. None was found here; the simulation (tcp-timewait sandbox) still works.';

/** The proc root: the option, else TCP_TIMEWAIT_LAB_PROC (for tests), else /proc. */
export function procRootOf(opts: ReaderOptions = {}): string {
  return opts.procRoot ?? process.env['TCP_TIMEWAIT_LAB_PROC'] ?? '/proc';
}

export function openKernelReader(opts: ReaderOptions = {}): ReaderChoice {
  const root = procRootOf(opts);
  const platform = opts.platform ?? process.platform;
  const v4 = path.join(root, 'net', 'tcp');
  const v6 = path.join(root, 'net', 'tcp6');
  if (existsSync(v4)) {
    const littleEndian = endianness() === 'LE';
    return {
      ok: true,
      reader: {
        source: '/proc/net/tcp',
        timers: true,
        async read() {
          const [a, b] = await Promise.all([readFile(v4, 'utf8'), readFile(v6, 'utf8').catch(() => '')]);
          return [...parseProcNetTcp(a, { littleEndian }), ...parseProcNetTcp(b, { littleEndian })];
        },
      },
    };
  }
  if (platform === 'darwin' || platform === 'freebsd' || platform === 'openbsd' || platform === 'netbsd') {
    return {
      ok: true,
      reader: {
        source: 'netstat',
        timers: false,
        read: () =>
          new Promise((resolve, reject) => {
            execFile('netstat', ['-an', '-p', 'tcp'], { timeout: 5000, maxBuffer: 16 * 1024 * 1024 }, (err, out) => {
              if (err) reject(new Error(`netstat failed: ${err.message.split('\n')[0]}`));
              else resolve(parseNetstat(out));
            });
          }),
      },
    };
  }
  return { ok: false, reason: NO_KERNEL_TABLE };
}

/** One sysctl's text from <procRoot>/sys/net/ipv4, or null (missing, or not Linux). */
export function readSysctl(name: string, opts: ReaderOptions = {}): string | null {
  if (!/^[a-z0-9_]+$/.test(name)) return null;
  try {
    return readFileSync(path.join(procRootOf(opts), 'sys', 'net', 'ipv4', name), 'utf8');
  } catch {
    return null;
  }
}
