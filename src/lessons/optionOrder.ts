/**
 * The order in which a predict's or question's options are shown. Lesson files keep the
 * options in the author's order (the correct one was nearly always first); the screen shows
 * them shuffled so that "press 1" or "pick the longest" is not a strategy. The shuffle is
 * seeded by a string the UI builds from the learner id and the attempt, so the order holds
 * still while the learner is on a step and changes for a retry or another learner.
 *
 * Pure: a string hash feeding the simulation's own seeded generator (src/sim/rng.ts).
 */
import { createRng, nextFloat } from '../sim/rng.js';
import type { Step } from './schema.js';

/** FNV-1a (32 bits): spreads similar seed strings (…/step3, …/step4) far apart. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A permutation of 0..count-1: entry d is the file index of the option shown in place d
 * (so the option numbered d + 1 on screen is `options[order[d]]`). Fisher-Yates.
 */
export function optionOrder(count: number, seed: string): number[] {
  const order = Array.from({ length: Math.max(0, count) }, (_, i) => i);
  const rng = createRng(hash(seed));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(nextFloat(rng) * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** The seed of one attempt at one option list, for optionOrder. */
export function optionSeed(learnerId: string, lessonId: string, step: number, question: number, attempt: number): string {
  return `${learnerId}/${lessonId}/${step}/${question}/${attempt}`;
}

/** How many options the step shows (a predict's, or question `question`'s of a questions step). */
export function optionCount(step: Step, question: number): number {
  if (step.kind === 'predict') return step.options.length;
  if (step.kind === 'questions') return step.questions[question]?.options.length ?? 0;
  return 0;
}
