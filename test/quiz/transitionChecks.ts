/**
 * Checks every transition question against the prober that made it: shared by the test on the
 * real simulator (transitionsSim.test.ts) and the one on a stand-in prober (transitions.test.ts).
 */
import { expect } from 'vitest';
import { outcomeOf } from '../../src/quiz/transitions.js';
import { outcomeText } from '../../src/quiz/transitionText.js';
import type { Prober } from '../../src/quiz/probeTypes.js';
import type { QuizQuestion } from '../../src/quiz/types.js';
import type { Policies } from '../../src/sim/policy.js';

export function checkTransitionQuestions(
  questions: QuizQuestion[],
  prober: Prober,
  policiesOf: (q: QuizQuestion) => Partial<Policies> = () => ({}),
): void {
  const cases = prober.enumerateProbeCases();
  expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  for (const q of questions) {
    const [, state, key] = q.id.split(':');
    const c = cases.find((x) => x.state === state && x.key === key);
    expect(c, `${q.id}: a probe case`).toBeDefined();
    if (!c) continue;
    // The marked answer is what the simulator does, probed afresh under the question's policies.
    const fresh = outcomeOf(prober.probeTransition(c, policiesOf(q)));
    expect(q.outcomes?.[q.answerId], `${q.id}: marked answer`).toEqual(fresh);
    // 4 options, unique by text and by outcome; no distractor equals the answer.
    expect(q.options.length, q.id).toBe(4);
    expect(new Set(q.options.map((o) => o.text)).size, `${q.id}: option texts`).toBe(q.options.length);
    const keys = q.options.map((o) => JSON.stringify(q.outcomes?.[o.id]));
    expect(new Set(keys).size, `${q.id}: option outcomes`).toBe(q.options.length);
    for (const o of q.options) {
      expect(q.outcomes?.[o.id], `${q.id}: outcome of ${o.id}`).toBeDefined();
      // What the learner reads is the outcome that is checked.
      expect(o.text, `${q.id}: text of ${o.id}`).toBe(outcomeText(c.state, q.outcomes![o.id]!));
      if (o.id !== q.answerId) expect(q.outcomes?.[o.id], `${q.id}: distractor ${o.id}`).not.toEqual(fresh);
      // Every explanation names the RFC rule the answer rests on.
      expect(o.explanation, `${q.id}: explanation of ${o.id}`).toContain(c.rfc);
    }
    // The premise names the state; the prompt asks, and never opens with a verdict.
    expect(q.premise?.join('\n'), q.id).toContain(`is in ${c.state}`);
    expect(q.lessons).toContain('review');
    expect(q.showMe?.state).toBe(c.state);
    expect(q.showMe?.next).toBe(fresh.next);
  }
}
