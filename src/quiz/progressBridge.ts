/**
 * Recording quiz results in saved progress (store) through the Leitner rules (mastery).
 *
 * API:
 *   startQuizForProgress(progress, bank, scope, { size? }) -> { progress, run }
 *       ticks the session counter and selects: a mixed review for scope 'mixed', else that lesson's quiz
 *   recordAnswer(progress, run, answer, now) -> Progress   after answerCurrent(): history + mastery
 *   recordFinishedQuiz(progress, run, now) -> Progress      one summary line for the run
 */
import { beginQuizSession, recordQuizAnswer, recordQuizRun } from '../store/progress.js';
import type { Progress } from '../store/schema.js';
import { reviewItem } from './mastery.js';
import { selectLessonQuiz, selectMixedReview } from './selection.js';
import { quizScore, startQuiz, type QuizAnswer, type QuizRun } from './session.js';
import { LESSON_IDS, type LessonId, type QuizQuestion } from './types.js';

export function startQuizForProgress(
  progress: Progress,
  bank: readonly QuizQuestion[],
  scope: 'mixed' | LessonId,
  options: { size?: number } = {},
): { progress: Progress; run: QuizRun } {
  const begun = beginQuizSession(progress);
  const questions =
    scope === 'mixed'
      ? selectMixedReview(bank, begun.progress.mastery, begun.session, options)
      : selectLessonQuiz(bank, scope, begun.progress.mastery, begun.session, options);
  return { progress: begun.progress, run: startQuiz(questions, scope, begun.session, begun.progress.learnerId ?? '') };
}

export function recordAnswer(progress: Progress, run: QuizRun, answer: QuizAnswer, now: number): Progress {
  const card = reviewItem(progress.mastery[answer.questionId], answer.correct, run.session);
  return recordQuizAnswer(
    progress,
    {
      at: new Date(now).toISOString(),
      session: run.session,
      itemId: answer.questionId,
      correct: answer.correct,
      choice: answer.choice,
      scope: run.scope,
    },
    card,
  );
}

export function recordFinishedQuiz(progress: Progress, run: QuizRun, now: number): Progress {
  const s = quizScore(run);
  return recordQuizRun(progress, {
    at: new Date(now).toISOString(),
    session: run.session,
    scope: run.scope,
    correct: s.correct,
    total: s.answered,
  });
}

export function isLessonId(id: string): id is LessonId {
  return (LESSON_IDS as readonly string[]).includes(id);
}
