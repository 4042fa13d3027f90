/**
 * One short exchange on loopback, closed by the side asked for, and a look at the kernel's table
 * afterwards (I/O). Shared by the experiments.
 */
import type net from 'node:net';
import type { KernelReader } from './kernelReader.js';
import type { KernelSocket } from './procNetTcp.js';
import { closed, connected, LOOPBACK, sleep, type LabSession } from './session.js';
import { findTuple, mirror, type FourTuple } from './socketTable.js';
import type { Seen } from './records.js';

export interface Exchange {
  server: net.Server;
  serverPort: number;
  clientPort: number;
  /** The connection from the client's side (local = client). */
  tuple: FourTuple;
  /** Wall-clock time (ms) when both ends had closed. */
  closedAt: number;
}

/** Listen, connect, send a line each way, close: `closer` first. Keeps the server listening. */
export async function exchangeAndClose(session: LabSession, closer: 'client' | 'server', opts: { bind?: boolean } = {}): Promise<Exchange> {
  let take!: (s: net.Socket) => void;
  const accepted = new Promise<net.Socket>((r) => (take = r));
  const listening = await session.listen((s) => take(s));
  const c = session.connect(listening.port, { bind: opts.bind ?? false });
  const clientPort = await connected(c);
  const s = await accepted;
  s.on('data', () => {});
  c.on('data', () => {});
  if (closer === 'client') {
    s.on('end', () => s.end());
    c.end('hello\n');
  } else {
    c.on('end', () => c.end());
    s.end('bye\n');
  }
  await Promise.all([closed(c), closed(s)]);
  return {
    server: listening.server,
    serverPort: listening.port,
    clientPort,
    tuple: { local: { ip: LOOPBACK, port: clientPort }, remote: { ip: LOOPBACK, port: listening.port } },
    closedAt: Date.now(),
  };
}

const PASSING: ReadonlySet<string> = new Set(['ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT', 'CLOSING', 'LAST_ACK']);

export interface BothEnds {
  client: KernelSocket | undefined;
  server: KernelSocket | undefined;
}

/** Both ends of the connection as the kernel shows them. */
export async function lookBoth(reader: KernelReader, tuple: FourTuple): Promise<BothEnds> {
  const table = await reader.read();
  return { client: findTuple(table, tuple), server: findTuple(table, mirror(tuple)) };
}

/** Read until neither end is still part way through its close (at most about 2 s). */
export async function settle(reader: KernelReader, tuple: FourTuple): Promise<BothEnds> {
  let ends = await lookBoth(reader, tuple);
  for (let i = 0; i < 20 && [ends.client, ends.server].some((e) => e && PASSING.has(e.state)); i++) {
    await sleep(100);
    ends = await lookBoth(reader, tuple);
  }
  return ends;
}

export const seen = (s: KernelSocket | undefined): Seen => s?.state ?? 'CLOSED';

export const fmt = (port: number) => `${LOOPBACK}:${port}`;
