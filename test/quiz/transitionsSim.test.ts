// The acceptance tests for transition questions: every question's premise is found in an actual
// simulator run, and its marked answer is what the simulator does, both in that run (replayed
// here from scratch) and when the transition is probed on its own.
import { describe, expect, it } from 'vitest';
import { simProber } from '../../src/quiz/probeTypes.js';
import { occurrences, QUIZ_RUNS } from '../../src/quiz/runObserver.js';
import { transitionQuestions } from '../../src/quiz/transitions.js';
import { Simulation } from '../../src/sim/index.js';
import type { QuizQuestion } from '../../src/quiz/types.js';
import { checkTransitionQuestions } from './transitionChecks.js';

const questions = transitionQuestions();
const found = occurrences();

/** The occurrence a question was drawn from: the run and time its source names. */
function occurrenceOf(q: QuizQuestion) {
  const [, state, key] = q.id.split(':');
  const from = q.drawnFrom!;
  return found.find((o) => o.state === state && o.key === key && o.run.id === from.run && o.step === from.step)!;
}

describe('transition questions from the simulator', () => {
  it('cover the close, the wait and its exceptions: at least 20, each from a run', () => {
    expect(questions.length).toBeGreaterThanOrEqual(20);
    for (const q of questions) expect(occurrenceOf(q), q.id).toBeDefined();
  });

  it('each marked with what probeTransition does under the policies of its run', () => {
    checkTransitionQuestions(questions, simProber, (q) => occurrenceOf(q).policies);
  });

  it.each(questions.map((q) => [q.id, q] as const))('%s: the premise happens in a fresh run, and the run does what the answer says', (_id, q) => {
    const o = occurrenceOf(q);
    const spec = QUIZ_RUNS.find((r) => r.id === o.run.id)!.spec;
    const sim = Simulation.create(spec, { seed: 1 });
    while (sim.stepCount < o.step - 1) sim.step();
    const conns = sim.snapshot().hosts[o.host].connections.filter((c) => c.state !== 'CLOSED');
    if (o.vars) expect(conns.map((c) => c.state), q.id).toContain(o.state);
    const events = sim.step();
    const moves = events.filter((e) => e.kind === 'state' && e.host === o.host);
    const next = moves.length > 0 ? (moves.at(-1) as { to: string }).to : o.state;
    const sent = events.filter((e) => e.kind === 'send' && e.host === o.host).map((e) => (e as { seg: { flags: string[]; len: number } }).seg);
    const answer = q.outcomes![q.answerId]!;
    expect(next, q.id).toBe(answer.next);
    expect(sent.map((s) => (s.len > 0 ? [...s.flags, 'data'] : [...s.flags])), q.id).toEqual(answer.sent);
  });

  it('known rows of tcp-rules.md come out as the reference says', () => {
    const answer = (id: string) => {
      const q = questions.find((x) => x.id === id);
      expect(q, id).toBeDefined();
      return q!.options.find((o) => o.id === q!.answerId)!.text;
    };
    expect(answer('transition:ESTABLISHED:close')).toBe('Sends FIN,ACK; enters FIN_WAIT_1');
    expect(answer('transition:FIN_WAIT_2:fin')).toBe('Sends ACK; enters TIME_WAIT');
    expect(answer('transition:TIME_WAIT:fin-again')).toBe('Sends ACK; stays in TIME_WAIT');
    expect(answer('transition:TIME_WAIT:2msl')).toBe('Sends nothing; enters CLOSED');
    expect(answer('transition:LAST_ACK:ack')).toBe('Sends nothing; enters CLOSED');
    expect(answer('transition:TIME_WAIT:syn-greater')).toBe('Sends SYN,ACK; enters SYN_RECEIVED');
    expect(answer('transition:TIME_WAIT:syn-greater:berkeley-off')).toBe('Sends ACK; stays in TIME_WAIT');
  });

  it('never ask the impossible premises or API misuse the issue lists', () => {
    const ids = new Set(questions.map((q) => q.id));
    for (const bad of ['FIN_WAIT_2:fin-again', 'TIME_WAIT:data', 'SYN_RECEIVED:rst', 'FIN_WAIT_2:close', 'TIME_WAIT:close', 'CLOSE_WAIT:send', 'LAST_ACK:close']) {
      expect(ids.has(`transition:${bad}`), bad).toBe(false);
    }
  });

  it('the Berkeley-rule questions say which policy is in force', () => {
    expect(questions.find((x) => x.id === 'transition:TIME_WAIT:syn-greater')!.prompt).toMatch(/Berkeley rule is on/);
    expect(questions.find((x) => x.id === 'transition:TIME_WAIT:syn-greater:berkeley-off')!.prompt).toMatch(/Berkeley rule is off/);
  });

  it('every teaching lesson but the review gets at least one transition question', () => {
    for (const lesson of ['the-close', 'msl', 'lost-final-ack', 'the-exception', 'in-practice'] as const) {
      expect(questions.some((q) => q.lessons.includes(lesson)), lesson).toBe(true);
    }
  });
});
