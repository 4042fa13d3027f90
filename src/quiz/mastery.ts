/**
 * Mastery per quiz item, by Leitner boxes. Pure; the clock is the quiz-session counter kept in
 * progress (progress.quiz.sessions), never the wall clock, so a learner who stops for a month
 * resumes exactly where the schedule left them.
 *
 * API:
 *   BOX_INTERVALS          sessions until an item in box 1..5 is due again
 *   reviewItem(rec, correct, session) -> MasteryRecord   right: up one box; wrong: back to box 1
 *   isDue(rec, session)    rec.due <= session
 *   itemStatus(rec, session) -> 'new' | 'due' | 'learning' | 'mastered'
 *   weakItems(questions, mastery, { kind? }) -> WeakItem[]   seen items still in box 1-2, weakest first
 *   masteryWords(rec, session) -> string   "new", "again next session", "again in N sessions", "known"
 */
import type { MasteryRecord } from '../store/schema.js';
import type { QuestionKind, QuizQuestion } from './types.js';

export type { MasteryRecord };

export const MIN_BOX = 1;
export const MAX_BOX = 5;
/** Box n is due BOX_INTERVALS[n-1] sessions after its last review: 1, 2, 4, 8, 16. */
export const BOX_INTERVALS: readonly number[] = [1, 2, 4, 8, 16];

export function intervalFor(box: number): number {
  return BOX_INTERVALS[Math.min(MAX_BOX, Math.max(MIN_BOX, box)) - 1]!;
}

export function reviewItem(rec: MasteryRecord | undefined, correct: boolean, session: number): MasteryRecord {
  // A never-seen item counts as sitting in box 1, so a first right answer moves it to box 2.
  const box = correct ? Math.min(MAX_BOX, (rec?.box ?? MIN_BOX) + 1) : MIN_BOX;
  return {
    box,
    due: session + intervalFor(box),
    seen: (rec?.seen ?? 0) + 1,
    correct: (rec?.correct ?? 0) + (correct ? 1 : 0),
    wrong: (rec?.wrong ?? 0) + (correct ? 0 : 1),
    lastSession: session,
    lastCorrect: correct,
  };
}

export function isDue(rec: MasteryRecord, session: number): boolean {
  return rec.due <= session;
}

export type ItemStatus = 'new' | 'due' | 'learning' | 'mastered';

export function itemStatus(rec: MasteryRecord | undefined, session: number): ItemStatus {
  if (!rec) return 'new';
  if (isDue(rec, session)) return 'due';
  return rec.box >= MAX_BOX ? 'mastered' : 'learning';
}

export interface WeakItem {
  id: string;
  topic: string;
  box: number;
  correct: number;
  wrong: number;
  lastCorrect: boolean;
}

/** Boxes at or below this count as "still weak" for the quiz screen. */
export const WEAK_BOX = 2;

export function weakItems(
  questions: readonly QuizQuestion[],
  mastery: Readonly<Record<string, MasteryRecord>>,
  options: { kind?: QuestionKind; limit?: number } = { kind: 'transition' },
): WeakItem[] {
  const out: WeakItem[] = [];
  for (const q of questions) {
    if (options.kind !== undefined && q.kind !== options.kind) continue;
    const rec = mastery[q.id];
    if (!rec || rec.wrong === 0 || rec.box > WEAK_BOX) continue;
    out.push({ id: q.id, topic: q.topic, box: rec.box, correct: rec.correct, wrong: rec.wrong, lastCorrect: rec.lastCorrect });
  }
  out.sort(
    (x, y) =>
      x.box - y.box ||
      Number(x.lastCorrect) - Number(y.lastCorrect) ||
      y.wrong - x.wrong ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  return options.limit !== undefined ? out.slice(0, options.limit) : out;
}

/**
 * Where an item stands, in plain words for the learner (never a box number):
 * "new", "again next session", "again in 3 sessions", or "known" (the top box).
 */
export function masteryWords(rec: MasteryRecord | undefined, session: number): string {
  if (!rec) return 'new';
  if (rec.box >= MAX_BOX - 1 && rec.lastCorrect) return 'known';
  const wait = rec.due - session;
  if (wait <= 1) return 'again next session';
  return `again in ${wait} sessions`;
}
