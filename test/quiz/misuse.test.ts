// The API-misuse set: close() again and send() after close() on a closing connection. Each
// premise is a real moment of a run, each marked answer is replayed on the simulator (the run
// played again with the call scripted in) and on the probe, and the set never reaches a lesson's
// quiz, only the mixed review.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quizBank } from '../../src/quiz/bank.js';
import { misuseQuestions, withExtraCall } from '../../src/quiz/misuse.js';
import { startQuizForProgress } from '../../src/quiz/progressBridge.js';
import { QUIZ_RUNS } from '../../src/quiz/runObserver.js';
import { KIND_LABELS, LESSON_IDS, type QuizQuestion } from '../../src/quiz/types.js';
import { Simulation, type TraceEvent } from '../../src/sim/index.js';
import { probeTransition, PROBE_EVENTS } from '../../src/sim/probe.js';
import { emptyProgress } from '../../src/store/progress.js';

const bank = quizBank();
const set = bank.filter((q) => q.kind === 'misuse');

function play(spec: (typeof QUIZ_RUNS)[number]['spec']): Simulation {
  const sim = Simulation.create(spec, { seed: 1 });
  while (!sim.isQuiet() && sim.stepCount < 50_000) sim.step();
  return sim;
}
const runOf = (id: string) => QUIZ_RUNS.find((r) => r.id === id)!.spec;
const withoutStep = (t: readonly TraceEvent[]) => t.map((e) => JSON.stringify({ ...e, step: 0 }));

describe('the API-misuse set', () => {
  it('holds close() again and send() after close() in every closing state: 6 to 10 questions', () => {
    expect(set.length).toBeGreaterThanOrEqual(6);
    expect(set.length).toBeLessThanOrEqual(10);
    const ids = set.map((q) => q.id);
    for (const state of ['FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSING', 'LAST_ACK', 'TIME_WAIT']) expect(ids).toContain(`misuse:${state}:close`);
    for (const state of ['FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT']) expect(ids).toContain(`misuse:${state}:send`);
    expect(misuseQuestions()).toBe(misuseQuestions()); // cached
  });

  it('is labelled as API misuse: its kind line and every topic shown in the results', () => {
    expect(KIND_LABELS.misuse).toMatch(/^API misuse: /);
    for (const q of set) expect(q.topic, q.id).toMatch(/^API misuse: /);
  });

  it.each(set.map((q) => [q.id, q] as const))('%s: cites RFC 9293 §3.10.2 or §3.10.4, and its options are misconceptions with reasons', (_id, q) => {
    const section = q.misuse!.call === 'close' ? '§3.10.4' : '§3.10.2';
    expect(q.source).toContain(`RFC 9293 ${section}`);
    expect(q.source).toContain('simulator run');
    expect(q.options).toHaveLength(4);
    for (const o of q.options) expect(o.explanation).toContain(section);
    const right = q.options.find((o) => o.id === q.answerId)!;
    expect(right.text).toMatch(/^Nothing is sent and the call fails/);
    expect(right.explanation).toContain('"error: connection closing"');
    // Each option predicts a different outcome, so the simulator can tell them apart.
    const outcomes = q.options.map((o) => JSON.stringify(q.outcomes![o.id]));
    expect(new Set(outcomes).size).toBe(4);
  });

  it.each(set.map((q) => [q.id, q] as const))('%s: the premise is a real moment of the run: the endpoint is in that state, after its own close()', (_id, q) => {
    const r = q.misuse!;
    const sim = Simulation.create(runOf(r.run), { seed: 1 });
    sim.runToTime(r.at / 1_000_000);
    const states = sim.snapshot().hosts[r.host].connections.map((c) => c.state);
    expect(states).toContain(r.state);
    const closed = sim.trace.some((e) => e.kind === 'state' && e.host === r.host && /^close\(\)/.test(e.cause));
    expect(closed).toBe(true);
    expect(q.premise!.join('\n')).toContain(`The ${r.host} is in ${r.state}.`);
  });

  it.each(set.map((q) => [q.id, q] as const))('%s: replayed on the simulator, the call sends nothing and changes nothing, as marked', (_id, q) => {
    const r = q.misuse!;
    const marked = q.outcomes![q.answerId]!;
    expect(marked).toEqual({ sent: [], next: r.state });
    // The whole run with the call scripted in is the run without it, event for event.
    const plain = play(runOf(r.run));
    const withCall = play(withExtraCall(runOf(r.run), r));
    expect(withoutStep(withCall.trace)).toEqual(withoutStep(plain.trace));
    // One engine step more: the call did run.
    expect(withCall.stepCount).toBe(plain.stepCount + 1);
    // The probe gives the same call to an endpoint in that state and agrees.
    const probed = probeTransition({ state: r.state, event: PROBE_EVENTS[r.call].event });
    expect(probed.sent).toEqual([]);
    expect(probed.next).toBe(r.state);
    // And no other option describes what happened.
    for (const o of q.options) if (o.id !== q.answerId) expect(q.outcomes![o.id], o.text).not.toEqual(marked);
  });

  it('a call that is not misuse does show up in a replay: close() in ESTABLISHED sends a FIN (the check can fail)', () => {
    const spec = runOf('normal-close');
    const plain = play(spec);
    const early = play(withExtraCall(spec, { host: 'client', state: 'ESTABLISHED', call: 'close', after: 0.01 }));
    expect(withoutStep(early.trace)).not.toEqual(withoutStep(plain.trace));
  });
});

describe('where the set appears', () => {
  const isMisuse = (q: QuizQuestion) => q.kind === 'misuse' || /misuse/.test(q.id);

  it('belongs to no lesson', () => {
    for (const q of set) expect(q.lessons, q.id).toEqual([]);
  });

  it('property: no lesson quiz session ever contains a misuse question', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LESSON_IDS), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 5, max: 40 }), (lesson, session, size) => {
        const progress = { ...emptyProgress(0), quiz: { ...emptyProgress(0).quiz, sessions: session } };
        const { run } = startQuizForProgress(progress, bank, lesson, { size });
        expect(run.questions.filter(isMisuse).map((q) => q.id)).toEqual([]);
      }),
      { numRuns: 60 },
    );
    // Even a lesson quiz as large as its whole pool.
    for (const lesson of LESSON_IDS) {
      const { run } = startQuizForProgress(emptyProgress(0), bank, lesson, { size: bank.length });
      expect(run.questions.some(isMisuse), lesson).toBe(false);
    }
  });

  it('the mixed review can ask them: the first mixed session of 10 has one, and the whole bank has all', () => {
    const first = startQuizForProgress(emptyProgress(0), bank, 'mixed', { size: 10 }).run;
    expect(first.questions.some(isMisuse)).toBe(true);
    // Among new items it comes last in each round of kinds: never first, once per session of 10.
    for (let sessions = 0; sessions < 50; sessions++) {
      const progress = { ...emptyProgress(0), quiz: { ...emptyProgress(0).quiz, sessions } };
      const qs = startQuizForProgress(progress, bank, 'mixed', { size: 10 }).run.questions;
      expect(isMisuse(qs[0]!), `session ${sessions + 1}`).toBe(false);
      expect(qs.filter(isMisuse), `session ${sessions + 1}`).toHaveLength(1);
    }
    const all = startQuizForProgress(emptyProgress(0), bank, 'mixed', { size: bank.length }).run;
    expect(all.questions.filter(isMisuse)).toHaveLength(set.length);
  });
});
