/**
 * One quiz being taken: which question is current, the answers so far, the score, and the
 * feedback for each answer. Pure; the TUI keeps a QuizRun in its state and replaces it.
 *
 * API:
 *   startQuiz(questions, scope, session) -> QuizRun      scope: 'mixed' or a lesson id
 *   currentQuestion(run) -> QuizQuestion | undefined      undefined once finished
 *   answerCurrent(run, optionId) -> { run, feedback }     throws only on a programming error
 *                                                         (unknown option id, or quiz finished)
 *   quizScore(run) -> { correct, answered, total }
 *   isFinished(run)
 */
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
  /** The explanation of the chosen option, then (if wrong) of the right one. */
  lines: string[];
}

export function startQuiz(questions: readonly QuizQuestion[], scope: string, session: number): QuizRun {
  return { scope, session, questions, answers: [] };
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
  const lines = correct ? [chosen.explanation] : [chosen.explanation, answer.explanation];
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
