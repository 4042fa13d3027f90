/**
 * Saved state under careless and hostile conditions (issue 13, item 5): backups never
 * overwritten, temp files of killed saves cleaned up, unknown keys kept, file size bounded.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProgressStore, MAX_FILE_BYTES, resetProgress, STALE_TEMP_MS } from '../../src/store/progressStore.js';
import { completeLesson, emptyProgress, HISTORY_LIMIT, recordLessonStep, recordQuizAnswer } from '../../src/store/progress.js';
import { nodeStoreFs, parseTempName, tempName } from '../../src/store/storeFs.js';
import type { Progress, QuizAnswerRecord } from '../../src/store/schema.js';

const T0 = Date.UTC(2026, 5, 1);
let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-saved-'));
  file = path.join(dir, 'progress.json');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const sample = (step: number): Progress => recordLessonStep(emptyProgress(T0), 'the-close', step, T0 + step);

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('reset keeps every backup', () => {
  it('numbers backups like the .corrupt-N files, and never overwrites one', async () => {
    const env = { TCP_TIMEWAIT_CONFIG_DIR: dir };
    fs.writeFileSync(`${file}.bak`, 'from an older version'); // the old fixed name is left alone too
    for (const step of [1, 2, 3]) {
      await createProgressStore({ dir }).save(sample(step));
      const r = await resetProgress({ env, now: T0 });
      expect(r.ok).toBe(true);
      expect(r.backup).toBe(`${file}.bak-${step}`);
    }
    for (const step of [1, 2, 3]) expect(JSON.parse(fs.readFileSync(`${file}.bak-${step}`, 'utf8'))).toEqual(sample(step));
    expect(fs.readFileSync(`${file}.bak`, 'utf8')).toBe('from an older version');
  });
});

describe('stale temp files', () => {
  it('names its temp files with the writer pid, and knows only its own pattern', () => {
    expect(parseTempName(file, path.basename(tempName(file, 4242, 7)))).toBe(4242);
    expect(parseTempName(file, 'progress.json.1234567890')).toBe(0); // an older version's temp name
    for (const other of ['progress.json', 'progress.json.bak-1', 'progress.json.corrupt-2', 'notes.txt', 'other.json.123', 'progress.json.tmp-x-1', 'progress.json.12345678901']) {
      expect(parseTempName(file, other), other).toBeUndefined();
    }
  });

  it('at load, removes temps of dead writers and old temps; keeps fresh ones of live writers and everything else', async () => {
    await createProgressStore({ dir }).save(sample(2));
    const dead = path.basename(tempName(file, deadPid(), 1));
    const liveFresh = path.basename(tempName(file, process.ppid, 2)); // our parent is alive
    const liveOld = path.basename(tempName(file, process.ppid, 3));
    const legacyOld = 'progress.json.3141592653';
    const legacyFresh = 'progress.json.2718281828';
    const strangers = ['progress.json.bak-1', 'progress.json.corrupt-1', 'notes.txt', 'progress.json.tmp-notapid'];
    for (const n of [dead, liveFresh, liveOld, legacyOld, legacyFresh, ...strangers]) fs.writeFileSync(path.join(dir, n), 'partial');
    const old = new Date(Date.now() - STALE_TEMP_MS - 5_000);
    for (const n of [liveOld, legacyOld, 'notes.txt', 'progress.json.bak-1']) fs.utimesSync(path.join(dir, n), old, old);

    const r = await createProgressStore({ dir }).load(Date.now());
    expect(r.warning).toBeUndefined();
    expect(r.progress).toEqual(sample(2));
    expect(fs.readdirSync(dir).sort()).toEqual(['progress.json', liveFresh, legacyFresh, ...strangers].sort());
  });

  it('a save killed with SIGKILL mid-way leaves a temp file that the next start removes', async () => {
    // A child process writes a temp file the way a save does, then is killed before renaming it.
    const child = spawnSync(
      process.execPath,
      ['-e', `require('fs').writeFileSync(${JSON.stringify(file)} + '.tmp-' + process.pid + '-1', '{"half'); process.kill(process.pid, 'SIGKILL')`],
      { encoding: 'utf8' },
    );
    expect(child.signal).toBe('SIGKILL');
    expect(fs.readdirSync(dir)).toHaveLength(1);
    await createProgressStore({ dir }).load(Date.now());
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('keys this version does not know', () => {
  it('survive a load, updates of every kind, and a save', async () => {
    const future = {
      ...sample(1),
      lessons: { 'the-close': { ...sample(1).lessons['the-close']!, hintsUsed: 3 } },
      mastery: { q1: { box: 2, due: 3, seen: 1, correct: 1, wrong: 0, lastSession: 1, lastCorrect: true, easeFactor: 2.5 } },
      quiz: { sessions: 1, history: [], runs: [], streak: { best: 4 } },
      theme: { accent: 'teal' },
      notes: ['kept'],
    };
    fs.writeFileSync(file, JSON.stringify(future));
    const store = createProgressStore({ dir });
    const loaded = await store.load(T0);
    expect(loaded.warning).toBeUndefined();
    const answer: QuizAnswerRecord = { at: new Date(T0).toISOString(), session: 1, itemId: 'q1', correct: true, choice: 'a', scope: 'mixed' };
    let p = recordLessonStep(loaded.progress, 'the-close', 2, T0 + 1);
    p = completeLesson(p, 'the-close', T0 + 2);
    p = recordQuizAnswer(p, answer, { box: 3, due: 5, seen: 2, correct: 2, wrong: 0, lastSession: 1, lastCorrect: true });
    expect((await store.save(p)).ok).toBe(true);

    const disk = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(disk.theme).toEqual({ accent: 'teal' });
    expect(disk.notes).toEqual(['kept']);
    expect(disk.quiz.streak).toEqual({ best: 4 });
    expect(disk.lessons['the-close']).toMatchObject({ hintsUsed: 3, status: 'done', step: 2 });
    expect(disk.mastery.q1).toMatchObject({ easeFactor: 2.5, box: 3 });
  });
});

describe('file size is bounded', () => {
  it('a file above the limit is set aside unread, with a warning naming the full path', async () => {
    // 50 MB of valid-looking history: the case that took the TUI to 593 MB.
    const entry = JSON.stringify({ at: 'x', session: 1, itemId: 'q1', correct: true, choice: 'a', scope: 'mixed' });
    const count = Math.ceil((50 * 1024 * 1024) / (entry.length + 1));
    const big = `{"version":2,"attempts":0,"createdAt":"x","updatedAt":"x","lessons":{},"resume":null,"mastery":{},"quiz":{"sessions":1,"runs":[],"history":[${Array(count).fill(entry).join(',')}]}}`;
    fs.writeFileSync(file, big);
    expect(fs.statSync(file).size).toBeGreaterThan(MAX_FILE_BYTES);
    let reads = 0;
    const store = createProgressStore({ dir, fs: { ...nodeStoreFs, readFile: (f) => (reads++, nodeStoreFs.readFile(f)) } });
    const r = await store.load(T0);
    expect(reads).toBe(0); // refused before reading, so memory never sees it
    expect(r.warning).toContain(`${file}.too-large-1`);
    expect(r.warning).toMatch(/too large \(50\.0 MB; the limit is 2\.0 MB\)/);
    expect(r.warning).not.toMatch(/\n/);
    expect(fs.statSync(`${file}.too-large-1`).size).toBe(Buffer.byteLength(big)); // kept, byte for byte
    expect(store.canSave).toBe(true);
    expect((await store.save(sample(1))).ok).toBe(true);
  });

  it('history and runs over their caps are trimmed on load, keeping the newest', async () => {
    const history = Array.from({ length: HISTORY_LIMIT + 300 }, (_, i) => ({ at: 'x', session: i, itemId: 'q1', correct: true, choice: 'a', scope: 'mixed' }));
    fs.writeFileSync(file, JSON.stringify({ ...sample(1), quiz: { sessions: 1, history, runs: [] } }));
    const store = createProgressStore({ dir });
    const r = await store.load(T0);
    expect(r.progress.quiz.history).toHaveLength(HISTORY_LIMIT);
    expect(r.progress.quiz.history.at(-1)?.session).toBe(HISTORY_LIMIT + 299);
    expect((await store.save(r.progress)).ok).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).quiz.history).toHaveLength(HISTORY_LIMIT);
  });

  it('a save that would exceed the limit is declined and the good file stays', async () => {
    const store = createProgressStore({ dir });
    await store.save(sample(1));
    const huge = { ...sample(2), blob: 'x'.repeat(MAX_FILE_BYTES) } as Progress;
    const r = await store.save(huge);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.warning).toMatch(/not saved.*over the 2\.0 MB limit/);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(sample(1));
  });
});
