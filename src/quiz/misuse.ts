/**
 * API-misuse questions: a separate, clearly labelled set ("API misuse: what does the call do?")
 * about application calls that are errors on a closing connection: close() again, and send()
 * after close(), in FIN_WAIT_1, FIN_WAIT_2, CLOSING, LAST_ACK and TIME_WAIT (RFC 9293 §3.10.2,
 * §3.10.4). They belong to no lesson, so a lesson's quiz never asks them; only the mixed review
 * does.
 *
 * Each premise is a real moment: the first time an endpoint enters the state in one of the
 * watched runs (runObserver.ts), shortly before it leaves it. The answer is checked twice before
 * a question is made: the run is played again with the extra call scripted at that moment, and
 * the probe (probeTransition) gives the same call to an endpoint in that state. Both must agree.
 *
 * API:
 *   misuseQuestions(prober = simProber) -> QuizQuestion[]   id `misuse:<STATE>:<close|send>`
 *   withExtraCall(spec, replay) -> ScenarioSpec             the run with the misused call scripted
 *   replayOutcome(replay) -> TransitionOutcome              what that call did in the run
 */
import { Simulation, type ScenarioSpec, type TraceEvent } from '../sim/index.js';
import type { TcpState } from '../sim/tcp/states.js';
import type { HostName } from '../sim/types.js';
import { runLines, seconds } from './premise.js';
import { simProber, type Prober } from './probeTypes.js';
import { observedRuns, QUIZ_RUNS } from './runObserver.js';
import { arrangeOptions, OPTION_IDS } from './shuffle.js';
import { outcomeOf } from './transitions.js';
import { callSentence, MISUSE_DATA, MISUSE_SECTION, MISUSE_STATES, misuseOptions, misusePrompt, misuseTopic, type MisuseCall } from './misuseText.js';
import type { MisuseReplay, QuizQuestion, TransitionOutcome } from './types.js';

/** How long after entering the state the call comes: 10 ms, or half the stay if that is shorter. */
const CALL_DELAY_US = 10_000;
const MAX_STEPS = 50_000;

function runSpec(id: string): ScenarioSpec {
  const run = QUIZ_RUNS.find((r) => r.id === id);
  if (!run) throw new Error(`no quiz run "${id}"`);
  return run.spec;
}

/** The run with one more application call: `call` by `host`, `after` seconds once it enters `state`. */
export function withExtraCall(spec: ScenarioSpec, r: Pick<MisuseReplay, 'host' | 'state' | 'call' | 'after'>): ScenarioSpec {
  return {
    ...spec,
    script: [
      ...spec.script,
      { host: r.host, call: r.call, when: { host: r.host, state: r.state }, after: r.after, ...(r.call === 'send' ? { data: MISUSE_DATA } : {}) },
    ],
  };
}

function playOut(spec: ScenarioSpec): TraceEvent[] {
  const sim = Simulation.create(spec, { seed: 1 });
  const trace: TraceEvent[] = [];
  while (!sim.isQuiet() && sim.stepCount < MAX_STEPS) trace.push(...sim.step());
  return trace;
}

/** An event without its step number (an extra scripted call shifts the numbering by one). */
const sansStep = (e: TraceEvent) => JSON.stringify({ ...e, step: 0 });

/**
 * What the scripted call did in a full run: the segments the host sent and the state change it
 * made at the moment of the call, found as the events the run with the call has and the run
 * without it lacks. No difference at all means: nothing sent, state unchanged.
 */
export function replayOutcome(r: MisuseReplay): TransitionOutcome {
  const spec = runSpec(r.run);
  const plain = playOut(spec);
  const withCall = playOut(withExtraCall(spec, r));
  const same = plain.length === withCall.length && plain.every((e, i) => sansStep(e) === sansStep(withCall[i]!));
  if (same) return { sent: [], next: r.state };
  const known = new Set(plain.map(sansStep));
  const extra = withCall.filter((e) => e.at === r.at && e.host === r.host && !known.has(sansStep(e)));
  const sent = extra.flatMap((e) => (e.kind === 'send' ? [e.seg.len > 0 ? [...e.seg.flags, 'data'] : [...e.seg.flags]] : []));
  const moves = extra.filter((e): e is Extract<TraceEvent, { kind: 'state' }> => e.kind === 'state');
  return { sent, next: moves.length > 0 ? moves[moves.length - 1]!.to : r.state };
}

interface Moment {
  run: string;
  label: string;
  trace: TraceEvent[];
  host: HostName;
  state: TcpState;
  /** When the host entered the state, when it left, and when it called close() before. */
  entered: number;
  left: number;
  closedAt: number | undefined;
}

