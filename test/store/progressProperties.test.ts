import fc from 'fast-check';
import { expect, it } from 'vitest';
import { reviewItem } from '../../src/quiz/mastery.js';
import { migrateProgress } from '../../src/store/migrations.js';
import {
  beginQuizSession,
  completeLesson,
  emptyProgress,
  recordLessonStep,
  recordQuizAnswer,
  recordQuizRun,
} from '../../src/store/progress.js';
import { progressSchema, type Progress } from '../../src/store/schema.js';

const lesson = fc.constantFrom('the-close', 'msl', 'lost-final-ack', 'review');
const op = fc.oneof(
  fc.record({ kind: fc.constant('step' as const), lesson, step: fc.nat(30) }),
  fc.record({ kind: fc.constant('done' as const), lesson, next: fc.option(lesson, { nil: undefined }) }),
  fc.record({ kind: fc.constant('answer' as const), item: fc.constantFrom('a', 'b', 'c'), correct: fc.boolean() }),
  fc.record({ kind: fc.constant('run' as const), correct: fc.nat(5), total: fc.nat(5) }),
);

it('any sequence of updates yields progress that validates and survives a JSON round trip', () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
      const T = Date.UTC(2026, 0, 1);
      let p: Progress = emptyProgress(T);
      ops.forEach((o, i) => {
        const now = T + i * 1000;
        if (o.kind === 'step') p = recordLessonStep(p, o.lesson, o.step, now);
        else if (o.kind === 'done') p = completeLesson(p, o.lesson, now, o.next);
        else if (o.kind === 'answer') {
          const s = beginQuizSession(p);
          p = recordQuizAnswer(
            s.progress,
            { at: new Date(now).toISOString(), session: s.session, itemId: o.item, correct: o.correct, choice: 'a', scope: 'mixed' },
            reviewItem(s.progress.mastery[o.item], o.correct, s.session),
          );
        } else p = recordQuizRun(p, { at: new Date(now).toISOString(), session: p.quiz.sessions, scope: 'mixed', correct: o.correct, total: o.total });
      });
      expect(progressSchema.safeParse(p).success).toBe(true);
      expect(migrateProgress(JSON.parse(JSON.stringify(p)), T)).toEqual({ ok: true, progress: p });
    }),
  );
});
