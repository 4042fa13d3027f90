import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgressStore, openProgress, resetProgress } from '../../src/store/progressStore.js';
import { emptyProgress, recordLessonStep } from '../../src/store/progress.js';
import { nodeStoreFs, type StoreFs } from '../../src/store/storeFs.js';
import type { Progress } from '../../src/store/schema.js';

const T0 = Date.UTC(2026, 5, 1);
let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-store-'));
  file = path.join(dir, 'progress.json');
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function sample(step: number): Progress {
  return recordLessonStep(emptyProgress(T0), 'the-close', step, T0 + step);
}

function expectOneLine(warning: string | undefined): void {
  expect(warning).toBeDefined();
  expect(warning).not.toMatch(/\n/);
}

/** A store round trip after a problem: the app keeps working. */
async function expectWorkingStore(): Promise<void> {
  const store = createProgressStore({ dir });
  expect((await store.save(sample(7))).ok).toBe(true);
  const again = await createProgressStore({ dir }).load(T0);
  expect(again.warning).toBeUndefined();
  expect(again.progress).toEqual(sample(7));
}

describe('loading', () => {
  it('starts fresh without a warning when there is no file or even no directory', async () => {
    const store = createProgressStore({ dir: path.join(dir, 'not', 'yet') });
    const r = await store.load(T0);
    expect(r).toEqual({ progress: emptyProgress(T0), source: 'fresh' });
    expect((await store.save(sample(1))).ok).toBe(true);
    expect((await store.load(T0)).progress).toEqual(sample(1));
  });

  it('round-trips saved progress', async () => {
    const store = createProgressStore({ dir });
    await store.save(sample(3));
    expect(await createProgressStore({ dir }).load(T0 + 99)).toEqual({ progress: sample(3), source: 'file' });
  });

  it('moves corrupt JSON aside with a one-line warning and starts fresh', async () => {
    fs.writeFileSync(file, '{"version": 1, "lessons": {');
    const r = await createProgressStore({ dir }).load(T0);
    expectOneLine(r.warning);
    expect(r.warning).toMatch(/not valid JSON/);
    expect(r.progress).toEqual(emptyProgress(T0));
    expect(r.movedTo).toBe(`${file}.corrupt-1`);
    expect(fs.readFileSync(`${file}.corrupt-1`, 'utf8')).toBe('{"version": 1, "lessons": {'); // never deleted
    expect(fs.existsSync(file)).toBe(false);
    await expectWorkingStore();
  });

  it('numbers set-aside files so an earlier one is never overwritten', async () => {
    fs.writeFileSync(`${file}.corrupt-1`, 'older');
    fs.writeFileSync(file, 'garbage');
    const r = await createProgressStore({ dir }).load(T0);
    expect(r.movedTo).toBe(`${file}.corrupt-2`);
    expect(fs.readFileSync(`${file}.corrupt-1`, 'utf8')).toBe('older');
  });

  it('moves a wrong-version or wrong-shape file aside as corrupt', async () => {
    fs.writeFileSync(file, JSON.stringify({ version: 'one', lessons: {} }));
    const r = await createProgressStore({ dir }).load(T0);
    expectOneLine(r.warning);
    expect(r.movedTo).toBe(`${file}.corrupt-1`);

    fs.writeFileSync(file, JSON.stringify({ ...sample(1), resume: 'somewhere' }));
    const r2 = await createProgressStore({ dir }).load(T0);
    expectOneLine(r2.warning);
    expect(r2.movedTo).toBe(`${file}.corrupt-2`);
    await expectWorkingStore();
  });

  it('moves a future-version file aside, naming it as such', async () => {
    fs.writeFileSync(file, JSON.stringify({ ...sample(1), version: 99 }));
    const r = await createProgressStore({ dir }).load(T0);
    expectOneLine(r.warning);
    expect(r.warning).toMatch(/newer/);
    expect(r.movedTo).toBe(`${file}.future-1`);
    expect(r.progress).toEqual(emptyProgress(T0));
    await expectWorkingStore();
  });

  it('migrates a v0 file silently', async () => {
    fs.writeFileSync(file, JSON.stringify({ version: 0, lessonsDone: ['the-close'], lastLesson: 'msl', lastStep: 2 }));
    const r = await createProgressStore({ dir }).load(T0);
    expect(r.warning).toBeUndefined();
    expect(r.migratedFrom).toBe(0);
    expect(r.progress.resume).toMatchObject({ lessonId: 'msl', step: 2 });
  });

  it('ignores a temp file left behind by a crash mid-save', async () => {
    const store = createProgressStore({ dir });
    await store.save(sample(2));
    fs.writeFileSync(`${file}.123456789`, '{"version": 1, "half');
    expect(await store.load(T0)).toEqual({ progress: sample(2), source: 'file' });
  });

  // The tests run as root, for whom chmod 000 changes nothing, so unreadability is simulated
  // with a fault-injecting fs layer that fails the way the kernel would (EACCES).
  function eacces(op: string): NodeJS.ErrnoException {
    return Object.assign(new Error(`EACCES: permission denied, ${op}`), { code: 'EACCES' });
  }

  it('an unreadable file is moved aside (EACCES on read, injected)', async () => {
    fs.writeFileSync(file, JSON.stringify(sample(4)));
    const faulty: StoreFs = { ...nodeStoreFs, readFile: async () => Promise.reject(eacces('open')) };
    const r = await createProgressStore({ dir, fs: faulty }).load(T0);
    expectOneLine(r.warning);
    expect(r.warning).toMatch(/could not be read/);
    expect(r.movedTo).toBe(`${file}.corrupt-1`);
    expect(JSON.parse(fs.readFileSync(`${file}.corrupt-1`, 'utf8'))).toEqual(sample(4));
    await expectWorkingStore();
  });

  it('an unreadable directory gives a warning, a fresh start, and no overwrite (EACCES everywhere, injected)', async () => {
    fs.writeFileSync(file, JSON.stringify(sample(4)));
    const faulty: StoreFs = {
      readFile: async () => Promise.reject(eacces('open')),
      writeFileAtomic: async () => Promise.reject(eacces('open')),
      rename: async () => Promise.reject(eacces('rename')),
      mkdir: async () => undefined,
      exists: async () => false,
      list: async () => Promise.reject(eacces('scandir')),
      stat: async () => Promise.reject(eacces('lstat')),
      remove: async () => Promise.reject(eacces('unlink')),
      pidAlive: () => true,
    };
    const store = createProgressStore({ dir, fs: faulty });
    const r = await store.load(T0);
    expectOneLine(r.warning);
    expect(r.progress).toEqual(emptyProgress(T0));
    expect(store.canSave).toBe(false);
    // The app keeps working in memory; saving declines with a warning and does not throw.
    const saved = await store.save(sample(9));
    expect(saved.ok).toBe(false);
    if (!saved.ok) expectOneLine(saved.warning);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(sample(4));
  });

  it('never rejects even if the fs layer throws synchronously', async () => {
    const hostile: StoreFs = {
      ...nodeStoreFs,
      readFile: () => {
        throw new Error('boom\nsecond line');
      },
      rename: () => {
        throw new Error('no');
      },
    };
    const r = await createProgressStore({ dir, fs: hostile }).load(T0);
    expectOneLine(r.warning);
    expect(r.progress).toEqual(emptyProgress(T0));
  });
});