/** The first time, over the watched runs, that an endpoint enters `state`. */
function firstEntry(state: TcpState): Moment | undefined {
  for (const { run, trace } of observedRuns()) {
    const i = trace.findIndex((e) => e.kind === 'state' && e.to === state && (e.host === 'client' || e.host === 'server'));
    if (i < 0) continue;
    const entry = trace[i] as Extract<TraceEvent, { kind: 'state' }>;
    const host = entry.host as HostName;
    const leave = trace.slice(i + 1).find((e) => e.kind === 'state' && e.host === host);
    const close = trace.slice(0, i + 1).find((e) => e.kind === 'state' && e.host === host && /^close\(\)/.test(e.cause));
    return { run: run.id, label: run.label, trace, host, state, entered: entry.at, left: leave ? leave.at : Infinity, closedAt: close?.at };
  }
  return undefined;
}

/** The endpoint's variables at a moment of the run (the run without the extra call). */
function varsAt(m: Moment, at: number): string {
  const sim = Simulation.create(runSpec(m.run), { seed: 1 });
  sim.runToTime(at / 1_000_000);
  const c = sim.snapshot().hosts[m.host].connections.filter((x) => x.state === m.state).sort((a, b) => b.conn.incarnation - a.conn.incarnation)[0];
  return c ? `  SND.UNA=${c.sndUna}  SND.NXT=${c.sndNxt}  RCV.NXT=${c.rcvNxt}` : '';
}

function premiseOf(m: Moment, call: MisuseCall, at: number): string[] {
  const cut = m.trace.find((e) => e.at > at)?.step ?? Infinity;
  const lines = runLines(m.trace, cut, 3);
  // The earlier close() is named once: in the excerpt, or on a line of its own.
  const shown = lines.some((l) => l.includes(`the ${m.host}'s application calls close()`));
  const closed = m.closedAt === undefined || shown ? [] : [`The ${m.host}'s application called close() at ${seconds(m.closedAt)}.`];
  return [
    `From a run of ${m.label}:`,
    ...lines,
    ...closed,
    `The ${m.host} is in ${m.state}.${varsAt(m, at)}`,
    `Then, at ${seconds(at)}, ${callSentence(call, m.host)}.`,
  ];
}

const sameOutcome = (a: TransitionOutcome, b: TransitionOutcome) => a.next === b.next && JSON.stringify(a.sent) === JSON.stringify(b.sent);

function misuseQuestion(call: MisuseCall, m: Moment, prober: Prober, policies: Parameters<Prober['probeTransition']>[1]): QuizQuestion | undefined {
  const key = call;
  const c = prober.enumerateProbeCases().find((x) => x.state === m.state && x.key === key);
  if (!c) return undefined;
  const probed = prober.probeTransition(c, policies);
  const fromProbe = outcomeOf(probed);
  const delay = Math.min(CALL_DELAY_US, Math.floor((m.left - m.entered) / 2));
  const at = m.entered + delay;
  const replay: MisuseReplay = { run: m.run, host: m.host, state: m.state, call, after: delay / 1_000_000, at };
  const inRun = replayOutcome(replay);
  const { right, wrong } = misuseOptions(call, m.state);
  // Only ask when the run, the probe and the marked answer all agree, and no distractor does.
  if (!sameOutcome(fromProbe, inRun) || !sameOutcome(right.outcome, inRun)) return undefined;
  if (wrong.some((w) => sameOutcome(w.outcome, inRun))) return undefined;
  const id = `misuse:${m.state}:${call}`;
  const { options, answerId, order } = arrangeOptions(
    id,
    { text: right.text, explanation: right.explanation },
    wrong.map((w) => ({ text: w.text, explanation: `${w.explanation} See ${MISUSE_SECTION[call].split(' (')[0]}.` })),
  );
  const byIndex = [right.outcome, ...wrong.map((w) => w.outcome)];
  const outcomes: Record<string, TransitionOutcome> = {};
  order.forEach((i, pos) => {
    outcomes[OPTION_IDS[pos]!] = byIndex[i]!;
  });
  return {
    id,
    kind: 'misuse',
    premise: premiseOf(m, call, at),
    prompt: misusePrompt(call),
    options,
    answerId,
    lessons: [],
    topic: misuseTopic(call, m.state),
    source: `${MISUSE_SECTION[call]}; simulator run (${m.label}, ${seconds(at)})`,
    outcomes,
    misuse: replay,
    showMe: {
      state: m.state,
      event: call === 'close' ? 'close() called again' : 'send() called after close()',
      sent: probed.sent,
      next: probed.next,
      app: probed.app,
    },
  };
}

let cached: QuizQuestion[] | undefined;

/** The whole set, in the order of MISUSE_STATES: close() questions, then send() questions. */
export function misuseQuestions(prober: Prober = simProber): QuizQuestion[] {
  const build = () => {
    const out: QuizQuestion[] = [];
    for (const call of ['close', 'send'] as const) {
      for (const state of MISUSE_STATES[call]) {
        const m = firstEntry(state);
        if (!m) continue;
        const q = misuseQuestion(call, m, prober, runSpec(m.run).policies);
        if (q) out.push(q);
      }
    }
    return out;
  };
  if (prober !== simProber) return build();
  cached ??= build();
  return cached;
}
