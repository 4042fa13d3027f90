/**
 * Real TCP on the loopback interface, with everything the lab opens kept on a list so that
 * closeAll() can end it: servers stop listening, sockets are destroyed. Only 127.0.0.1, only
 * ports the kernel hands out (port 0) or that the lab itself was given earlier.
 */
import net from 'node:net';

export const LOOPBACK = '127.0.0.1';

export class LabSession {
  private readonly servers = new Set<net.Server>();
  private readonly sockets = new Set<net.Socket>();
  /** Every port the lab listened on, so a test can check none is left in LISTEN. */
  readonly serverPorts = new Set<number>();
  closed = false;

  /** A server on 127.0.0.1 and a port the kernel picks. */
  async listen(onConnection: (s: net.Socket) => void): Promise<{ server: net.Server; port: number }> {
    this.guard();
    const server = net.createServer((s) => {
      this.track(s);
      onConnection(s);
    });
    this.servers.add(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, LOOPBACK, () => resolve());
    });
    const port = (server.address() as net.AddressInfo).port;
    this.serverPorts.add(port);
    return { server, port };
  }

  /** Stop listening (connections already accepted go on). */
  async stopListening(server: net.Server): Promise<void> {
    if (!this.servers.has(server)) return;
    this.servers.delete(server);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Connect to a loopback port; `localPort` set means bind first (Node then sets SO_REUSEADDR). */
  connect(port: number, opts: { bind?: boolean; localPort?: number } = {}): net.Socket {
    this.guard();
    const s = net.connect({
      host: LOOPBACK,
      port,
      ...(opts.bind || opts.localPort !== undefined ? { localAddress: LOOPBACK } : {}),
      ...(opts.localPort !== undefined ? { localPort: opts.localPort } : {}),
    });
    this.track(s);
    return s;
  }

  private track(s: net.Socket): void {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
    // An error is reported by whoever waits on the socket; it must never crash the program.
    s.on('error', () => {});
  }

  private guard(): void {
    if (this.closed) throw new Error('the lab session is closed');
  }

  get openSockets(): number {
    return this.sockets.size;
  }

  /** Close everything, now. Safe to call more than once. */
  async closeAll(): Promise<void> {
    this.closed = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const servers = [...this.servers];
    this.servers.clear();
    await Promise.all(servers.map((srv) => new Promise<void>((resolve) => srv.close(() => resolve()))));
  }
}

/** Resolves when the socket is connected, with its local port; rejects with the Node error. */
export function connected(s: net.Socket): Promise<number> {
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s.localPort ?? 0));
    s.once('error', reject);
  });
}

/** Resolves when the socket is fully closed. */
export function closed(s: net.Socket): Promise<void> {
  return new Promise((resolve) => (s.destroyed && !s.readable && !s.writable ? resolve() : s.once('close', () => resolve())));
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
