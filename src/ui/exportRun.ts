/**
 * The export key: writes the run so far as a pcap (for Wireshark/tcpdump) and a Mermaid
 * sequence diagram, next to each other in `dir`. Returns the paths, or throws with a message
 * short enough for the footer.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toMermaid, toPcap } from '../export/index.js';
import type { TraceEvent } from '../sim/trace.js';

export async function exportRun(trace: readonly TraceEvent[], dir: string, base: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const safe = base.replace(/[^a-zA-Z0-9._-]+/g, '-');
  const pcap = path.join(dir, `${safe}.pcap`);
  const mmd = path.join(dir, `${safe}.mmd`);
  await writeFile(pcap, toPcap(trace));
  await writeFile(mmd, toMermaid(trace));
  return [pcap, mmd];
}
