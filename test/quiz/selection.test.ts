import { describe, expect, it } from 'vitest';
import { reviewItem } from '../../src/quiz/mastery.js';
import { selectLessonQuiz, selectMixedReview } from '../../src/quiz/selection.js';
import type { LessonId, QuizQuestion } from '../../src/quiz/types.js';
import type { MasteryRecord } from '../../src/store/schema.js';

function q(id: string, kind: QuizQuestion['kind'], lessons: LessonId[] = ['review']): QuizQuestion {
  return { id, kind, prompt: id, options: [], answerId: 'a', lessons, topic: id, source: 'test' };
}

const bank: QuizQuestion[] = [
  ...Array.from({ length: 6 }, (_, i) => q(`t${i}`, 'transition', ['the-close', 'review'])),
  ...Array.from({ length: 6 }, (_, i) => q(`f${i}`, 'fact', ['msl', 'review'])),
  ...Array.from({ length: 2 }, (_, i) => q(`s${i}`, 'scenario', ['lost-final-ack', 'review'])),
];

function card(box: number, due: number): MasteryRecord {
  return { box, due, seen: 1, correct: 1, wrong: 0, lastSession: 0, lastCorrect: true };
}

describe('selectMixedReview', () => {
  it('puts due items first (most overdue, then lowest box), then new ones, then not-yet-due', () => {
    const mastery = { t0: card(3, 9), f0: card(1, 4), t1: card(2, 4), f1: card(5, 30) } as Record<string, MasteryRecord>;
    for (const b of bank) if (!mastery[b.id]) mastery[b.id] = card(2, 1); // everything else seen...
    delete mastery['t5']; // ...except two new items
    delete mastery['s1'];
    mastery['t2'] = card(4, 20);
    const picked = selectMixedReview(bank, mastery, 5, { size: 50 }).map((x) => x.id);
    const dueIds = Object.entries(mastery).filter(([, r]) => r.due <= 5).map(([id]) => id);
    expect(picked.slice(0, dueIds.length).sort()).toEqual([...dueIds].sort());
    // Most overdue (due at session 1) first; the two due at session 4 last among the due, box 1 before box 2.
    expect(mastery[picked[0]!]!.due).toBe(1);
    expect(picked.slice(dueIds.length - 2, dueIds.length)).toEqual(['f0', 't1']);
    expect(picked.slice(dueIds.length, dueIds.length + 2).sort()).toEqual(['s1', 't5']);
    expect(picked.slice(dueIds.length + 2)).toEqual(['t0', 't2', 'f1']); // by due date
    expect(new Set(picked).size).toBe(picked.length);
  });

  it('orders due items of equal due date by box', () => {
    const mastery = { t0: card(3, 2), t1: card(1, 2), t2: card(2, 2) };
    expect(selectMixedReview(bank, mastery, 3, { size: 3 }).map((x) => x.id)).toEqual(['t1', 't2', 't0']);
  });

  it('interleaves kinds among new items and respects the size', () => {
    const picked = selectMixedReview(bank, {}, 1, { size: 6 });
    expect(picked).toHaveLength(6);
    expect(picked.slice(0, 3).map((x) => x.kind).sort()).toEqual(['fact', 'scenario', 'transition']);
  });

  it('is deterministic for a session and varies between sessions', () => {
    const a = selectMixedReview(bank, {}, 1, { size: 14 }).map((x) => x.id);
    expect(selectMixedReview(bank, {}, 1, { size: 14 }).map((x) => x.id)).toEqual(a);
    const orders = new Set([2, 3, 4, 5].map((s) => selectMixedReview(bank, {}, s, { size: 14 }).map((x) => x.id).join()));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('selectLessonQuiz', () => {
  it('only asks questions tagged with the lesson, due ones first', () => {
    const mastery = { t3: reviewItem(undefined, false, 1) }; // due at session 2
    const picked = selectLessonQuiz(bank, 'the-close', mastery, 2, { size: 4 });
    expect(picked).toHaveLength(4);
    expect(picked[0]!.id).toBe('t3');
    expect(picked.every((x) => x.lessons.includes('the-close'))).toBe(true);
    expect(selectLessonQuiz(bank, 'review', {}, 1, { size: 100 })).toHaveLength(bank.length);
  });
});
