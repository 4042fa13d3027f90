/**
 * "Which state is the client in now?" questions, on paused real runs. Each is drawn from a state
 * change in one of the runs runObserver.ts watches: the premise is the run up to and including
 * the step that caused it, the answer is the state the simulator reached there. A test replays
 * the run to that step and reads the endpoint's state from the simulator's own view.
 *
 * API:
 *   stateNowQuestions() -> QuizQuestion[]   id `state-now:<host>:<FROM>><TO>`, one per distinct change
 */
import type { TraceEvent } from '../sim/trace.js';
import type { TcpState } from '../sim/tcp/states.js';
import { runLines, seconds } from './premise.js';
import { observedRuns, type QuizRunSpec } from './runObserver.js';
import { arrangeOptions } from './shuffle.js';
import { CONFUSED_STATES, HOW_STATE_IS_REACHED } from './transitionText.js';
import type { LessonId, QuizQuestion } from './types.js';

type StateEvent = Extract<TraceEvent, { kind: 'state' }>;

/** What the pause tells the learner to look for, by the state reached. */
const LOOK_FOR: Partial<Record<TcpState, string>> = {
  SYN_SENT: 'connect() sent a SYN and nothing has come back yet',
  SYN_RECEIVED: 'a SYN reached the listener and its SYN,ACK is not yet acknowledged',
  ESTABLISHED: 'the handshake is complete for this end',
  FIN_WAIT_1: 'this end closed first and its FIN is not yet acknowledged',
  FIN_WAIT_2: "this end's FIN is acknowledged, but the peer has not sent its FIN",
  CLOSE_WAIT: "the peer's FIN arrived and this end's application has not closed yet",
  CLOSING: "the peer's FIN arrived before the ACK of this end's own FIN",
  LAST_ACK: 'this end closed second and waits for the ACK of its FIN',
  TIME_WAIT: 'this end closed first and both FINs are acknowledged',
  CLOSED: 'the connection is over for this end',
};

function lessonsFor(e: StateEvent): LessonId[] {
  const tags = new Set<LessonId>(['review']);
  if (['FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT', 'CLOSING', 'LAST_ACK', 'TIME_WAIT'].includes(e.to)) tags.add('the-close');
  if (e.from === 'TIME_WAIT') tags.add('msl');
  if (e.to === 'SYN_RECEIVED' && e.from === 'TIME_WAIT') tags.add('the-exception');
  if (e.cause.startsWith('abort') || e.cause.includes('RST')) tags.add('in-practice');
  return [...tags];
}

function question(run: QuizRunSpec, trace: readonly TraceEvent[], e: StateEvent, id: string, host: 'client' | 'server'): QuizQuestion {
  const to = e.to;
  // "close() (active close)" reads as "close(), active close" inside our own brackets.
  const cause = e.cause.replace(/ \(([^()]*)\)$/, ', $1');
  const wrongStates = [e.from, ...CONFUSED_STATES[to], ...CONFUSED_STATES[e.from]].filter((s, i, all) => s !== to && all.indexOf(s) === i).slice(0, 3);
  const right = {
    text: `The ${host} is in ${to}`,
    explanation: `At ${seconds(e.at)} the ${host} went from ${e.from} to ${to} (${cause}): ${LOOK_FOR[to] ?? HOW_STATE_IS_REACHED[to]}.`,
  };
  const wrong = wrongStates.map((s) => ({
    text: `The ${host} is in ${s}`,
    explanation:
      s === e.from
        ? `${s} was its state until ${seconds(e.at)}; the last event shown (${cause}) moved it on to ${to}.`
        : `Not ${s}: ${HOW_STATE_IS_REACHED[s]}`,
  }));
  const { options, answerId } = arrangeOptions(id, right, wrong);
  return {
    id,
    kind: 'state-now',
    premise: [`From a run of ${run.label}, paused at ${seconds(e.at)}:`, ...runLines(trace, e.step + 1, 6)],
    prompt: `The run is paused here. Which state is the ${host} in now?`,
    options,
    answerId,
    lessons: lessonsFor(e),
    topic: `${host} ${e.from} to ${to}`,
    source: `RFC 9293 §3.3.2 (state diagram); simulator run (${run.label}, ${seconds(e.at)})`,
    pause: { run: run.id, step: e.step, host, state: to },
  };
}

let cache: QuizQuestion[] | undefined;

export function stateNowQuestions(): QuizQuestion[] {
  if (cache) return cache;
  const out: QuizQuestion[] = [];
  const seen = new Set<string>();
  for (const { run, trace } of observedRuns()) {
    for (let i = 0; i < trace.length; i++) {
      const e = trace[i]!;
      if (e.kind !== 'state' || (e.host !== 'client' && e.host !== 'server')) continue;
      // The state at the end of the step is what "now" means: skip a change the same step undoes.
      const laterSameStep = trace.slice(i + 1).some((x) => x.step === e.step && x.kind === 'state' && x.host === e.host);
      if (laterSameStep) continue;
      const id = `state-now:${e.host}:${e.from}>${e.to}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(question(run, trace, e, id, e.host));
    }
  }
  cache = out;
  return out;
}
