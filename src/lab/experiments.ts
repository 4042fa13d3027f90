/**
 * The lab's experiments (I/O): each runs real TCP on loopback, reads the kernel's table and
 * emits records (see records.ts) beside the simulator's prediction. Every socket and server goes
 * through the LabSession, which the caller closes when the learner leaves.
 */
import { outcomeOf, explainReconnect } from './explain.js';
import { exchangeAndClose, fmt, lookBoth, seen, settle } from './exchange.js';
import { readSysctl, type KernelReader, type ReaderOptions } from './kernelReader.js';
import { predictClose, predictReconnect } from './prediction.js';
import { DEFAULT_CONNECTIONS, HOW_LONG_BOUND_SECONDS, MAX_CONNECTIONS, type Emit, type ExperimentName } from './records.js';
import { closed, connected, sleep, type LabSession } from './session.js';
import { countByState, touchingPorts } from './socketTable.js';
import { explainSysctls, parsePortRange } from './sysctls.js';

export interface RunOptions {
  /** For `many`: how many connections (1..2000). */
  count?: number;
  /** For `how-long`: the longest wait, seconds. */
  boundSeconds?: number;
  /** Poll interval of live views, ms. */
  pollMs?: number;
  /** Where sysctls are read from (tests). */
  proc?: ReaderOptions;
  /** Asked between polls; true stops a long experiment early (the learner left). */
  cancelled?: () => boolean;
}

export async function runExperiment(name: ExperimentName, session: LabSession, reader: KernelReader, emit: Emit, opts: RunOptions = {}): Promise<void> {
  emit({ experiment: name, kind: 'start', source: reader.source, timers: reader.timers });
  try {
    switch (name) {
      case 'who-waits':
        await whoWaits(session, reader, emit);
        break;
      case 'how-long':
        await howLong(session, reader, emit, opts);
        break;
      case 'reconnect':
        await reconnect(session, reader, emit, opts);
        break;
      case 'many':
        await many(session, reader, emit, opts);
        break;
      case 'settings':
        for (const s of explainSysctls((n) => readSysctl(n, opts.proc))) emit({ experiment: 'settings', kind: 'sysctl', ...s });
        break;
    }
  } catch (e) {
    if (session.closed) return; // the learner left mid-way: not an error
    const err = e as NodeJS.ErrnoException;
    emit({ experiment: name, kind: 'error', message: err.code ? `${err.code}: ${err.message}` : String(err.message ?? err) });
    return;
  }
  emit({ experiment: name, kind: 'done' });
}

async function whoWaits(session: LabSession, reader: KernelReader, emit: Emit): Promise<void> {
  for (const closer of ['client', 'server'] as const) {
    const ex = await exchangeAndClose(session, closer);
    const ends = await settle(reader, ex.tuple);
    await session.stopListening(ex.server);
    const c = seen(ends.client);
    const s = seen(ends.server);
    const waiter = c === 'TIME_WAIT' && s === 'TIME_WAIT' ? 'both' : c === 'TIME_WAIT' ? 'client' : s === 'TIME_WAIT' ? 'server' : 'none';
    const holder = waiter === 'server' ? ends.server : ends.client;
    const p = predictClose(closer);
    emit({
      experiment: 'who-waits',
      kind: 'close',
      closer,
      client: fmt(ex.clientPort),
      server: fmt(ex.serverPort),
      observed: { client: c, server: s, waiter, timerSeconds: reader.timers && holder?.timer === 'time-wait' ? holder.timerSeconds : null },
      predicted: { waiter: p.waiter, timeWaitSeconds: p.timeWaitSeconds },
      match: p.waiter === waiter,
    });
  }
}

