/**
 * One quiz being taken: which question is current, the answers so far, the score, and the
 * feedback for each answer. Pure; the TUI keeps a QuizRun in its state and replaces it.
 *
 * API:
 *   startQuiz(questions, scope, session, learner?) -> QuizRun   scope: 'mixed' or a lesson id;
 *                                                         options reshuffled for this showing,
 *                                                         keyed by learner id + session + question
 *   currentQuestion(run) -> QuizQuestion | undefined      undefined once finished
 *   answerCurrent(run, optionId) -> { run, feedback }     throws only on a programming error
 *                                                         (unknown option id, or quiz finished)
 *   quizScore(run) -> { correct, answered, total }
 *   isFinished(run)
 */
import { reshuffleOptions } from './shuffle.js';
import type { QuizOption, QuizQuestion } from './types.js';

export interface QuizAnswer {
  questionId: string;
  choice: string;
  correct: boolean;
}

export interface QuizRun {
  scope: string;
  session: number;
  questions: readonly QuizQuestion[];
  answers: readonly QuizAnswer[];
}

export interface Feedback {
  correct: boolean;
  question: QuizQuestion;
  chosen: QuizOption;
  answer: QuizOption;
  /** Why the right answer is right; then, after a wrong pick, why that pick is wrong. */
  lines: string[];
}

export function startQuiz(questions: readonly QuizQuestion[], scope: string, session: number, learner = ''): QuizRun {
  const shown = questions.map((q) => reshuffleOptions(q, `${learner}:${session}:${q.id}`));
  return { scope, session, questions: shown, answers: [] };
}

export function isFinished(run: QuizRun): boolean {
  return run.answers.length >= run.questions.length;
}

export function currentQuestion(run: QuizRun): QuizQuestion | undefined {
  return run.questions[run.answers.length];
}

export function answerCurrent(run: QuizRun, optionId: string): { run: QuizRun; feedback: Feedback } {
  const question = currentQuestion(run);
  if (!question) throw new Error('answerCurrent: the quiz is finished');
  const chosen = question.options.find((o) => o.id === optionId);
  if (!chosen) throw new Error(`answerCurrent: no option "${optionId}" in ${question.id}`);
  const answer = question.options.find((o) => o.id === question.answerId)!;
  const correct = chosen.id === answer.id;
  const lines = correct ? [answer.explanation] : [answer.explanation, chosen.explanation];
  return {
    run: { ...run, answers: [...run.answers, { questionId: question.id, choice: optionId, correct }] },
    feedback: { correct, question, chosen, answer, lines },
  };
}

export function quizScore(run: QuizRun): { correct: number; answered: number; total: number } {
  return {
    correct: run.answers.filter((a) => a.correct).length,
    answered: run.answers.length,
    total: run.questions.length,
  };
}
