import { describe, expect, it } from 'vitest';
import { BOX_INTERVALS, isDue, itemStatus, reviewItem, weakItems } from '../../src/quiz/mastery.js';
import type { QuizQuestion } from '../../src/quiz/types.js';

function q(id: string, kind: QuizQuestion['kind'] = 'transition'): QuizQuestion {
  return { id, kind, prompt: id, options: [], answerId: 'a', lessons: ['review'], topic: `topic ${id}`, source: 'test' };
}

describe('Leitner boxes', () => {
  it('moves up one box per right answer, to at most 5, with growing intervals', () => {
    let rec = reviewItem(undefined, true, 1);
    expect(rec).toMatchObject({ box: 2, due: 1 + BOX_INTERVALS[1]!, seen: 1, correct: 1, wrong: 0 });
    const boxes = [rec.box];
    for (let s = 2; s < 8; s++) {
      rec = reviewItem(rec, true, s);
      boxes.push(rec.box);
    }
    expect(boxes).toEqual([2, 3, 4, 5, 5, 5, 5]);
    expect(rec.due).toBe(7 + 16);
  });

  it('sends a missed item back to box 1, due next session', () => {
    let rec = reviewItem(undefined, true, 1);
    rec = reviewItem(rec, true, 3);
    rec = reviewItem(rec, true, 7);
    expect(rec.box).toBe(4);
    rec = reviewItem(rec, false, 15);
    expect(rec).toMatchObject({ box: 1, due: 16, wrong: 1, correct: 3, seen: 4, lastCorrect: false, lastSession: 15 });
  });

  it('reports due and status by session number only', () => {
    const rec = reviewItem(undefined, true, 1); // box 2, due at session 3
    expect(isDue(rec, 2)).toBe(false);
    expect(isDue(rec, 3)).toBe(true);
    expect(itemStatus(undefined, 1)).toBe('new');
    expect(itemStatus(rec, 2)).toBe('learning');
    expect(itemStatus(rec, 3)).toBe('due');
    expect(itemStatus({ ...rec, box: 5, due: 100 }, 3)).toBe('mastered');
  });
});

describe('weakItems', () => {
  it('lists missed items still in low boxes, weakest first, transitions only by default', () => {
    const bank = [q('t1'), q('t2'), q('t3'), q('t4'), q('f1', 'fact')];
    const missed = reviewItem(undefined, false, 1);
    const missedTwice = reviewItem(missed, false, 2);
    const recovered = reviewItem(missed, true, 2); // box 2, but last answer right
    const neverMissed = reviewItem(undefined, true, 1);
    const mastery = { t1: recovered, t2: missedTwice, t3: neverMissed, f1: missed };
    const weak = weakItems(bank, mastery);
    expect(weak.map((w) => w.id)).toEqual(['t2', 't1']);
    expect(weak[0]).toMatchObject({ topic: 'topic t2', box: 1, wrong: 2 });
    expect(weakItems(bank, mastery, { kind: 'fact' }).map((w) => w.id)).toEqual(['f1']);
    expect(weakItems(bank, mastery, {}).map((w) => w.id)).toEqual(['t2', 'f1', 't1']);
  });
});
