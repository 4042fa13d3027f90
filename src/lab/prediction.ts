/**
 * What the simulation predicts for the lab's experiments, under the `linux` preset (pure: it
 * runs the deterministic simulator, no sockets). The lab shows these next to what the kernel did.
 */
import { POLICY_PRESETS, Simulation, type ScenarioSpec } from '../sim/index.js';
import { COMMAND_AND_REPLY, CONNECT, FTP_SESSION, LISTEN } from '../sim/scenarios/ftpExchange.js';
import type { Policies } from '../sim/index.js';

export type Closer = 'client' | 'server';

export interface Prediction {
  closer: Closer;
  /** The host the simulator puts in TIME_WAIT. */
  waiter: 'client' | 'server' | 'both' | 'none';
  /** Length of the 2MSL timer it starts, seconds. */
  timeWaitSeconds: number | null;
}

const SERVER_CLOSES_FIRST: ScenarioSpec = {
  name: 'lab-server-first',
  title: 'The server closes first',
  description: 'As normal-close, but the server closes after its reply; the client closes on EOF.',
  script: [
    LISTEN,
    CONNECT,
    ...COMMAND_AND_REPLY,
    { host: 'server', call: 'close', when: { host: 'server', event: 'data' }, after: 0.2 },
    { host: 'client', call: 'close', when: { host: 'client', event: 'eof' }, after: 0.2 },
  ],
  until: 300,
};

const CLIENT_CLOSES_FIRST: ScenarioSpec = { name: 'lab-client-first', title: 'The client closes first', description: 'normal-close', script: FTP_SESSION, until: 300 };

const memo = new Map<string, Prediction>();

/** The simulator's answer to "who waits, and how long" for one closing order (linux preset). */
export function predictClose(closer: Closer, policies: Partial<Policies> = POLICY_PRESETS.linux): Prediction {
  const key = `${closer}:${JSON.stringify(policies)}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const sim = Simulation.create(closer === 'client' ? CLIENT_CLOSES_FIRST : SERVER_CLOSES_FIRST, { policies, checkpointEvery: Number.MAX_SAFE_INTEGER });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: 300 });
  const waiters = new Set<string>();
  let length: number | null = null;
  for (const ev of sim.trace) {
    if (ev.kind === 'state' && ev.to === 'TIME_WAIT') waiters.add(ev.host);
    if (ev.kind === 'timer' && ev.timer === '2MSL' && ev.action === 'start' && length === null) length = (ev.expires - ev.at) / 1_000_000;
  }
  const waiter = waiters.size === 2 ? 'both' : waiters.has('client') ? 'client' : waiters.has('server') ? 'server' : 'none';
  const p: Prediction = { closer, waiter, timeWaitSeconds: length };
  memo.set(key, p);
  return p;
}

/** Whether the simulator lets a same-port reconnect in while the pair is in TIME_WAIT. */
export function predictReconnect(reuse: boolean): 'EADDRINUSE' | 'connected' {
  const spec: ScenarioSpec = {
    ...CLIENT_CLOSES_FIRST,
    name: 'lab-reconnect',
    script: [...FTP_SESSION, { host: 'client', call: 'connect', at: 3, port: 1500 }],
  };
  const sim = Simulation.create(spec, { policies: { ...POLICY_PRESETS.linux, reuseTimeWait: reuse ? 'allow' : 'refuse' }, checkpointEvery: Number.MAX_SAFE_INTEGER });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: 10 });
  const refused = sim.trace.some((e) => e.kind === 'app' && e.host === 'client' && e.event === 'EADDRINUSE');
  return refused ? 'EADDRINUSE' : 'connected';
}
