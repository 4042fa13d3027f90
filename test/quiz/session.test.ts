import { describe, expect, it } from 'vitest';
import { factQuestions } from '../../src/quiz/facts.js';
import { recordAnswer, recordFinishedQuiz, startQuizForProgress } from '../../src/quiz/progressBridge.js';
import { answerCurrent, currentQuestion, isFinished, quizScore, startQuiz } from '../../src/quiz/session.js';
import { emptyProgress } from '../../src/store/progress.js';
import { progressSchema } from '../../src/store/schema.js';

const T0 = Date.UTC(2026, 3, 1);
const bank = factQuestions();
const wrongOf = (q: { options: { id: string }[]; answerId: string }) => q.options.find((o) => o.id !== q.answerId)!.id;

describe('a quiz run', () => {
  it('gives feedback at once and keeps the score', () => {
    let run = startQuiz(bank.slice(0, 3), 'mixed', 1);
    const q1 = currentQuestion(run)!;
    const r1 = answerCurrent(run, q1.answerId);
    expect(r1.feedback.correct).toBe(true);
    expect(r1.feedback.lines).toHaveLength(1);
    run = r1.run;
    const q2 = currentQuestion(run)!;
    expect(q2.id).not.toBe(q1.id);
    const r2 = answerCurrent(run, wrongOf(q2));
    expect(r2.feedback.correct).toBe(false);
    expect(r2.feedback.answer.id).toBe(q2.answerId);
    expect(r2.feedback.lines).toEqual([r2.feedback.answer.explanation, r2.feedback.chosen.explanation]);
    run = r2.run;
    expect(quizScore(run)).toEqual({ correct: 1, answered: 2, total: 3 });
    expect(isFinished(run)).toBe(false);
    run = answerCurrent(run, currentQuestion(run)!.answerId).run;
    expect(isFinished(run)).toBe(true);
    expect(currentQuestion(run)).toBeUndefined();
    expect(() => answerCurrent(run, 'a')).toThrow(/finished/);
  });

  it('rejects an option id that is not in the question', () => {
    const run = startQuiz(bank.slice(0, 1), 'mixed', 1);
    expect(() => answerCurrent(run, 'z')).toThrow(/no option/);
  });
});

describe('recording into progress', () => {
  it('updates mastery and history, and a missed item comes back in the next session', () => {
    let { progress, run } = startQuizForProgress(emptyProgress(T0), bank, 'mixed', { size: 2 });
    expect(progress.quiz.sessions).toBe(1);
    const first = currentQuestion(run)!;
    let step = answerCurrent(run, first.answerId);
    progress = recordAnswer(progress, step.run, step.run.answers.at(-1)!, T0 + 1);
    run = step.run;
    const second = currentQuestion(run)!;
    step = answerCurrent(run, wrongOf(second));
    progress = recordAnswer(progress, step.run, step.run.answers.at(-1)!, T0 + 2);
    progress = recordFinishedQuiz(progress, step.run, T0 + 3);

    expect(progress.mastery[first.id]).toMatchObject({ box: 2, due: 3 });
    expect(progress.mastery[second.id]).toMatchObject({ box: 1, due: 2 });
    expect(progress.quiz.history.map((h) => [h.itemId, h.correct])).toEqual([
      [first.id, true],
      [second.id, false],
    ]);
    expect(progress.quiz.runs).toEqual([{ at: new Date(T0 + 3).toISOString(), session: 1, scope: 'mixed', correct: 1, total: 2 }]);
    expect(progressSchema.safeParse(progress).success).toBe(true);

    const next = startQuizForProgress(progress, bank, 'mixed', { size: 2 });
    expect(next.run.session).toBe(2);
    expect(next.run.questions[0]!.id).toBe(second.id); // the missed one is due first
    expect(next.run.questions.map((x) => x.id)).not.toContain(first.id); // the right one waits
  });

  it('a lesson quiz draws only from that lesson', () => {
    const { run } = startQuizForProgress(emptyProgress(T0), bank, 'the-exception', { size: 10 });
    expect(run.questions.length).toBeGreaterThan(0);
    expect(run.questions.every((q) => q.lessons.includes('the-exception'))).toBe(true);
    expect(run.scope).toBe('the-exception');
  });
});
