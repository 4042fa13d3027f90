import { describe, expect, it } from 'vitest';
import { describeSummary } from '../../src/quiz/eventSummary.js';
import { SCENARIO_QUESTIONS, type ScenarioQuestionSpec } from '../../src/quiz/scenarioData.js';
import { buildScenarioQuestions, nextSignificantEvent } from '../../src/quiz/scenarios.js';
import { Simulation, getScenario } from '../../src/sim/index.js';
import { LESSON_IDS } from '../../src/quiz/types.js';

const { questions, problems } = buildScenarioQuestions();

describe('scenario questions', () => {
  it('every spec yields a question', () => {
    expect(problems).toEqual([]);
    expect(questions.map((q) => q.id)).toEqual(SCENARIO_QUESTIONS.map((s) => s.id));
  });

  it.each(SCENARIO_QUESTIONS.map((s) => [s.id, s] as const))('%s: the simulation still does what the explanation says', (_id, spec) => {
    expect(describeSummary(nextSignificantEvent(spec).summary)).toBe(spec.expected);
  });

  it('have 4 unique options, the answer marked, and an explanation on each', () => {
    for (const q of questions) {
      expect(q.options, q.id).toHaveLength(4);
      expect(new Set(q.options.map((o) => o.text)).size, q.id).toBe(4);
      const spec = SCENARIO_QUESTIONS.find((s) => s.id === q.id)!;
      expect(q.options.find((o) => o.id === q.answerId)!.text).toBe(spec.expected);
      for (const o of q.options) expect(o.explanation.length).toBeGreaterThan(20);
      expect(q.lessons).toContain('review');
      for (const l of q.lessons) expect(LESSON_IDS).toContain(l);
    }
  });

  it('the reveal plays from the pause to the answer event', () => {
    for (const q of questions) {
      const reveal = q.reveal!;
      const sim = Simulation.create(getScenario(reveal.scenario)!, { seed: reveal.seed });
      expect(sim.runUntil(reveal.pauseAt, { maxSteps: 100_000 }).reached, q.id).toBe(true);
      const played = sim.runUntil(reveal.revealUntil, { maxSteps: 100_000 });
      expect(played.reached, q.id).toBe(true);
      const spec = SCENARIO_QUESTIONS.find((s) => s.id === q.id)!;
      expect(played.event?.step, q.id).toBe(nextSignificantEvent(spec).event.step);
    }
  });

  it('take the answer from the run, not from `expected`', () => {
    // A spec whose belief is wrong still gets the simulator's answer, without the stale reason.
    const base = SCENARIO_QUESTIONS[0]!;
    const wrongBelief: ScenarioQuestionSpec = { ...base, id: 'scenario:test', expected: 'The client sends RST', why: 'STALE REASON' };
    const [q] = buildScenarioQuestions([wrongBelief]).questions;
    expect(q!.options.find((o) => o.id === q!.answerId)!.text).toBe(base.expected);
    expect(q!.options.map((o) => o.explanation).join(' ')).not.toContain('STALE REASON');
  });

  it('leave out (and report) a spec whose pause point is never reached', () => {
    const never: ScenarioQuestionSpec = { ...SCENARIO_QUESTIONS[0]!, id: 'scenario:never', pauseAt: { kind: 'alert', alert: 'old-duplicate-accepted' } };
    const built = buildScenarioQuestions([never]);
    expect(built.questions).toEqual([]);
    expect(built.problems[0]).toMatch(/never reaches/);
  });
});
