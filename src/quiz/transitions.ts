/**
 * Transition questions, generated from the simulator: "an endpoint in STATE gets EVENT: what
 * does it send, and which state does it enter?". The right answer is whatever probeTransition
 * (the real TCP code) does; distractors are other outcomes learners confuse with it.
 *
 * API:
 *   transitionQuestions(prober = simProber, found = occurrences()) -> QuizQuestion[]
 *       one per (state, event, policy) found in a real run (runObserver.ts) whose probe agrees
 *       with the run; id `transition:<STATE>:<event key>[:<policy>]`; premise = run excerpt
 *   outcomeOf(result) -> TransitionOutcome   what an option's outcome is compared with
 *   QUIZ_POLICIES                            the policies questions are asked under (the defaults)
 */
import { DEFAULT_POLICIES, type Policies } from '../sim/policy.js';
import type { TcpState } from '../sim/tcp/states.js';
import { simProber, type ProbeCase, type ProbeResult, type Prober } from './probeTypes.js';
import { observedRuns, occurrences, type Occurrence } from './runObserver.js';
import { seconds, segmentLine, wireLines } from './premise.js';
import { EVENT_WORDS, TEACH } from './transitionTeach.js';
import { arrangeOptions, hashString, OPTION_IDS } from './shuffle.js';
import {
  COMMON_SENDS,
  CONFUSED_STATES,
  HOW_STATE_IS_REACHED,
  eventLabel,
  outcomeText,
  ruleSentence,
  sentText,
} from './transitionText.js';
import type { LessonId, QuizQuestion, TransitionOutcome } from './types.js';

export const QUIZ_POLICIES: Partial<Policies> = {};

export function outcomeOf(result: Pick<ProbeResult, 'sent' | 'next'>): TransitionOutcome {
  return {
    sent: result.sent.map((s) => (s.len > 0 ? [...s.flags, 'data'] : [...s.flags])),
    next: result.next,
  };
}

const outcomeKey = (o: TransitionOutcome): string => `${o.sent.map((f) => f.join('+')).join('|')}>${o.next}`;

const CLOSING_STATES: readonly TcpState[] = ['ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT', 'CLOSING', 'LAST_ACK'];

function lessonsFor(c: ProbeCase, outcome: TransitionOutcome): LessonId[] {
  const k: string = c.key;
  const tags = new Set<LessonId>();
  // A bare ACK on an open connection is not part of the close.
  const openAck = c.state === 'ESTABLISHED' && k === 'ack';
  if (CLOSING_STATES.includes(c.state) && ['fin', 'fin-not-acking', 'ack', 'close'].includes(k) && !openAck) tags.add('the-close');
  if (outcome.next === 'TIME_WAIT' && c.state !== 'TIME_WAIT') tags.add('the-close');
  if (c.state === 'TIME_WAIT' && k === '2msl') tags.add('msl');
  if ((c.state === 'LAST_ACK' && k === 'rto') || (c.state === 'TIME_WAIT' && k === 'fin-again') || (c.state === 'CLOSED' && k === 'fin')) {
    tags.add('lost-final-ack');
  }
  if ((c.state === 'TIME_WAIT' || c.state === 'ESTABLISHED') && ['old-data', 'future-data', 'data'].includes(k)) {
    tags.add('wandering-duplicates');
  }
  if (c.state === 'TIME_WAIT' && (k === 'syn' || k === 'syn-greater')) tags.add('the-exception');
  if (['rst', 'rst-ack', 'rst-inside', 'abort'].includes(k) || (c.state === 'SYN_SENT' && k === 'ack-unsent')) tags.add('in-practice');
  tags.add('review');
  return [...tags];
}

/** A sentence naming the policy in force, where a switchable policy decides the answer. */
function policyNote(c: ProbeCase, p: Policies): string {
  if (c.state !== 'TIME_WAIT' || c.event.kind !== 'segment') return '';
  if (c.key === 'rst') {
    return p.rstInTimeWait === 'ignore' ? " (Policy: RFC 1337's protection is on.)" : " (Policy: RFC 1337's protection is off, the default.)";
  }
  if (c.key === 'syn' || c.key === 'syn-greater') {
    return p.berkeleySynInTimeWait ? ' (Policy: the Berkeley rule is on, and a listener exists.)' : ' (Policy: the Berkeley rule is off.)';
  }
  return '';
}

