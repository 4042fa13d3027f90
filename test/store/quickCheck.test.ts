/**
 * The hand-written progress check (quickCheck.ts) and zod's progressSchema must agree on every
 * file: valid ones built from arbitraries, and each of those damaged at one random place (a
 * value replaced by another JSON value, or a key removed). fast-check finds the disagreement
 * if one of the two is changed without the other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickCheckProgress } from '../../src/store/quickCheck.js';
import { progressSchema } from '../../src/store/schema.js';
import { emptyProgress } from '../../src/store/progress.js';

const text = fc.string({ minLength: 0, maxLength: 4 });
const count = fc.oneof(fc.nat({ max: 50 }), fc.constant(0));
const time = fc.constantFrom('2026-12-01T00:00:00.000Z', 'x');

const lesson = fc.record(
  { status: fc.constantFrom('in-progress', 'done'), step: count, updatedAt: time, completedAt: time },
  { requiredKeys: ['status', 'step', 'updatedAt'] },
);
const answer = fc.record({ at: time, session: count, itemId: fc.constantFrom('t1', 'f2'), correct: fc.boolean(), choice: text, scope: fc.constantFrom('mixed', 'msl') });
const run = fc.record({ at: time, session: count, scope: fc.constant('mixed'), correct: count, total: count });
const mastery = fc.record({ box: fc.integer({ min: 1, max: 5 }), due: count, seen: count, correct: count, wrong: count, lastSession: count, lastCorrect: fc.boolean() });

const validProgress = fc.record(
  {
    version: fc.constant(2),
    createdAt: time,
    updatedAt: time,
    lessons: fc.dictionary(fc.constantFrom('msl', 'the-close', 'review'), lesson),
    resume: fc.option(fc.record({ lessonId: fc.constantFrom('msl'), step: count, at: time }), { nil: null }),
    quiz: fc.record({ sessions: count, history: fc.array(answer, { maxLength: 3 }), runs: fc.array(run, { maxLength: 2 }) }),
    mastery: fc.dictionary(fc.constantFrom('t1', 'f2'), mastery),
    learnerId: fc.constantFrom('abc', 'learner-1'),
    attempts: count,
    extra: fc.constantFrom(1, 'kept'),
  },
  { requiredKeys: ['version', 'createdAt', 'updatedAt', 'lessons', 'resume', 'quiz', 'mastery', 'attempts'] },
);

/** Any JSON value a damaged or hand-edited file could hold. */
const junk = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 6, 2 ** 60, Number.MAX_SAFE_INTEGER, '', 'x', 'done', [], {}, [1], { a: 1 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Every path to a value inside a JSON object. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof v !== 'object' || v === null) return [at];
  const kids = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  return [at, ...kids.flatMap(([k, x]) => paths(x, [...at, k]))];
}

function damaged(obj: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  const copy = structuredClone(obj) as Record<string | number, unknown>;
  if (path.length === 0) return replacement;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

const zodSays = (v: unknown) => progressSchema.safeParse(v).success;
const quickSays = (v: unknown) => quickCheckProgress(v) !== undefined;

describe('the quick progress check agrees with zod', () => {
  it('on a fresh progress file', () => {
    const fresh = JSON.parse(JSON.stringify(emptyProgress(1_700_000_000_000)));
    expect(quickSays(fresh)).toBe(true);
    expect(zodSays(fresh)).toBe(true);
  });

  it('on valid files', () => {
    fc.assert(
      fc.property(validProgress, (p) => {
        expect(quickSays(p)).toBe(zodSays(p));
      }),
      { numRuns: 500 },
    );
  });

  it('on files damaged at one place', () => {
    fc.assert(
      fc.property(validProgress, fc.nat(), junk, fc.boolean(), (p, pick, replacement, remove) => {
        const all = paths(p);
        const broken = damaged(p, all[pick % all.length]!, replacement, remove);
        expect(quickSays(broken), JSON.stringify(broken)).toBe(zodSays(broken));
      }),
      { numRuns: 3000 },
    );
  });

  it('returns the file as it is (unknown keys kept), as zod does', () => {
    const file = { ...JSON.parse(JSON.stringify(emptyProgress(1_700_000_000_000))), fromTheFuture: { x: 1 } };
    expect(quickCheckProgress(file)).toEqual(progressSchema.parse(file));
  });

  it('sends older versions to zod (migrations), whatever their shape', () => {
    expect(quickCheckProgress({ version: 1, createdAt: 'x' })).toBeUndefined();
    expect(quickCheckProgress({ version: 0, lessonsDone: [] })).toBeUndefined();
  });
});
