/**
 * The shape of progress.json, validated with zod. Bump CURRENT_VERSION and add an entry to
 * migrations.ts whenever this shape changes; never edit an old version's schema.
 *
 * v1:
 *   version       1
 *   createdAt     ISO time the progress was first created
 *   updatedAt     ISO time of the last change
 *   lessons       lesson id -> { status 'in-progress'|'done', step reached (0-based, the furthest),
 *                                updatedAt, completedAt? }
 *   resume        { lessonId, step, at } | null: where "resume" takes the learner
 *   quiz.sessions how many quiz sessions have been started (the clock for spaced repetition)
 *   quiz.history  last answers, oldest first (capped, see progress.ts)
 *   quiz.runs     one summary per finished quiz (capped)
 *   mastery       quiz item id -> Leitner record (see src/quiz/mastery.ts)
 *
 * v2: v1 plus
 *   learnerId     a random id (src/store/learnerId.ts), drawn by the app the first time it loads
 *                 progress without one and saved from then on (absent only in a file no app has
 *                 opened yet, which keeps the pure functions here free of randomness); with
 *   attempts      the number of lesson steps entered so far, it seeds the shuffled order of a
 *                 step's options (src/lessons/optionOrder.ts): another learner, or the same one
 *                 entering the step again, even after a restart, sees another order.
 */
import { z } from 'zod';

// Every object here is `loose`: keys this version does not know (written by a newer version
// that kept the same version number, or by hand) are kept as they are and saved again, rather
// than silently dropped on the next save.

import { CURRENT_VERSION } from './version.js';

export { CURRENT_VERSION };

const isoTime = z.string().min(1);
const count = z.int().nonnegative();

export const lessonProgressSchema = z.looseObject({
  status: z.enum(['in-progress', 'done']),
  step: count,
  updatedAt: isoTime,
  completedAt: isoTime.optional(),
});

export const resumePointSchema = z.looseObject({
  lessonId: z.string().min(1),
  step: count,
  at: isoTime,
});

export const quizAnswerSchema = z.looseObject({
  at: isoTime,
  session: count,
  itemId: z.string().min(1),
  correct: z.boolean(),
  /** The option id the learner chose. */
  choice: z.string(),
  /** 'mixed' for the review quiz, else the lesson id whose quiz it was. */
  scope: z.string().min(1),
});

export const quizRunSchema = z.looseObject({
  at: isoTime,
  session: count,
  scope: z.string().min(1),
  correct: count,
  total: count,
});

/** One Leitner card. `due` is a quiz session number, never a wall-clock time. */
export const masteryRecordSchema = z.looseObject({
  box: z.int().min(1).max(5),
  due: count,
  seen: count,
  correct: count,
  wrong: count,
  lastSession: count,
  lastCorrect: z.boolean(),
});

export const progressV1Schema = z.looseObject({
  version: z.literal(1),
  createdAt: isoTime,
  updatedAt: isoTime,
  lessons: z.record(z.string(), lessonProgressSchema),
  resume: resumePointSchema.nullable(),
  quiz: z.looseObject({
    sessions: count,
    history: z.array(quizAnswerSchema),
    runs: z.array(quizRunSchema),
  }),
  mastery: z.record(z.string(), masteryRecordSchema),
});

export const progressV2Schema = progressV1Schema.extend({
  version: z.literal(2),
  learnerId: z.string().min(1).optional(),
  attempts: count,
});

/** The current version's schema (what is saved). */
export const progressSchema = progressV2Schema;

export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type ResumePoint = z.infer<typeof resumePointSchema>;
export type QuizAnswerRecord = z.infer<typeof quizAnswerSchema>;
export type QuizRunRecord = z.infer<typeof quizRunSchema>;
export type MasteryRecord = z.infer<typeof masteryRecordSchema>;
export type ProgressV1 = z.infer<typeof progressV1Schema>;
export type Progress = z.infer<typeof progressV2Schema>;

/**
 * v0: the prototype's format, kept only so the migration path has a real example to test.
 * It knew which lessons were finished and where the learner stopped, nothing about quizzes.
 */
export const progressV0Schema = z.object({
  version: z.literal(0),
  lessonsDone: z.array(z.string().min(1)),
  lastLesson: z.string().min(1).optional(),
  lastStep: count.optional(),
});
export type ProgressV0 = z.infer<typeof progressV0Schema>;
