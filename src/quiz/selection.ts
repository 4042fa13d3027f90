/**
 * Choosing which questions a quiz asks. Pure and deterministic: the order depends on the
 * session number (so each session differs) but never on Math.random.
 *
 * API:
 *   selectMixedReview(bank, mastery, session, { size? = 10 }) -> QuizQuestion[]
 *       due items first (most overdue, then lowest box), then new items (kinds interleaved, the
 *       API-misuse set last in each round),
 *       then, if still short, the items due soonest.
 *   selectLessonQuiz(bank, lessonId, mastery, session, { size? = 5 }) -> QuizQuestion[]
 *       the same order, among the questions tagged with that lesson.
 */
import type { MasteryRecord } from '../store/schema.js';
import { isDue } from './mastery.js';
import { hashString } from './shuffle.js';
import type { LessonId, QuestionKind, QuizQuestion } from './types.js';

type Mastery = Readonly<Record<string, MasteryRecord>>;

function tieBreak(session: number) {
  return (a: QuizQuestion, b: QuizQuestion) => hashString(`${session}:${a.id}`) - hashString(`${session}:${b.id}`);
}

/** Round-robin over kinds so a batch of new items is not ten transition questions in a row. */
function interleaveKinds(items: QuizQuestion[]): QuizQuestion[] {
  const byKind = new Map<QuestionKind, QuizQuestion[]>();
  for (const q of items) {
    const list = byKind.get(q.kind) ?? [];
    list.push(q);
    byKind.set(q.kind, list);
  }
  // The API-misuse set comes last in each round: a session never opens with it, and a batch of
  // new items up to one per kind holds at most one of it.
  const queues = [...byKind.entries()].sort(([a], [b]) => Number(a === 'misuse') - Number(b === 'misuse')).map(([, q]) => q);
  const out: QuizQuestion[] = [];
  for (let i = 0; out.length < items.length; i++) {
    for (const queue of queues) if (i < queue.length) out.push(queue[i]!);
  }
  return out;
}

export function orderForReview(pool: readonly QuizQuestion[], mastery: Mastery, session: number): QuizQuestion[] {
  const tie = tieBreak(session);
  const due: QuizQuestion[] = [];
  const fresh: QuizQuestion[] = [];
  const later: QuizQuestion[] = [];
  const seen = new Set<string>();
  for (const q of pool) {
    if (seen.has(q.id)) continue; // one question per item in a quiz
    seen.add(q.id);
    const rec = mastery[q.id];
    if (!rec) fresh.push(q);
    else if (isDue(rec, session)) due.push(q);
    else later.push(q);
  }
  const byUrgency = (a: QuizQuestion, b: QuizQuestion) => {
    const ra = mastery[a.id]!;
    const rb = mastery[b.id]!;
    return ra.due - rb.due || ra.box - rb.box || tie(a, b);
  };
  due.sort(byUrgency);
  later.sort(byUrgency);
  return [...due, ...interleaveKinds([...fresh].sort(tie)), ...later];
}

export function selectMixedReview(
  bank: readonly QuizQuestion[],
  mastery: Mastery,
  session: number,
  options: { size?: number } = {},
): QuizQuestion[] {
  return orderForReview(bank, mastery, session).slice(0, options.size ?? 10);
}

export function selectLessonQuiz(
  bank: readonly QuizQuestion[],
  lessonId: LessonId,
  mastery: Mastery,
  session: number,
  options: { size?: number } = {},
): QuizQuestion[] {
  const pool = bank.filter((q) => q.lessons.includes(lessonId));
  return orderForReview(pool, mastery, session).slice(0, options.size ?? 5);
}
