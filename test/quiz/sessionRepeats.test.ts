// Sessions of 10: never a question twice in one session, and the next session repeats only what
// was missed. Mastery is told in words, never as a box number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quizBank } from '../../src/quiz/bank.js';
import { masteryWords, reviewItem } from '../../src/quiz/mastery.js';
import { recordAnswer, startQuizForProgress } from '../../src/quiz/progressBridge.js';
import { answerCurrent, currentQuestion } from '../../src/quiz/session.js';
import { emptyProgress } from '../../src/store/progress.js';

const bank = quizBank();

describe('sessions', () => {
  it('property: a 10-question session never repeats, and the next one repeats only the missed', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), fc.constantFrom('mixed' as const, 'the-close' as const, 'in-practice' as const), (rights, scope) => {
        let { progress, run } = startQuizForProgress(emptyProgress(0), bank, scope, { size: 10 });
        const first = run.questions.map((q) => q.id);
        expect(new Set(first).size).toBe(first.length);
        const missed: string[] = [];
        for (const right of rights) {
          const q = currentQuestion(run);
          if (!q) break;
          const pick = right ? q.answerId : q.options.find((o) => o.id !== q.answerId)!.id;
          const step = answerCurrent(run, pick);
          if (!right) missed.push(q.id);
          progress = recordAnswer(progress, step.run, step.run.answers.at(-1)!, 1);
          run = step.run;
        }
        const next = startQuizForProgress(progress, bank, scope, { size: 10 }).run.questions.map((q) => q.id);
        expect(new Set(next).size).toBe(next.length);
        const repeated = next.filter((id) => first.includes(id));
        // Only missed questions come back next session (and a lesson pool smaller than 20 may have to refill).
        const pool = scope === 'mixed' ? bank.length : bank.filter((q) => q.lessons.includes(scope)).length;
        if (pool >= 20) expect(repeated.every((id) => missed.includes(id))).toBe(true);
        for (const id of missed) if (pool >= 20) expect(next).toContain(id);
      }),
      { numRuns: 25 },
    );
  });

  it('mastery is said in plain words', () => {
    expect(masteryWords(undefined, 1)).toBe('new');
    const wrong = reviewItem(undefined, false, 1);
    expect(masteryWords(wrong, 1)).toBe('again next session');
    let rec = reviewItem(undefined, true, 1);
    expect(masteryWords(rec, 1)).toBe('again in 2 sessions');
    rec = reviewItem(rec, true, 3);
    rec = reviewItem(rec, true, 7);
    expect(masteryWords(rec, 7)).toBe('known');
    for (const r of [wrong, rec]) expect(masteryWords(r, 7)).not.toMatch(/box|\d+\/\d+/);
  });
});
