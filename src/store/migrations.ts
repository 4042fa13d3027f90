/**
 * Turning a parsed progress file of any known version into the current shape.
 *
 * API:
 *   MIGRATIONS: ordered table; entry i turns version `from` into `from + 1`.
 *   migrateProgress(raw, now) -> { ok: true, progress, migratedFrom? }
 *                              | { ok: false, reason: 'corrupt' | 'future', detail }
 *
 * Pure: `now` (ms since the epoch) stamps anything a migration has to invent.
 */
import { z } from 'zod';
import { CURRENT_VERSION, progressSchema, progressV0Schema, progressV1Schema, type Progress, type ProgressV1 } from './schema.js';

export interface Migration {
  from: number;
  /** Validates the input of this step, so a bad old file is reported, not half-converted. */
  schema: z.ZodType;
  migrate(data: unknown, now: number): unknown;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    schema: progressV0Schema,
    migrate(data, now) {
      const v0 = progressV0Schema.parse(data);
      const at = new Date(now).toISOString();
      const lessons: ProgressV1['lessons'] = {};
      // v0 did not record how far a finished lesson went; step 0 with status 'done' is honest.
      for (const id of v0.lessonsDone) lessons[id] = { status: 'done', step: 0, updatedAt: at, completedAt: at };
      if (v0.lastLesson !== undefined && !v0.lessonsDone.includes(v0.lastLesson)) {
        lessons[v0.lastLesson] = { status: 'in-progress', step: v0.lastStep ?? 0, updatedAt: at };
      }
      const resume =
        v0.lastLesson !== undefined ? { lessonId: v0.lastLesson, step: v0.lastStep ?? 0, at } : null;
      const v1: ProgressV1 = {
        version: 1,
        createdAt: at,
        updatedAt: at,
        lessons,
        resume,
        quiz: { sessions: 0, history: [], runs: [] },
        mastery: {},
      };
      return v1;
    },
  },
  {
    from: 1,
    schema: progressV1Schema,
    migrate(data) {
      // No step entry was counted before v2; the learner id is drawn by the app on load.
      return { ...progressV1Schema.parse(data), version: 2, attempts: 0 };
    },
  },
];

export type MigrateResult =
  | { ok: true; progress: Progress; migratedFrom?: number }
  | { ok: false; reason: 'corrupt' | 'future'; detail: string };

function firstIssue(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  return `${where}: ${issue.message}`;
}

export function migrateProgress(raw: unknown, now: number): MigrateResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'corrupt', detail: 'not a JSON object' };
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, reason: 'corrupt', detail: 'missing or invalid "version"' };
  }
  if (version > CURRENT_VERSION) {
    return { ok: false, reason: 'future', detail: `version ${version} is newer than this program's ${CURRENT_VERSION}` };
  }
  let data: unknown = raw;
  for (let v = version; v < CURRENT_VERSION; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) return { ok: false, reason: 'corrupt', detail: `no migration from version ${v}` };
    const checked = step.schema.safeParse(data);
    if (!checked.success) {
      return { ok: false, reason: 'corrupt', detail: `version ${v} file is invalid (${firstIssue(checked.error)})` };
    }
    data = step.migrate(checked.data, now);
  }
  const current = progressSchema.safeParse(data);
  if (!current.success) return { ok: false, reason: 'corrupt', detail: firstIssue(current.error) };
  return version < CURRENT_VERSION
    ? { ok: true, progress: current.data, migratedFrom: version }
    : { ok: true, progress: current.data };
}
