/**
 * Watching real simulator runs for the situations quiz questions ask about. Each built-in
 * scenario (and a few variants with one more perturbation) is stepped from the start; before
 * every step the endpoints' connections are read, so each arriving segment, expiring timer and
 * application call can be named as a probe event (src/sim/probeEvents.ts) in the state it met.
 *
 * A transition question is only asked about a (state, event) pair found here, and its premise
 * is an excerpt of the run where it was found: the last segments on the wire, and the endpoint's
 * state and sequence variables.
 *
 * API:
 *   QUIZ_RUNS                          the runs watched: scenario name, variant label, spec
 *   observedRuns() -> ObservedRun[]    each run's trace, with the occurrences found in it (cached)
 *   occurrences() -> Occurrence[]      every occurrence, in run order
 *   firstOccurrence(state, key) -> Occurrence | undefined
 */
import { Simulation, getScenario, type ScenarioSpec } from '../sim/index.js';
import type { ProbeEventKey } from '../sim/probeEvents.js';
import type { SegmentRecord, TraceEvent } from '../sim/trace.js';
import type { HostName } from '../sim/types.js';
import type { ConnectionView, SimSnapshot } from '../sim/view.js';
import type { TcpState } from '../sim/tcp/states.js';
import type { Policies } from '../sim/policy.js';

export interface QuizRunSpec {
  /** Stable id, e.g. "normal-close" or "normal-close+drop-first-fin". */
  id: string;
  /** Words for the premise: which run the excerpt comes from. */
  label: string;
  spec: ScenarioSpec;
}

export interface Occurrence {
  run: QuizRunSpec;
  /** The engine step that handled the event. */
  step: number;
  at: number;
  host: HostName;
  state: TcpState;
  key: ProbeEventKey;
  /** The arriving segment, for segment events. */
  segment?: SegmentRecord;
  /** The endpoint's variables just before the event (absent when it has no connection). */
  vars?: { sndUna: number; sndNxt: number; rcvNxt: number };
  policies: Policies;
  /** What the endpoint did in that step: segments sent (flags, with 'data') and the state it ended in. */
  sent: string[][];
  next: TcpState;
}

export interface ObservedRun {
  run: QuizRunSpec;
  trace: TraceEvent[];
  occurrences: Occurrence[];
}

function variant(name: string, id: string, label: string, extra: Partial<ScenarioSpec>): QuizRunSpec {
  const base = getScenario(name);
  if (!base) throw new Error(`no built-in scenario "${name}"`);
  return { id, label, spec: { ...base, ...extra, perturbations: [...(base.perturbations ?? []), ...(extra.perturbations ?? [])] } };
}

const plain = (name: string, label: string) => variant(name, name, label, {});

export const QUIZ_RUNS: readonly QuizRunSpec[] = [
  plain('normal-close', 'the four-segment close'),
  plain('lost-final-ack', 'the lost final ACK'),
  plain('simultaneous-close', 'a simultaneous close'),
  plain('abort-rst', 'an abort with RST'),
  plain('new-incarnation', 'a reconnect from the same port'),
  plain('berkeley-exception', 'the Berkeley exception'),
  plain('wandering-duplicate', 'a wandering duplicate'),
  variant('normal-close', 'normal-close+drop-first-fin', "the four-segment close, with the client's FIN lost once", {
    perturbations: [{ kind: 'drop', match: { from: 'client', flags: ['FIN'], nth: 1 } }],
  }),
  variant('normal-close', 'normal-close+drop-syn', "the four-segment close, with the client's first SYN lost", {
    perturbations: [{ kind: 'drop', match: { from: 'client', flags: ['SYN'], exact: true, nth: 1 } }],
  }),
  variant('normal-close', 'normal-close+drop-fin-ack', "the four-segment close, with the ACK of the client's FIN lost", {
    perturbations: [{ kind: 'drop', match: { from: 'server', flags: ['ACK'], exact: true, nth: 2 } }],
  }),
  variant('berkeley-exception', 'berkeley-exception+rule-off', 'the Berkeley exception, with the rule off', {
    policies: { berkeleySynInTimeWait: false },
  }),
];

const MAX_STEPS = 50_000;

const flagsOf = (seg: SegmentRecord): string[] => (seg.len > 0 ? [...seg.flags, 'data'] : [...seg.flags]);

function connFor(snap: SimSnapshot, host: HostName, local: string, remote: string): ConnectionView | undefined {
  const all = snap.hosts[host].connections.filter((c) => c.conn.local === local && c.conn.remote === remote);
  return all.filter((c) => c.state !== 'CLOSED').sort((a, b) => b.conn.incarnation - a.conn.incarnation)[0];
}

const before = (a: number, b: number) => ((a - b) | 0) < 0;

