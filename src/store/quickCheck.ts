/**
 * A check of a current-version progress file that needs no zod: the same rules as
 * `progressSchema` in schema.ts, written out by hand, so a returning learner's menu can be drawn
 * before zod (the largest library we bundle) is loaded. test/store/quickCheck.test.ts holds the
 * two to agreement on thousands of valid and damaged files; when they must change, change both.
 *
 * It only says yes or no. A "no" (or an older version) goes the full way through zod, which
 * migrates old files and names the first problem.
 */
import type { Progress } from './schema.js';
import { CURRENT_VERSION } from './version.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): boolean => typeof v === 'string' && v.length >= 1;
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const optional = (v: unknown, ok: (x: unknown) => boolean): boolean => v === undefined || ok(v);
const everyValue = (v: unknown, ok: (x: unknown) => boolean): boolean => isObj(v) && Object.values(v).every(ok);
const everyItem = (v: unknown, ok: (x: unknown) => boolean): boolean => Array.isArray(v) && v.every(ok);

const lessonProgress = (v: unknown): boolean =>
  isObj(v) && (v['status'] === 'in-progress' || v['status'] === 'done') && isCount(v['step']) && isText(v['updatedAt']) && optional(v['completedAt'], isText);

const resumePoint = (v: unknown): boolean => v === null || (isObj(v) && isText(v['lessonId']) && isCount(v['step']) && isText(v['at']));

const quizAnswer = (v: unknown): boolean =>
  isObj(v) && isText(v['at']) && isCount(v['session']) && isText(v['itemId']) && typeof v['correct'] === 'boolean' && typeof v['choice'] === 'string' && isText(v['scope']);

const quizRun = (v: unknown): boolean => isObj(v) && isText(v['at']) && isCount(v['session']) && isText(v['scope']) && isCount(v['correct']) && isCount(v['total']);

const mastery = (v: unknown): boolean =>
  isObj(v) &&
  typeof v['box'] === 'number' &&
  Number.isSafeInteger(v['box']) &&
  v['box'] >= 1 &&
  v['box'] <= 5 &&
  isCount(v['due']) &&
  isCount(v['seen']) &&
  isCount(v['correct']) &&
  isCount(v['wrong']) &&
  isCount(v['lastSession']) &&
  typeof v['lastCorrect'] === 'boolean';

/** The parsed file as Progress if it is a valid current-version file, else undefined. */
export function quickCheckProgress(raw: unknown): Progress | undefined {
  if (!isObj(raw) || raw['version'] !== CURRENT_VERSION) return undefined;
  const quiz = raw['quiz'];
  const ok =
    isText(raw['createdAt']) &&
    isText(raw['updatedAt']) &&
    everyValue(raw['lessons'], lessonProgress) &&
    resumePoint(raw['resume']) &&
    isObj(quiz) &&
    isCount(quiz['sessions']) &&
    everyItem(quiz['history'], quizAnswer) &&
    everyItem(quiz['runs'], quizRun) &&
    everyValue(raw['mastery'], mastery) &&
    optional(raw['learnerId'], isText) &&
    isCount(raw['attempts']);
  return ok ? (raw as Progress) : undefined;
}
