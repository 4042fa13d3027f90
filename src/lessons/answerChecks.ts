/**
 * Checks on a lesson's answers that a learner could game or that would read as a contradiction:
 * - the correct options pile up at one position (in the file; the screen shuffles, but the
 *   file order is what an author reads and what the record's indexes mean);
 * - the correct option is the longest one too often (length gives the answer away);
 * - an explanation opens with a verdict ("Right", "Correct") that the screen's own verdict
 *   contradicts or repeats: a wrong option's explanation is shown under "Not quite", and the
 *   correct one's under "The answer is ...", after a wrong pick as well as a right one.
 */
import type { Diagnostic } from './diagnostics.js';
import type { Lesson } from './loader.js';
import type { DataPath } from './yamlSource.js';

/** A position may hold at most this share of a lesson's correct answers (when avoidable). */
export const POSITION_SHARE_LIMIT = 0.4;
/** The correct option may be the strictly longest in at most this share of the questions. */
export const LONGEST_SHARE_LIMIT = 0.5;
/** Lessons with fewer option lists than this are too small for a share to mean anything. */
export const MIN_QUESTIONS = 4;

export interface OptionList {
  path: DataPath;
  options: ReadonlyArray<{ text: string; correct?: boolean | undefined; explanation: string }>;
}

/** Every predict's and question's options, with where they sit in the file. */
export function optionLists(lesson: Pick<Lesson, 'steps'>): OptionList[] {
  const out: OptionList[] = [];
  lesson.steps.forEach((s, i) => {
    if (s.kind === 'predict') out.push({ path: ['steps', i, 'options'], options: s.options });
    if (s.kind === 'questions') s.questions.forEach((q, k) => out.push({ path: ['steps', i, 'questions', k, 'options'], options: q.options }));
  });
  return out;
}

export interface AnswerStats {
  /** Option lists with exactly one correct option. */
  questions: number;
  /** byPosition[p]: how many have their correct option at position p (0-based). */
  byPosition: number[];
  /** How many have a correct option strictly longer than every other option. */
  longestCorrect: number;
  /** The most options any list has. */
  maxOptions: number;
}

export function answerStats(lists: readonly OptionList[]): AnswerStats {
  const stats: AnswerStats = { questions: 0, byPosition: [], longestCorrect: 0, maxOptions: 0 };
  for (const { options } of lists) {
    const c = options.findIndex((o) => o.correct === true);
    if (c < 0 || options.filter((o) => o.correct === true).length > 1) continue; // staticChecks reports these
    stats.questions++;
    stats.maxOptions = Math.max(stats.maxOptions, options.length);
    stats.byPosition[c] = (stats.byPosition[c] ?? 0) + 1;
    const len = options[c]!.text.trim().length;
    if (options.every((o, j) => j === c || o.text.trim().length < len)) stats.longestCorrect++;
  }
  return stats;
}

/**
 * The most correct answers one position may hold: the share limit, or the fewest the count
 * allows when that is more (7 three-option questions must put 3 somewhere).
 */
export function positionAllowance(questions: number, maxOptions: number): number {
  return Math.max(Math.floor(POSITION_SHARE_LIMIT * questions), Math.ceil(questions / Math.max(1, maxOptions)));
}

const VERDICT = /^\s*(right|correct)\b/i;

export function answerChecks(lesson: Lesson): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (path: DataPath, found: string, expected: string, severity: Diagnostic['severity'] = 'warning'): void => {
    out.push({ file: lesson.file, ...lesson.pos(path), severity, found, expected });
  };
  const lists = optionLists(lesson);
  for (const { path, options } of lists) {
    options.forEach((o, j) => {
      if (!VERDICT.test(o.explanation)) return;
      if (o.correct === true) warn([...path, j, 'explanation'], 'a correct option\'s explanation that opens with a verdict', 'the reason only: the screen says "Right" or "The answer is" itself');
      else warn([...path, j, 'explanation'], 'a wrong option\'s explanation that opens with "Right"/"Correct"', 'an explanation that agrees with "Not quite"', 'error');
    });
  }
  const stats = answerStats(lists);
  if (stats.questions < MIN_QUESTIONS) return out;
  const first = lists[0]!.path;
  const allowed = positionAllowance(stats.questions, stats.maxOptions);
  stats.byPosition.forEach((n, p) => {
    if (n > allowed) warn(first, `${n} of ${stats.questions} correct answers at option ${p + 1}`, `at most ${allowed} at one position (reorder the options)`);
  });
  if (stats.longestCorrect > LONGEST_SHARE_LIMIT * stats.questions) {
    warn(first, `the correct option is the longest in ${stats.longestCorrect} of ${stats.questions} questions`, `at most half (tighten the right answers or give the wrong ones substance)`);
  }
  return out;
}