/** Names an arriving segment as a probe event, from the receiver's variables (RFC 9293 §3.10.7). */
function segmentKey(seg: SegmentRecord, state: TcpState, c: ConnectionView | undefined): ProbeEventKey | undefined {
  const f = seg.flags;
  if (!c) {
    if (f.includes('RST')) return undefined;
    if (f.includes('SYN')) return f.includes('ACK') ? 'syn-ack' : 'syn';
    if (f.includes('FIN')) return 'fin';
    return seg.len > 0 ? 'data' : 'ack';
  }
  const end = seg.seq + seg.len + (f.includes('SYN') ? 1 : 0) + (f.includes('FIN') ? 1 : 0);
  if (f.includes('RST')) {
    if (state === 'SYN_SENT') return f.includes('ACK') ? 'rst-ack' : undefined;
    return seg.seq === c.rcvNxt ? 'rst' : 'rst-inside';
  }
  if (f.includes('SYN')) {
    if (f.includes('ACK')) return 'syn-ack';
    if (state === 'TIME_WAIT' && before(c.rcvNxt, seg.seq)) return 'syn-greater';
    return 'syn';
  }
  if (state === 'SYN_SENT') return undefined;
  if (f.includes('ACK') && before(c.sndNxt, seg.ack)) return 'ack-unsent';
  if (!before(c.rcvNxt, end) && end !== seg.seq) return f.includes('FIN') ? 'fin-again' : seg.len > 0 ? 'old-data' : undefined;
  if (f.includes('FIN')) {
    if (seg.seq !== c.rcvNxt) return undefined;
    if (state === 'FIN_WAIT_1' && seg.ack !== c.sndNxt) return 'fin-not-acking';
    return seg.ack === c.sndNxt ? 'fin' : undefined;
  }
  if (seg.len > 0) return seg.seq === c.rcvNxt ? 'data' : before(c.rcvNxt, seg.seq) ? 'future-data' : 'old-data';
  return seg.ack === c.sndNxt && seg.seq === c.rcvNxt ? 'ack' : undefined;
}

const CALL_KEYS: Array<[RegExp, ProbeEventKey]> = [
  [/^close\(\)/, 'close'],
  [/^connect\(\)/, 'connect'],
  [/^abort\(\)/, 'abort'],
];

function observe(run: QuizRunSpec): ObservedRun {
  const sim = Simulation.create(run.spec, { seed: 1 });
  const trace: TraceEvent[] = [];
  const found: Occurrence[] = [];
  while (!sim.isQuiet() && sim.stepCount < MAX_STEPS) {
    const snap = sim.snapshot();
    const events = sim.step();
    trace.push(...events);
    const policies = sim.policies;
    const record = (host: HostName, state: TcpState, key: ProbeEventKey, c: ConnectionView | undefined, at: number, segment?: SegmentRecord) => {
      const sent = events.filter((e) => e.kind === 'send' && e.host === host).map((e) => flagsOf((e as { seg: SegmentRecord }).seg));
      const moves = events.filter((e): e is Extract<TraceEvent, { kind: 'state' }> => e.kind === 'state' && e.host === host);
      const next = moves.length > 0 ? moves[moves.length - 1]!.to : state;
      found.push({
        run,
        step: sim.stepCount,
        at,
        host,
        state,
        key,
        ...(segment ? { segment } : {}),
        ...(c ? { vars: { sndUna: c.sndUna, sndNxt: c.sndNxt, rcvNxt: c.rcvNxt } } : {}),
        policies: { ...policies },
        sent,
        next,
      });
    };
    for (const ev of events) {
      if (ev.host !== 'client' && ev.host !== 'server') continue;
      const host = ev.host;
      if (ev.kind === 'deliver') {
        const c = connFor(snap, host, ev.seg.dst, ev.seg.src);
        const port = Number(ev.seg.dst.split(':').pop());
        const state: TcpState = c ? c.state : snap.hosts[host].listening.includes(port) ? 'LISTEN' : 'CLOSED';
        const key = segmentKey(ev.seg, state, c);
        if (key) record(host, state, key, c, ev.at, ev.seg);
      } else if (ev.kind === 'timer' && ev.action === 'expire') {
        const c = connFor(snap, host, ev.conn.local, ev.conn.remote);
        if (c) record(host, c.state, ev.timer === 'RTO' ? 'rto' : '2msl', c, ev.at);
      } else if (ev.kind === 'state') {
        const call = CALL_KEYS.find(([re]) => re.test(ev.cause));
        if (call) record(host, ev.from, call[1], connFor(snap, host, ev.conn.local, ev.conn.remote), ev.at);
      } else if (ev.kind === 'app' && ev.event === 'listening') {
        record(host, 'CLOSED', 'listen', undefined, ev.at);
      }
    }
  }
  return { run, trace, occurrences: found };
}

let cache: ObservedRun[] | undefined;

export function observedRuns(): ObservedRun[] {
  cache ??= QUIZ_RUNS.map(observe);
  return cache;
}

export function occurrences(): Occurrence[] {
  return observedRuns().flatMap((r) => r.occurrences);
}

export function firstOccurrence(state: TcpState, key: ProbeEventKey): Occurrence | undefined {
  return occurrences().find((o) => o.state === state && o.key === key);
}