/** A reply worth offering only where it would make sense: RSTs with an ending, SYN,ACK with a handshake, FIN with a close. */
function plausibleSend(sent: readonly string[][], next: TcpState): boolean {
  const first = sent[0]?.join(',') ?? '';
  if (first.startsWith('RST')) return next === 'CLOSED' || next === 'LISTEN';
  if (first === 'SYN,ACK') return next === 'SYN_RECEIVED';
  if (first === 'FIN,ACK') return ['FIN_WAIT_1', 'LAST_ACK', 'CLOSING'].includes(next);
  return true;
}

interface Probed {
  c: ProbeCase;
  result: ProbeResult;
  outcome: TransitionOutcome;
}

interface Candidate {
  outcome: TransitionOutcome;
  explanation: string;
}

function distractors({ c, outcome: right }: Probed, all: readonly Probed[]): Candidate[] {
  const rightSent = sentText(right.sent);
  const sendsRight = right.sent.length === 0 ? 'It does indeed send nothing' : `It does send ${rightSent}`;
  // 1. What the same state does for another event: the most tempting mix-up.
  const fromSiblings: Candidate[] = all
    .filter((s) => s.c.state === c.state && s.c.key !== c.key)
    .map((s) => ({
      outcome: s.outcome,
      explanation: `That is what an endpoint in ${c.state} does when ${eventLabel(s.c)}, a different event.`,
    }));
  // 2. The right segments, but a state people confuse with the right one.
  const wrongState: Candidate[] = [c.state, ...CONFUSED_STATES[right.next], ...CONFUSED_STATES[c.state]].map((next) => ({
    outcome: { sent: right.sent, next },
    explanation:
      next === c.state
        ? `${sendsRight}, but it does not stay in ${c.state}: it moves on to ${right.next}.`
        : `${sendsRight}, but it ${right.next === c.state ? `stays in ${c.state}` : `enters ${right.next}`}, not ${next}. ${HOW_STATE_IS_REACHED[next]}`,
  }));
  // 3. The right state, but a reply people expect instead.
  const wrongSend: Candidate[] = COMMON_SENDS.filter((sent) => plausibleSend(sent, right.next)).map((sent) => ({
    outcome: { sent, next: right.next },
    explanation: `The state is right, but it sends ${rightSent}, not ${sentText(sent)}.`,
  }));
  const chosen: Candidate[] = [];
  const keys = new Set([outcomeKey(right)]);
  const take = (pool: Candidate[], n: number) => {
    // Deterministic but varied: order each pool by a hash of the case and the outcome.
    const score = (x: Candidate) => hashString(`${c.state}:${c.key}:${outcomeKey(x.outcome)}`);
    for (const cand of [...pool].sort((a, b) => score(a) - score(b))) {
      if (n <= 0) break;
      const k = outcomeKey(cand.outcome);
      if (keys.has(k)) continue;
      keys.add(k);
      chosen.push(cand);
      n--;
    }
  };
  take(fromSiblings, 1);
  take(wrongState, 1);
  take(wrongSend, 1);
  take([...fromSiblings, ...wrongState, ...wrongSend], 3 - chosen.length);
  return chosen;
}

const hostWord = (h: string) => `the ${h}`;

/** Where a policy the learner can switch decides the answer, the question id names its setting. */
function policySuffix(c: ProbeCase, p: Policies): string {
  if (c.state !== 'TIME_WAIT') return '';
  if ((c.key === 'syn' || c.key === 'syn-greater') && p.berkeleySynInTimeWait !== DEFAULT_POLICIES.berkeleySynInTimeWait) {
    return p.berkeleySynInTimeWait ? ':berkeley-on' : ':berkeley-off';
  }
  if (c.key === 'rst' && p.rstInTimeWait !== DEFAULT_POLICIES.rstInTimeWait) return `:rfc1337-${p.rstInTimeWait}`;
  return '';
}

