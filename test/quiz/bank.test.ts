// The assembled bank, and the whole UI-free loop the quiz screen drives: answer, save, quit,
// start again, and find the score, the mastery and the resume point restored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { quizBank } from '../../src/quiz/bank.js';
import { weakItems } from '../../src/quiz/mastery.js';
import { recordAnswer, recordFinishedQuiz, startQuizForProgress } from '../../src/quiz/progressBridge.js';
import { answerCurrent, currentQuestion, quizScore } from '../../src/quiz/session.js';
import { LESSON_IDS } from '../../src/quiz/types.js';
import { recordLessonStep, resumePoint } from '../../src/store/progress.js';
import { openProgress } from '../../src/store/progressStore.js';

const bank = quizBank();
let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the quiz bank', () => {
  it('holds all three kinds with unique ids, and every lesson has questions', () => {
    expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
    for (const kind of ['transition', 'scenario', 'fact'] as const) expect(bank.some((q) => q.kind === kind), kind).toBe(true);
    for (const lesson of LESSON_IDS) expect(bank.filter((q) => q.lessons.includes(lesson)).length, lesson).toBeGreaterThanOrEqual(3);
    expect(quizBank()).toBe(bank); // cached
  });

  it('every question is answerable: the answer is one of its options and every option explains itself', () => {
    for (const q of bank) {
      expect(q.options.map((o) => o.id), q.id).toContain(q.answerId);
      for (const o of q.options) expect(o.explanation.trim(), `${q.id}/${o.id}`).not.toBe('');
    }
  });
});

describe('a quiz session through saved progress', () => {
  it('one right, one wrong, quit, restart: score, mastery, weak list and resume point are restored', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-quiz-'));
    const env = { TCP_TIMEWAIT_CONFIG_DIR: dir };
    const T = Date.UTC(2026, 6, 1);
    const first = await openProgress({ env, now: T });
    let progress = recordLessonStep(first.progress, 'lost-final-ack', 3, T);
    let { progress: p1, run } = startQuizForProgress(progress, bank, 'lost-final-ack', { size: 4 });
    progress = p1;

    const q1 = currentQuestion(run)!;
    let step = answerCurrent(run, q1.answerId);
    progress = recordAnswer(progress, step.run, step.run.answers.at(-1)!, T + 1);
    run = step.run;
    const q2 = currentQuestion(run)!;
    const wrong = q2.options.find((o) => o.id !== q2.answerId)!.id;
    step = answerCurrent(run, wrong);
    expect(step.feedback.correct).toBe(false);
    progress = recordAnswer(progress, step.run, step.run.answers.at(-1)!, T + 2);
    run = step.run;
    expect(quizScore(run)).toEqual({ correct: 1, answered: 2, total: 4 });
    progress = recordFinishedQuiz(progress, run, T + 3); // quit early
    expect((await first.store.save(progress)).ok).toBe(true);

    const again = await openProgress({ env, now: T + 100 });
    expect(again.warning).toBeUndefined();
    expect(again.progress).toEqual(progress);
    expect(resumePoint(again.progress)).toEqual({ lessonId: 'lost-final-ack', step: 3 });
    expect(again.progress.quiz.runs.at(-1)).toMatchObject({ scope: 'lost-final-ack', correct: 1, total: 2 });
    expect(again.progress.mastery[q1.id]).toMatchObject({ box: 2 });
    expect(again.progress.mastery[q2.id]).toMatchObject({ box: 1, wrong: 1 });
    if (q2.kind === 'transition') expect(weakItems(bank, again.progress.mastery).map((w) => w.id)).toEqual([q2.id]);
    // The missed question comes back first next time.
    const next = startQuizForProgress(again.progress, bank, 'lost-final-ack', { size: 4 });
    expect(next.run.questions[0]!.id).toBe(q2.id);
  });
});
