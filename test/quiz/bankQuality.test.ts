// Table-driven checks over the whole bank: size, kinds, sources, honest options, and every
// state-now and order answer replayed on a fresh simulator run.
import { describe, expect, it } from 'vitest';
import { quizBank } from '../../src/quiz/bank.js';
import { QUIZ_RUNS } from '../../src/quiz/runObserver.js';
import { Simulation } from '../../src/sim/index.js';
import type { QuizQuestion } from '../../src/quiz/types.js';

const bank = quizBank();
const FILLER = [/half-units/i, /insecure/i, /close\(\) twice/i, /box \d/i];
const words = (t: string) => t.trim().split(/\s+/).length;

function freshRun(id: string) {
  const spec = QUIZ_RUNS.find((r) => r.id === id)!.spec;
  return Simulation.create(spec, { seed: 1 });
}

describe('the quiz bank as a whole', () => {
  it('holds at least 60 distinct questions of six kinds', () => {
    expect(bank.length).toBeGreaterThanOrEqual(60);
    expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
    // Distinct as questions, not just ids: no two share premise, prompt and options.
    const asked = bank.map((q) => JSON.stringify([q.premise ?? [], q.prompt, q.options.map((o) => o.text).sort()]));
    expect(new Set(asked).size).toBe(bank.length);
    for (const kind of ['transition', 'state-now', 'order', 'scenario', 'fact'] as const) {
      expect(bank.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
      expect(bank.filter((q) => q.kind === 'cause').length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(bank.map((q) => [q.id, q] as const))('%s: sourced, honest options, explanations that do not contradict the verdict', (_id, q) => {
    expect(q.source.trim()).not.toBe('');
    expect(q.source).toMatch(/RFC|reference|simulator run|Linux|TCPv2|Berkeley/);
    expect(q.options.length).toBeGreaterThanOrEqual(3);
    expect(q.options.map((o) => o.id)).toContain(q.answerId);
    expect(new Set(q.options.map((o) => o.text)).size).toBe(q.options.length);
    // Each wrong option has its own explanation.
    const wrongWhy = q.options.filter((o) => o.id !== q.answerId).map((o) => o.explanation);
    expect(new Set(wrongWhy).size).toBe(wrongWhy.length);
    for (const o of q.options) {
      expect(words(o.text), `${o.text}`).toBeGreaterThanOrEqual(3);
      for (const f of FILLER) expect(o.text, o.text).not.toMatch(f);
      expect(o.explanation.length, o.text).toBeGreaterThan(20);
      // The screen prints the one verdict; explanations never open with one.
      expect(o.explanation).not.toMatch(/^(Right|Wrong|Correct|Not this)\b/);
    }
    // The right option's explanation never argues against itself.
    const right = q.options.find((o) => o.id === q.answerId)!;
    expect(right.explanation).not.toMatch(/^(Not |It does (indeed )?send|The state is right|That is what an endpoint)/);
    // The prompt does not give away the answer.
    expect(q.prompt).not.toContain(right.text);
  });

  it('state-now answers: replaying the run to the pause puts the endpoint in the marked state', () => {
    const qs = bank.filter((q) => q.kind === 'state-now');
    for (const q of qs) {
      const p = q.pause!;
      const sim = freshRun(p.run);
      while (sim.stepCount < p.step) sim.step();
      const states = sim.snapshot().hosts[p.host].connections.map((c) => c.state);
      const marked = q.options.find((o) => o.id === q.answerId)!.text;
      expect(marked, q.id).toBe(`The ${p.host} is in ${p.state}`);
      // A closed connection may already be gone from the view; otherwise it is there.
      if (p.state !== 'CLOSED') expect(states, q.id).toContain(p.state);
      else expect(states.filter((s) => s !== 'CLOSED' && s !== 'TIME_WAIT').length, q.id).toBeLessThanOrEqual(1);
    }
  });

  it('order answers: the marked order is the order a fresh run sends those segments', () => {
    for (const q of bank.filter((x) => x.kind === 'order')) {
      const sim = freshRun(q.sequence!.run);
      const sendSteps: number[] = [];
      while (!sim.isQuiet() && sim.stepCount < 50_000) {
        for (const e of sim.step()) if (e.kind === 'send' && (e.host === 'client' || e.host === 'server')) sendSteps.push(e.step);
      }
      const steps = q.sequence!.steps;
      expect([...steps].sort((a, b) => a - b), q.id).toEqual(steps);
      for (const s of steps) expect(sendSteps, q.id).toContain(s);
      // The premise lists the segments under letters, not in the sent order.
      const letters = q.options.find((o) => o.id === q.answerId)!.text.split(', ');
      expect(letters, q.id).not.toEqual([...letters].sort());
    }
  });

  it('API misuse never opens a lesson quiz: no close() after close(), no send() after close()', () => {
    const misuse = (q: QuizQuestion) => /transition:(FIN_WAIT_1|FIN_WAIT_2|CLOSING|LAST_ACK|TIME_WAIT|CLOSED|LISTEN):(close|send)/.test(q.id);
    expect(bank.filter(misuse).map((q) => q.id)).toEqual([]);
  });
});

describe('cause-this questions', () => {
  it('every spec yields a question, and only the marked option reaches the goal in a fresh run', async () => {
    const { CAUSE_SPECS, reaches } = await import('../../src/quiz/cause.js');
    const qs = bank.filter((q) => q.kind === 'cause');
    expect(qs.map((q) => q.id)).toEqual(CAUSE_SPECS.map((s) => `cause:${s.name}`));
    for (const spec of CAUSE_SPECS) {
      const q = qs.find((x) => x.id === `cause:${spec.name}`)!;
      const marked = q.options.find((o) => o.id === q.answerId)!.text;
      for (const o of spec.options) expect(reaches(spec, o), `${q.id}: ${o.text}`).toBe(o.text === marked);
    }
  });
});