async function howLong(session: LabSession, reader: KernelReader, emit: Emit, opts: RunOptions): Promise<void> {
  const bound = Math.min(HOW_LONG_BOUND_SECONDS, opts.boundSeconds ?? HOW_LONG_BOUND_SECONDS);
  const poll = opts.pollMs ?? 250;
  const predicted = predictClose('client').timeWaitSeconds;
  const ex = await exchangeAndClose(session, 'client');
  await session.stopListening(ex.server);
  let first: number | null = null;
  let lastWhole = -1;
  for (;;) {
    const elapsed = (Date.now() - ex.closedAt) / 1000;
    const { client } = await lookBoth(reader, ex.tuple);
    const state = seen(client);
    const remaining = reader.timers && client?.timer === 'time-wait' ? client.timerSeconds : null;
    if (first === null && remaining !== null) first = remaining;
    if (state !== 'TIME_WAIT') {
      emit({ experiment: 'how-long', kind: 'gone', client: fmt(ex.clientPort), measuredSeconds: round2(elapsed), firstTimerSeconds: first, predictedSeconds: predicted, timedOut: false });
      return;
    }
    if (Math.floor(elapsed) !== lastWhole) {
      lastWhole = Math.floor(elapsed);
      emit({
        experiment: 'how-long',
        kind: 'tick',
        client: fmt(ex.clientPort),
        elapsedSeconds: round2(elapsed),
        state,
        remainingSeconds: remaining,
        predictedRemainingSeconds: predicted === null ? null : round2(Math.max(0, predicted - elapsed)),
      });
    }
    if (elapsed >= bound || opts.cancelled?.()) {
      emit({ experiment: 'how-long', kind: 'gone', client: fmt(ex.clientPort), measuredSeconds: null, firstTimerSeconds: first, predictedSeconds: predicted, timedOut: true });
      return;
    }
    await sleep(poll);
  }
}

async function reconnect(session: LabSession, reader: KernelReader, emit: Emit, opts: RunOptions): Promise<void> {
  const timestamps = readSysctl('tcp_timestamps', opts.proc);
  const ts = timestamps === null ? null : timestamps.trim() !== '0';
  const cases = [
    { holder: 'client', reuse: false },
    { holder: 'client', reuse: true },
    { holder: 'server', reuse: false },
  ] as const;
  for (const k of cases) {
    const ex = await exchangeAndClose(session, k.holder, { bind: k.reuse });
    const ends = await settle(reader, ex.tuple);
    const before = seen(k.holder === 'client' ? ends.client : ends.server);
    let errno: string | null = null;
    const again = session.connect(ex.serverPort, { localPort: ex.clientPort });
    try {
      await connected(again);
      again.destroy();
      await closed(again);
    } catch (e) {
      errno = (e as NodeJS.ErrnoException).code ?? 'unknown';
    }
    await session.stopListening(ex.server);
    const outcome = outcomeOf(errno ?? undefined);
    emit({
      experiment: 'reconnect',
      kind: 'reconnect',
      holder: k.holder,
      reuse: k.reuse,
      localPort: ex.clientPort,
      stateBefore: before,
      outcome,
      errno,
      explanation: explainReconnect({ holder: k.holder, reuse: k.reuse, outcome, timestamps: ts }),
      predicted: k.holder === 'server' ? 'connected' : predictReconnect(k.reuse),
    });
  }
}

async function many(session: LabSession, reader: KernelReader, emit: Emit, opts: RunOptions): Promise<void> {
  const n = Math.max(1, Math.min(MAX_CONNECTIONS, Math.floor(opts.count ?? DEFAULT_CONNECTIONS)));
  const { server, port } = await session.listen((s) => {
    s.on('data', () => {});
    s.on('end', () => s.end());
  });
  const ports = new Set<number>();
  const mine = touchingPorts(new Set([port]));
  let done = 0;
  let failed = 0;
  const one = async () => {
    const c = session.connect(port);
    try {
      ports.add(await connected(c));
      c.on('data', () => {});
      c.end('x');
      await closed(c);
    } catch {
      failed++;
    }
    done++;
  };
  // A few at a time: enough to be quick, few enough to keep file descriptors low.
  const WIDTH = 20;
  let lastReport = 0;
  for (let i = 0; i < n && !session.closed && !opts.cancelled?.(); i += WIDTH) {
    await Promise.all(Array.from({ length: Math.min(WIDTH, n - i) }, one));
    if (Date.now() - lastReport > (opts.pollMs ?? 250) || done === n) {
      lastReport = Date.now();
      emit({ experiment: 'many', kind: 'progress', done, of: n, counts: countByState(await reader.read(), (s) => mine(s) && s.state !== 'LISTEN') });
    }
  }
  await session.stopListening(server);
  await sleep(100);
  const list = [...ports];
  const table = await reader.read();
  emit({
    experiment: 'many',
    kind: 'summary',
    count: n,
    failed,
    counts: countByState(table, mine),
    machine: countByState(table),
    ports: list.length ? { lowest: Math.min(...list), highest: Math.max(...list), distinct: list.length } : null,
    portRange: parsePortRange(readSysctl('ip_local_port_range', opts.proc)),
  });
}

const round2 = (x: number) => Math.round(x * 100) / 100;
