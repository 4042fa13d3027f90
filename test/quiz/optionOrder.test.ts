// Options are reshuffled at every showing, seeded by learner id and session, so no position
// carries the answer: checked as a property over seeds and as a distribution over the bank.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quizBank } from '../../src/quiz/bank.js';
import { startQuizForProgress } from '../../src/quiz/progressBridge.js';
import { startQuiz } from '../../src/quiz/session.js';
import { reshuffleOptions } from '../../src/quiz/shuffle.js';
import { emptyProgress, withLearnerId } from '../../src/store/progress.js';

const bank = quizBank();
const rightText = (q: (typeof bank)[number]) => q.options.find((o) => o.id === q.answerId)!.text;

describe('option order', () => {
  it('property: a reshuffle keeps every option, its explanation and outcome, and the answer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bank.length - 1 }), fc.string(), fc.nat(10_000), (i, learner, session) => {
        const q = bank[i]!;
        const s = reshuffleOptions(q, `${learner}:${session}:${q.id}`);
        expect(s.options.map((o) => o.id)).toEqual(q.options.map((o) => o.id));
        expect(rightText(s)).toBe(rightText(q));
        expect([...s.options.map((o) => o.text + o.explanation)].sort()).toEqual([...q.options.map((o) => o.text + o.explanation)].sort());
        if (q.outcomes) {
          for (const o of s.options) {
            const before = q.options.find((x) => x.text === o.text)!;
            expect(s.outcomes![o.id]).toEqual(q.outcomes[before.id]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: the same learner and session see the same order; another session usually another', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(1000), (learner, session) => {
        const a = startQuiz(bank, 'mixed', session, learner);
        const b = startQuiz(bank, 'mixed', session, learner);
        expect(a.questions).toEqual(b.questions);
        const c = startQuiz(bank, 'mixed', session + 1, learner);
        const changed = c.questions.filter((q, i) => q.answerId !== a.questions[i]!.answerId).length;
        expect(changed).toBeGreaterThan(bank.length / 3);
      }),
      { numRuns: 20 },
    );
  });

  it('no position holds the answer more than 40% of the time, across the bank and across sessions', () => {
    const share = (answerIds: string[]) => {
      const counts = new Map<string, number>();
      for (const id of answerIds) counts.set(id, (counts.get(id) ?? 0) + 1);
      return Math.max(...counts.values()) / answerIds.length;
    };
    // The bank as stored.
    expect(share(bank.map((q) => q.answerId))).toBeLessThanOrEqual(0.4);
    // Each showing over 20 sessions of 3 learners.
    const shown: string[] = [];
    for (const learner of ['a1', 'b2', 'c3']) {
      for (let session = 1; session <= 20; session++) {
        const run = startQuiz(bank, 'mixed', session, learner);
        expect(share(run.questions.map((q) => q.answerId)), `${learner}/${session}`).toBeLessThanOrEqual(0.45);
        shown.push(...run.questions.map((q) => q.answerId));
      }
    }
    expect(share(shown)).toBeLessThanOrEqual(0.4);
    // And one question's answer moves around between sessions.
    const q = bank.find((x) => x.id === 'fact:why-2msl')!;
    const places = new Set(Array.from({ length: 12 }, (_, s) => startQuiz([q], 'mixed', s + 1, 'a1').questions[0]!.answerId));
    expect(places.size).toBeGreaterThanOrEqual(3);
  });

  it('the learner id saved in progress seeds the order', () => {
    const p1 = withLearnerId(emptyProgress(0), 'learner-one');
    const p2 = withLearnerId(emptyProgress(0), 'learner-two');
    const a = startQuizForProgress(p1, bank, 'mixed').run.questions.map((q) => q.answerId);
    const b = startQuizForProgress(p2, bank, 'mixed').run.questions.map((q) => q.answerId);
    expect(startQuizForProgress(p1, bank, 'mixed').run.questions.map((q) => q.answerId)).toEqual(a);
    expect(a).not.toEqual(b);
  });
});
