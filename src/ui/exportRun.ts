/**
 * The export key: writes the run so far as a pcap (for Wireshark/tcpdump) and a Mermaid
 * sequence diagram, next to each other in `dir`. It never overwrites anything: when a name is
 * taken it uses the next free one (`name-2.pcap`, ...), so there is nothing to ask. Returns the
 * paths, or throws with a message short enough for the footer. `exportMessage` turns the paths
 * into the one line the learner sees, short enough for an 80-column footer.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { toMermaid, toPcap } from '../export/index.js';
import { resolveExportDir } from '../store/exportDir.js';
import type { TraceEvent } from '../sim/trace.js';

/** Create `file` only if it does not exist yet ('wx'); true when written. */
async function createNew(file: string, data: string | Uint8Array): Promise<boolean> {
  try {
    await writeFile(file, data, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** `dir` undefined: the documented default (see src/store/exportDir.ts), never the current directory. */
/** A further file written beside the pair, e.g. the sandbox's run file (`.run.yaml`). */
export interface ExportCompanion {
  ext: string;
  data: string | Uint8Array;
}

export async function exportRun(trace: readonly TraceEvent[], dir: string | undefined, base: string, companions: readonly ExportCompanion[] = []): Promise<string[]> {
  dir ??= resolveExportDir(process.env);
  await mkdir(dir, { recursive: true });
  const safe = base.replace(/[^a-zA-Z0-9._-]+/g, '-');
  const pcapBytes = toPcap(trace);
  const mermaid = toMermaid(trace);
  for (let n = 1; n < 1000; n++) {
    const stem = path.join(dir, n === 1 ? safe : `${safe}-${n}`);
    const pcap = `${stem}.pcap`;
    const mmd = `${stem}.mmd`;
    if (!(await createNew(pcap, pcapBytes))) continue;
    if (!(await createNew(mmd, mermaid))) continue; // the pcap name was free; try the next pair
    const written = [pcap, mmd];
    for (const c of companions) {
      const file = `${stem}${c.ext}`;
      // Left over from an earlier export with the pcap since removed: keep it, and say nothing.
      if (await createNew(file, c.data)) written.push(file);
    }
    return written;
  }
  throw new Error(`export: no free file name for ${safe} in ${dir}`);
}

/** The footer has 80 columns; keep a margin for its border or a leading mark. */
export const EXPORT_MESSAGE_WIDTH = 78;

/** Cut the middle out of `s` so it fits `max` characters, marking the cut with one ellipsis. */
export function elideMiddle(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  if (max <= 1) return '…'.slice(0, max);
  const keep = max - 1;
  // The end of a path (the folder the files are in) matters more than its start.
  const head = Math.floor(keep / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`;
}

/** `dir` with the home directory written as `~`, as a shell user would type it. */
export function tildify(dir: string, home: string = os.homedir()): string {
  if (home === '' || home === path.sep) return dir;
  if (dir === home) return '~';
  return dir.startsWith(home + path.sep) ? `~${dir.slice(home.length)}` : dir;
}

/**
 * "Exported NAME.pcap + .mmd to DIR" for the paths exportRun returned, at most `width`
 * characters: the home directory becomes `~`, then the middle of the folder (and, if still
 * needed, of the file name) is elided.
 */
export function exportMessage(paths: readonly string[], opts: { home?: string; width?: number } = {}): string {
  const width = opts.width ?? EXPORT_MESSAGE_WIDTH;
  const [first, ...rest] = paths;
  if (first === undefined) return 'Exported nothing';
  let name = path.basename(first);
  const stem = name.slice(0, name.length - path.extname(name).length);
  // The companions share the first file's stem; name only their extensions.
  const others = rest.map((p) => (path.basename(p).startsWith(`${stem}.`) ? path.basename(p).slice(stem.length) : path.basename(p)));
  let dir = tildify(path.dirname(first), opts.home);
  const text = () => `Exported ${[name, ...others].join(' + ')} to ${dir}`;
  const over = () => [...text()].length - width;
  if (over() > 0) dir = elideMiddle(dir, Math.max(12, [...dir].length - over()));
  if (over() > 0) name = elideMiddle(name, Math.max(8, [...name].length - over()));
  if (over() > 0) return elideMiddle(text(), width);
  return text();
}