function eventSentence(o: Occurrence, c: ProbeCase): string {
  const peer = o.host === 'client' ? 'server' : 'client';
  const words = EVENT_WORDS[c.key];
  if (o.segment) return `Then, at ${seconds(o.at)}, the ${peer}'s ${segmentLine(o.segment)} arrives${words ? ` (${words})` : ''}.`;
  return `Then, at ${seconds(o.at)}, ${eventLabel(c)}.`;
}

/** The run excerpt: the last segments on the wire, the endpoint's state and variables, the event. */
function premiseOf(o: Occurrence, c: ProbeCase): string[] {
  const trace = observedRuns().find((r) => r.run.id === o.run.id)?.trace ?? [];
  const vars = o.vars ? `  SND.UNA=${o.vars.sndUna}  SND.NXT=${o.vars.sndNxt}  RCV.NXT=${o.vars.rcvNxt}` : '';
  return [
    `From a run of ${o.run.label}:`,
    ...wireLines(trace, o.step, 4),
    `The ${o.host} is in ${o.state}.${vars}`,
    eventSentence(o, c),
  ];
}

function transitionQuestion(p: Probed, all: readonly Probed[], o: Occurrence): QuizQuestion {
  const { c, result, outcome } = p;
  const id = `transition:${c.state}:${c.key}${policySuffix(c, o.policies)}`;
  const teach = TEACH[id.slice('transition:'.length)] ?? TEACH[`${c.state}:${c.key}`];
  const sentWords = outcome.sent.map((f) => f.filter((x) => x !== 'data').join(',')).join(' ');
  // The hand-written reason is used only while the simulator still does what it says.
  const rule =
    teach && teach.next === outcome.next && teach.sent === sentWords ? `${teach.text} (${c.rfc})` : ruleSentence(c, result.rule, outcome);
  const wrong = distractors(p, all);
  const { options, answerId, order } = arrangeOptions(
    id,
    { text: outcomeText(c.state, outcome), explanation: `${rule}.` },
    wrong.map((w) => ({ text: outcomeText(c.state, w.outcome), explanation: `${w.explanation} See ${c.rfc}.` })),
  );
  const outcomes: Record<string, TransitionOutcome> = {};
  const byIndex = [outcome, ...wrong.map((w) => w.outcome)];
  order.forEach((i, pos) => {
    outcomes[OPTION_IDS[pos]!] = byIndex[i]!;
  });
  return {
    id,
    kind: 'transition',
    premise: premiseOf(o, c),
    prompt: `What does ${hostWord(o.host)} send, and which state does it enter?${policyNote(c, o.policies)}`,
    options,
    answerId,
    lessons: lessonsFor(c, outcome),
    topic: c.label,
    source: `${c.rfc}; simulator run (${o.run.label}, ${seconds(o.at)})`,
    drawnFrom: { run: o.run.id, step: o.step },
    outcomes,
    showMe: {
      state: c.state,
      event: eventLabel(c),
      ...(c.event.kind === 'segment' ? { incoming: [...c.event.flags] } : {}),
      sent: result.sent,
      next: result.next,
      app: result.app,
    },
  };
}

const sameOutcome = (a: TransitionOutcome, b: Pick<Occurrence, 'sent' | 'next'>) =>
  a.next === b.next && JSON.stringify(a.sent) === JSON.stringify(b.sent);

/**
 * One question per (state, event, policy) found in a real run, asked about its first occurrence.
 * The probe (the same TCP code) must agree with what the run did there, or no question is made.
 */
export function transitionQuestions(prober: Prober = simProber, found: readonly Occurrence[] = occurrences()): QuizQuestion[] {
  const cases = prober.enumerateProbeCases();
  const all: Probed[] = cases.map((c) => {
    const result = prober.probeTransition(c, QUIZ_POLICIES);
    return { c, result, outcome: outcomeOf(result) };
  });
  const out: QuizQuestion[] = [];
  const ids = new Set<string>();
  for (const o of found) {
    const c = cases.find((x) => x.state === o.state && x.key === o.key);
    if (!c || ids.has(`transition:${c.state}:${c.key}${policySuffix(c, o.policies)}`)) continue;
    const result = prober.probeTransition(c, o.policies);
    const outcome = outcomeOf(result);
    if (!sameOutcome(outcome, o)) continue;
    const q = transitionQuestion({ c, result, outcome }, all, o);
    ids.add(q.id);
    out.push(q);
  }
  return out;
}
