/**
 * Pure operations on a Progress value (no fs, no clock: `now` is ms since the epoch, passed in).
 * Every function returns a new object and leaves its input untouched, so React state can hold it.
 *
 * API:
 *   emptyProgress(now)
 *   withLearnerId(p, id)                          the learner id set once (the caller draws it)
 *   recordLessonStep(p, lessonId, step, now)      learner entered `step` of a lesson; sets resume,
 *                                                 counts one more attempt (see schema.ts v2)
 *   completeLesson(p, lessonId, now, nextLessonId?) marks done; resume moves to the next lesson
 *   lessonStatus(p, lessonId) -> 'new' | 'in-progress' | 'done'
 *   resumePoint(p) -> { lessonId, step } | null
 *   beginQuizSession(p) -> { progress, session }    the spaced-repetition clock ticks once per quiz
 *   recordQuizAnswer(p, answer, mastery)            appends history, stores the item's Leitner card
 *   recordQuizRun(p, run)                           one summary line per finished quiz
 *   capProgress(p)                                  trims history and runs to their caps (on load
 *                                                 and save, so a file written elsewhere cannot grow)
 *   HISTORY_LIMIT, RUNS_LIMIT                       caps that keep the file small
 *
 * Keys this version does not know (see schema.ts) ride along: every update spreads the old
 * object rather than rebuilding it.
 */
import type { MasteryRecord, Progress, QuizAnswerRecord, QuizRunRecord } from './schema.js';
import { CURRENT_VERSION } from './version.js';

export const HISTORY_LIMIT = 500;
export const RUNS_LIMIT = 100;

const iso = (now: number): string => new Date(now).toISOString();

export function emptyProgress(now: number): Progress {
  const at = iso(now);
  return {
    version: CURRENT_VERSION,
    attempts: 0,
    createdAt: at,
    updatedAt: at,
    lessons: {},
    resume: null,
    quiz: { sessions: 0, history: [], runs: [] },
    mastery: {},
  };
}

/** Sets the learner id if there is none yet; an id once saved never changes. */
export function withLearnerId(p: Progress, id: string): Progress {
  return p.learnerId ? p : { ...p, learnerId: id };
}

export function recordLessonStep(p: Progress, lessonId: string, step: number, now: number): Progress {
  const at = iso(now);
  const prev = p.lessons[lessonId];
  const lesson =
    prev === undefined
      ? { status: 'in-progress' as const, step, updatedAt: at }
      : // A finished lesson stays finished when revisited; "step reached" only grows.
        { ...prev, step: Math.max(prev.step, step), updatedAt: at };
  return {
    ...p,
    updatedAt: at,
    lessons: { ...p.lessons, [lessonId]: lesson },
    resume: { lessonId, step, at },
    attempts: p.attempts + 1,
  };
}

export function completeLesson(p: Progress, lessonId: string, now: number, nextLessonId?: string): Progress {
  const at = iso(now);
  const prev = p.lessons[lessonId];
  const lessons = {
    ...p.lessons,
    [lessonId]: { ...prev, status: 'done' as const, step: prev?.step ?? 0, updatedAt: at, completedAt: prev?.completedAt ?? at },
  };
  let resume = p.resume;
  if (nextLessonId !== undefined) {
    const next = lessons[nextLessonId];
    resume = { lessonId: nextLessonId, step: next?.status === 'in-progress' ? next.step : 0, at };
  } else if (resume?.lessonId === lessonId) {
    resume = null; // nothing left to resume in a finished last lesson
  }
  return { ...p, updatedAt: at, lessons, resume };
}

export function lessonStatus(p: Progress, lessonId: string): 'new' | 'in-progress' | 'done' {
  return p.lessons[lessonId]?.status ?? 'new';
}

export function resumePoint(p: Progress): { lessonId: string; step: number } | null {
  return p.resume ? { lessonId: p.resume.lessonId, step: p.resume.step } : null;
}

export function beginQuizSession(p: Progress): { progress: Progress; session: number } {
  const session = p.quiz.sessions + 1;
  return { progress: { ...p, quiz: { ...p.quiz, sessions: session } }, session };
}

export function recordQuizAnswer(p: Progress, answer: QuizAnswerRecord, mastery: MasteryRecord): Progress {
  const history = [...p.quiz.history, answer].slice(-HISTORY_LIMIT);
  return {
    ...p,
    updatedAt: answer.at,
    quiz: { ...p.quiz, history },
    mastery: { ...p.mastery, [answer.itemId]: { ...p.mastery[answer.itemId], ...mastery } },
  };
}

export function recordQuizRun(p: Progress, run: QuizRunRecord): Progress {
  const runs = [...p.quiz.runs, run].slice(-RUNS_LIMIT);
  return { ...p, updatedAt: run.at, quiz: { ...p.quiz, runs } };
}

/** The same progress with history and runs cut to their caps (the newest kept); unchanged if within. */
export function capProgress(p: Progress): Progress {
  const { history, runs } = p.quiz;
  if (history.length <= HISTORY_LIMIT && runs.length <= RUNS_LIMIT) return p;
  return { ...p, quiz: { ...p.quiz, history: history.slice(-HISTORY_LIMIT), runs: runs.slice(-RUNS_LIMIT) } };
}