describe('saving', () => {
  it('an interrupted save (crash between write and rename) leaves the previous file intact', async () => {
    const store = createProgressStore({ dir });
    expect((await store.save(sample(1))).ok).toBe(true);
    const before = fs.readFileSync(file, 'utf8');

    // The atomic write fills a temp file, fsyncs it, then renames it over progress.json.
    // Fail that rename, the moment a crash would leave things in.
    let tempSeen: string | undefined;
    vi.spyOn(fs.promises, 'rename').mockImplementation(async (from: fs.PathLike) => {
      tempSeen = fs.readFileSync(from, 'utf8'); // the new data really was written before the "crash"
      throw Object.assign(new Error('EIO: simulated crash before rename'), { code: 'EIO' });
    });

    const r = await store.save(sample(2));
    expect(r.ok).toBe(false);
    if (!r.ok) expectOneLine(r.warning);
    expect(tempSeen && JSON.parse(tempSeen)).toEqual(sample(2));
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    vi.restoreAllMocks();
    expect(await createProgressStore({ dir }).load(T0)).toEqual({ progress: sample(1), source: 'file' });
  });

  it('declines to write invalid data over a good file', async () => {
    const store = createProgressStore({ dir });
    await store.save(sample(1));
    const bad = { ...sample(2), lessons: { x: { status: 'bogus' } } } as unknown as Progress;
    const r = await store.save(bad);
    expect(r.ok).toBe(false);
    expect((await store.load(T0)).progress).toEqual(sample(1));
  });

  it('saves from one store land in call order', async () => {
    const store = createProgressStore({ dir });
    await Promise.all([1, 2, 3, 4, 5].map((i) => store.save(sample(i))));
    expect((await store.load(T0)).progress).toEqual(sample(5));
  });

  it('racing saves from separate stores never leave a half-written file', async () => {
    // Two stores on one directory have separate queues, so only the atomic rename protects us.
    const a = createProgressStore({ dir });
    const b = createProgressStore({ dir });
    const written = Array.from({ length: 60 }, (_, i) => sample(i));
    let done = false;
    // Read over and over while the writes are in flight: every read must parse to one of the values.
    const reader = (async () => {
      let parsed = 0;
      while (!done) {
        try {
          expect(written).toContainEqual(JSON.parse(await fs.promises.readFile(file, 'utf8')));
          parsed++;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // before the first rename
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      return parsed;
    })();
    const results = await Promise.all(written.map((p, i) => (i % 2 === 0 ? a : b).save(p)));
    done = true;
    await reader;
    expect(results.every((r) => r.ok)).toBe(true);
    const final = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(written).toContainEqual(final);
    expect(fs.readdirSync(dir)).toEqual(['progress.json']); // no temp files left behind
  });
});

describe('reset and open', () => {
  it('reset keeps the old file as .bak-1 and starts fresh', async () => {
    const env = { TCP_TIMEWAIT_CONFIG_DIR: dir };
    const opened = await openProgress({ env, now: T0 });
    expect(opened.source).toBe('fresh');
    await opened.store.save(sample(3));
    const r = await resetProgress({ env, now: T0 + 5 });
    expect(r.ok).toBe(true);
    expect(r.backup).toBe(`${file}.bak-1`);
    expect(JSON.parse(fs.readFileSync(`${file}.bak-1`, 'utf8'))).toEqual(sample(3));
    const reopened = await openProgress({ env, now: T0 + 6 });
    expect(reopened.progress).toEqual(emptyProgress(T0 + 5));
    expect(reopened.store.file).toBe(file);
  });
});

describe('no config directory at all', () => {
  it('openProgress still opens, in memory only, with a warning', async () => {
    // os.homedir() throws in some bare containers; simulate that with no override and no XDG.
    vi.spyOn(os, 'homedir').mockImplementation(() => {
      throw Object.assign(new Error('ENOENT: no such file or directory, uv_os_homedir'), { code: 'ENOENT' });
    });
    const opened = await openProgress({ env: {}, now: T0 });
    expectOneLine(opened.warning);
    expect(opened.progress).toEqual(emptyProgress(T0));
    expect(opened.store.canSave).toBe(false);
    const saved = await opened.store.save(sample(1));
    expect(saved).toEqual({ ok: false, warning: 'Progress not saved: no config directory.' });
  });
});
