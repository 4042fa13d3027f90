import { describe, expect, it } from 'vitest';
import {
  HISTORY_LIMIT,
  beginQuizSession,
  completeLesson,
  emptyProgress,
  lessonStatus,
  recordLessonStep,
  recordQuizAnswer,
  resumePoint,
} from '../../src/store/progress.js';
import { progressSchema } from '../../src/store/schema.js';

const T0 = Date.UTC(2026, 5, 1);

describe('progress updates', () => {
  it('tracks the step reached, the status and the resume point', () => {
    let p = emptyProgress(T0);
    expect(lessonStatus(p, 'the-close')).toBe('new');
    expect(resumePoint(p)).toBeNull();
    p = recordLessonStep(p, 'the-close', 2, T0 + 1);
    p = recordLessonStep(p, 'the-close', 5, T0 + 2);
    p = recordLessonStep(p, 'the-close', 3, T0 + 3); // going back does not lower "step reached"
    expect(p.lessons['the-close']).toMatchObject({ status: 'in-progress', step: 5 });
    expect(resumePoint(p)).toEqual({ lessonId: 'the-close', step: 3 });
    p = completeLesson(p, 'the-close', T0 + 4, 'msl');
    expect(lessonStatus(p, 'the-close')).toBe('done');
    expect(resumePoint(p)).toEqual({ lessonId: 'msl', step: 0 });
    // Revisiting a finished lesson keeps it finished.
    p = recordLessonStep(p, 'the-close', 1, T0 + 5);
    expect(lessonStatus(p, 'the-close')).toBe('done');
    expect(progressSchema.safeParse(p).success).toBe(true);
  });

  it('does not mutate its input', () => {
    const p = emptyProgress(T0);
    const before = JSON.stringify(p);
    recordLessonStep(p, 'msl', 1, T0);
    beginQuizSession(p);
    expect(JSON.stringify(p)).toBe(before);
  });

  it('counts quiz sessions and caps the answer history', () => {
    let p = emptyProgress(T0);
    const s = beginQuizSession(p);
    expect(s.session).toBe(1);
    p = s.progress;
    const card = { box: 1, due: 2, seen: 1, correct: 0, wrong: 1, lastSession: 1, lastCorrect: false };
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) {
      p = recordQuizAnswer(p, { at: new Date(T0 + i).toISOString(), session: 1, itemId: `i${i}`, correct: false, choice: 'a', scope: 'mixed' }, card);
    }
    expect(p.quiz.history).toHaveLength(HISTORY_LIMIT);
    expect(p.quiz.history.at(-1)?.itemId).toBe(`i${HISTORY_LIMIT + 9}`);
    expect(p.mastery['i0']).toEqual(card);
  });
});
