/**
 * Fact questions, built from factData.ts.
 *
 * API:
 *   factQuestions() -> QuizQuestion[]   stable ids ('fact:...'), every one also tagged 'review'
 */
import { FACTS, type FactSpec } from './factData.js';
import { arrangeOptions } from './shuffle.js';
import type { QuizQuestion } from './types.js';

export function factQuestion(spec: FactSpec): QuizQuestion {
  const { options, answerId } = arrangeOptions(spec.id, spec.right, spec.wrong);
  const lessons = spec.lessons.includes('review') ? spec.lessons : [...spec.lessons, 'review' as const];
  return { id: spec.id, kind: 'fact', prompt: spec.prompt, options, answerId, lessons, topic: spec.topic, source: spec.source };
}

export function factQuestions(): QuizQuestion[] {
  return FACTS.map(factQuestion);
}
