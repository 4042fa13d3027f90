/**
 * The export key: writes the run so far as a pcap (for Wireshark/tcpdump) and a Mermaid
 * sequence diagram, next to each other in `dir`. It never overwrites anything: when a name is
 * taken it uses the next free one (`name-2.pcap`, ...), so there is nothing to ask. Returns the
 * paths, or throws with a message short enough for the footer.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toMermaid, toPcap } from '../export/index.js';
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

export async function exportRun(trace: readonly TraceEvent[], dir: string, base: string): Promise<string[]> {
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
    return [pcap, mmd];
  }
  throw new Error(`export: no free file name for ${safe} in ${dir}`);
}
