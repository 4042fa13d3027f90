/**
 * Reads `netstat -an -p tcp` as macOS and the BSDs print it (pure: text in, records out). This
 * format has no timers, so only states are known: the lab says so rather than guess a countdown.
 *
 *   Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)
 *   tcp4       0      0  127.0.0.1.50123        127.0.0.1.8080         TIME_WAIT
 *
 * The port follows the address after its LAST dot ("::1.8080", "127.0.0.1.8080", "*.8080").
 */
import type { Endpoint, KernelSocket } from './procNetTcp.js';
import type { LabState } from './states.js';

const BSD_STATES: Readonly<Record<string, LabState>> = {
  CLOSED: 'CLOSED',
  LISTEN: 'LISTEN',
  SYN_SENT: 'SYN_SENT',
  SYN_RCVD: 'SYN_RECEIVED',
  SYN_RECEIVED: 'SYN_RECEIVED',
  ESTABLISHED: 'ESTABLISHED',
  CLOSE_WAIT: 'CLOSE_WAIT',
  FIN_WAIT_1: 'FIN_WAIT_1',
  FIN_WAIT_2: 'FIN_WAIT_2',
  CLOSING: 'CLOSING',
  LAST_ACK: 'LAST_ACK',
  TIME_WAIT: 'TIME_WAIT',
};

function endpoint(text: string, v6: boolean): Endpoint | null {
  const dot = text.lastIndexOf('.');
  if (dot <= 0) return null;
  const host = text.slice(0, dot);
  const portText = text.slice(dot + 1);
  const port = portText === '*' ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return null;
  return { ip: host === '*' ? (v6 ? '::' : '0.0.0.0') : host, port };
}

/** One line; null for headers and anything that is not a TCP socket line. */
export function parseNetstatLine(line: string): KernelSocket | null {
  const f = line.trim().split(/\s+/);
  if (f.length < 6 || !/^tcp(4|6|46)?$/.test(f[0]!)) return null;
  const state = BSD_STATES[f[5]!];
  const v6 = f[0] === 'tcp6' || f[0] === 'tcp46' || f[3]!.includes(':');
  const local = endpoint(f[3]!, v6);
  const remote = endpoint(f[4]!, v6);
  if (!state || !local || !remote) return null;
  const family: 4 | 6 = v6 ? 6 : 4;
  return { family, local, remote, state, stateCode: -1, timer: 'none', timerSeconds: 0, uid: -1, inode: 0 };
}

export function parseNetstat(text: string): KernelSocket[] {
  const out: KernelSocket[] = [];
  for (const line of text.split('\n')) {
    const s = parseNetstatLine(line);
    if (s) out.push(s);
  }
  return out;
}
