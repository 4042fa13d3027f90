/**
 * "Cause this" questions: a goal in a run (the server sends its FIN again, ...) and four things
 * the perturb menu can do to one segment (drop, duplicate, delay). The generator plays the run
 * once per option with that perturbation added, so the answer is the option that reaches the
 * goal, and each wrong option's explanation says what the run did instead. A spec where not
 * exactly one option reaches the goal yields no question (a test requires every spec to yield).
 *
 * API:
 *   CAUSE_SPECS
 *   causeQuestions() -> QuizQuestion[]   id `cause:<name>`
 *   reaches(spec, option) -> boolean     plays the run with that option's perturbation
 */
import { Simulation, getScenario, type Condition, type Perturbation } from '../sim/index.js';
import { arrangeOptions } from './shuffle.js';
import type { LessonId, QuizQuestion } from './types.js';

export interface CauseOption {
  /** As the perturb menu would say it. */
  text: string;
  perturbation: Perturbation;
  /** Why it works, or what happens instead: shown after answering. */
  why: string;
}

export interface CauseSpec {
  name: string;
  scenario: string;
  goal: Condition;
  prompt: string;
  options: CauseOption[];
  lessons: LessonId[];
  source: string;
}

const FINAL_ACK = { from: 'client' as const, flags: ['ACK' as const], exact: true, senderState: 'TIME_WAIT' as const };
const CLIENT_FIN = { from: 'client' as const, flags: ['FIN' as const] };
const SERVER_FIN = { from: 'server' as const, flags: ['FIN' as const] };
/** The server's ACK of the client's FIN: its second bare ACK in normal-close (the first acks data). */
const ACK_OF_CLIENT_FIN = { from: 'server' as const, flags: ['ACK' as const], exact: true, nth: 2 };

