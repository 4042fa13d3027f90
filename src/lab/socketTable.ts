/** Questions asked of a snapshot of the kernel's socket table (pure). */
import type { Endpoint, KernelSocket } from './procNetTcp.js';
import { LAB_STATE_ORDER, type LabState } from './states.js';

export interface FourTuple {
  local: Endpoint;
  remote: Endpoint;
}

const same = (a: Endpoint, b: Endpoint) => a.port === b.port && normalIp(a.ip) === normalIp(b.ip);
/** 127.0.0.1 and ::ffff:127.0.0.1 are the same socket address as far as the lab is concerned. */
const normalIp = (ip: string) => ip.replace(/^::ffff:/, '');

/** The socket with exactly this local and remote address, seen from its own side. */
export function findTuple(table: readonly KernelSocket[], t: FourTuple): KernelSocket | undefined {
  return table.find((s) => same(s.local, t.local) && same(s.remote, t.remote));
}

/** The same connection seen from the other end. */
export function mirror(t: FourTuple): FourTuple {
  return { local: t.remote, remote: t.local };
}

/** Listening sockets on these ports (a lab that left one behind has a bug). */
export function listenersOn(table: readonly KernelSocket[], ports: ReadonlySet<number>): KernelSocket[] {
  return table.filter((s) => s.state === 'LISTEN' && ports.has(s.local.port));
}

export type StateCounts = Partial<Record<LabState, number>>;

/** Sockets by state, like `ss -s`, for the sockets `keep` selects. */
export function countByState(table: readonly KernelSocket[], keep: (s: KernelSocket) => boolean = () => true): StateCounts {
  const out: StateCounts = {};
  for (const s of table) if (keep(s)) out[s.state] = (out[s.state] ?? 0) + 1;
  return out;
}

/** "TIME_WAIT 1200, ESTABLISHED 3" in the usual order, states with no socket left out. */
export function formatCounts(c: StateCounts): string {
  const parts = LAB_STATE_ORDER.filter((s) => (c[s] ?? 0) > 0).map((s) => `${s} ${c[s]}`);
  return parts.length ? parts.join(', ') : 'none';
}

/** Sockets that touch one of these ports, on either end (the lab's own connections). */
export function touchingPorts(ports: ReadonlySet<number>): (s: KernelSocket) => boolean {
  return (s) => ports.has(s.local.port) || ports.has(s.remote.port);
}

export const fmtEndpoint = (e: Endpoint): string => (e.ip.includes(':') && !e.ip.startsWith('::ffff:') ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`);