export const CAUSE_SPECS: readonly CauseSpec[] = [
  {
    name: 'server-fin-again',
    scenario: 'normal-close',
    goal: { kind: 'segment', on: 'send', from: 'server', flags: ['FIN'], retransmission: true },
    prompt: 'In the four-segment close, which one perturbation makes the server send its FIN a second time?',
    options: [
      { text: "Drop the client's final ACK", perturbation: { kind: 'drop', match: FINAL_ACK }, why: 'Without the final ACK the server in LAST_ACK never sees its FIN acknowledged, so its retransmission timer fires and the FIN goes out again.' },
      { text: "Drop the server's ACK of the client's FIN", perturbation: { kind: 'drop', match: ACK_OF_CLIENT_FIN }, why: "The server's own FIN still acknowledges the client's FIN, and the client's final ACK still arrives: the server has no reason to resend." },
      { text: "Duplicate the client's final ACK", perturbation: { kind: 'duplicate', match: FINAL_ACK, copies: 1 }, why: 'Two copies of the ACK only acknowledge the FIN twice; the server closes on the first and answers the second with a reset.' },
      { text: "Delay the client's final ACK by 0.3 s", perturbation: { kind: 'delay', match: FINAL_ACK, by: 0.3 }, why: 'The ACK still arrives before the 1 s retransmission timer fires, so the FIN is acknowledged in time.' },
    ],
    lessons: ['lost-final-ack'],
    source: 'RFC 9293 §3.10.8 (retransmission timeout); simulator runs of the four-segment close',
  },
  {
    name: 'client-fin-again',
    scenario: 'normal-close',
    goal: { kind: 'segment', on: 'send', from: 'client', flags: ['FIN'], retransmission: true },
    prompt: 'In the four-segment close, which one perturbation makes the client send its FIN a second time?',
    options: [
      { text: "Drop the client's FIN", perturbation: { kind: 'drop', match: CLIENT_FIN }, why: 'The FIN never arrives, so no ACK comes back; when the client\'s retransmission timer fires it sends the FIN again from FIN_WAIT_1.' },
      { text: "Drop the server's FIN", perturbation: { kind: 'drop', match: SERVER_FIN }, why: "That makes the server resend its own FIN; the client's FIN was already acknowledged and is never resent." },
      { text: "Drop the client's final ACK", perturbation: { kind: 'drop', match: FINAL_ACK }, why: "That makes the server resend its FIN; the client's FIN was acknowledged long before." },
      { text: "Delay the server's ACK of the client's FIN by 0.1 s", perturbation: { kind: 'delay', match: ACK_OF_CLIENT_FIN, by: 0.1 }, why: 'A short delay is well inside the 1 s retransmission timeout, so the ACK still arrives in time.' },
    ],
    lessons: ['the-close'],
    source: 'RFC 9293 §3.10.8 (retransmission timeout); simulator runs of the four-segment close',
  },
  {
    name: 'time-wait-restarts',
    scenario: 'normal-close',
    goal: { kind: 'timer', host: 'client', timer: '2MSL', action: 'restart' },
    prompt: "In the four-segment close, which one perturbation makes the client's 2MSL timer start over?",
    options: [
      { text: "Drop the client's final ACK", perturbation: { kind: 'drop', match: FINAL_ACK }, why: 'The server resends its FIN; the client, still in TIME_WAIT, acknowledges it again and restarts its 2MSL wait.' },
      { text: "Duplicate the client's final ACK", perturbation: { kind: 'duplicate', match: FINAL_ACK, copies: 1 }, why: "The second copy reaches a server that has already closed, which answers it with an RST; that RST ends the client's TIME_WAIT early (the hazard of RFC 1337) instead of restarting it." },
      { text: "Delay the client's final ACK by 0.3 s", perturbation: { kind: 'delay', match: FINAL_ACK, by: 0.3 }, why: 'The ACK arrives late but before the server\'s timer fires, so no FIN is repeated and the client\'s wait is untouched.' },
      { text: "Drop the server's ACK of the client's FIN", perturbation: { kind: 'drop', match: ACK_OF_CLIENT_FIN }, why: "The server's FIN also acknowledges the client's FIN, so the client moves on to TIME_WAIT when that FIN arrives; no segment is repeated, so the wait starts only once." },
    ],
    lessons: ['lost-final-ack', 'msl'],
    source: 'RFC 9293 §3.10.7.4 (TIME-WAIT: restart the 2MSL timeout); simulator runs of the four-segment close',
  },
];

const MAX_STEPS = 50_000;

export function reaches(spec: CauseSpec, option: CauseOption): boolean {
  const base = getScenario(spec.scenario);
  if (!base) throw new Error(`cause question ${spec.name}: no scenario "${spec.scenario}"`);
  const sim = Simulation.create({ ...base, perturbations: [...(base.perturbations ?? []), option.perturbation] }, { seed: 1 });
  return sim.runUntil(spec.goal, { maxSteps: MAX_STEPS }).reached;
}

function question(spec: CauseSpec): QuizQuestion | undefined {
  const hits = spec.options.filter((o) => reaches(spec, o));
  if (hits.length !== 1) return undefined;
  const right = hits[0]!;
  const id = `cause:${spec.name}`;
  const { options, answerId } = arrangeOptions(
    id,
    { text: right.text, explanation: right.why },
    spec.options.filter((o) => o !== right).map((o) => ({ text: o.text, explanation: o.why })),
  );
  return {
    id,
    kind: 'cause',
    premise: ['Each option is one entry of the perturb menu (p), applied to a fresh run.'],
    prompt: spec.prompt,
    options,
    answerId,
    lessons: spec.lessons.includes('review') ? spec.lessons : [...spec.lessons, 'review'],
    topic: `Cause this: ${spec.name.replace(/-/g, ' ')}`,
    source: spec.source,
  };
}

let cache: QuizQuestion[] | undefined;

export function causeQuestions(): QuizQuestion[] {
  cache ??= CAUSE_SPECS.map(question).filter((q): q is QuizQuestion => q !== undefined);
  return cache;
}
