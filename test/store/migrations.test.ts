import { describe, expect, it } from 'vitest';
import { migrateProgress } from '../../src/store/migrations.js';
import { emptyProgress, recordLessonStep, withLearnerId } from '../../src/store/progress.js';
import { CURRENT_VERSION } from '../../src/store/schema.js';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);

describe('migrateProgress', () => {
  it('accepts a current file unchanged', () => {
    const p = emptyProgress(NOW);
    const r = migrateProgress(JSON.parse(JSON.stringify(p)), NOW);
    expect(r).toEqual({ ok: true, progress: p });
  });

  it('migrates v0 (lessons done + last position) to v1', () => {
    const r = migrateProgress({ version: 0, lessonsDone: ['the-close', 'msl'], lastLesson: 'lost-final-ack', lastStep: 4 }, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(0);
    expect(r.progress.version).toBe(CURRENT_VERSION);
    expect(r.progress.lessons['the-close']?.status).toBe('done');
    expect(r.progress.lessons['msl']?.status).toBe('done');
    expect(r.progress.lessons['lost-final-ack']).toMatchObject({ status: 'in-progress', step: 4 });
    expect(r.progress.resume).toMatchObject({ lessonId: 'lost-final-ack', step: 4 });
    expect(r.progress.createdAt).toBe(new Date(NOW).toISOString());
    expect(r.progress.mastery).toEqual({});
  });

  it('migrates v1 to v2: everything kept, no step entries counted yet, the learner id left for the app to draw', () => {
    const { learnerId: _none, attempts: _zero, ...v1 } = { ...recordLessonStep(emptyProgress(NOW), 'msl', 3, NOW), version: 1 };
    const r = migrateProgress(JSON.parse(JSON.stringify(v1)), NOW);
    expect(r).toMatchObject({ ok: true, migratedFrom: 1 });
    if (!r.ok) return;
    expect(r.progress).toEqual({ ...v1, version: 2, attempts: 0 });
    expect(r.progress.learnerId).toBeUndefined();
  });

  it('keeps a learner id once set, and counts every step entered as an attempt', () => {
    let p = withLearnerId(emptyProgress(NOW), 'learner-a');
    expect(withLearnerId(p, 'learner-b').learnerId).toBe('learner-a');
    p = recordLessonStep(recordLessonStep(p, 'msl', 0, NOW), 'msl', 1, NOW);
    expect(p.attempts).toBe(2);
    expect(migrateProgress(JSON.parse(JSON.stringify(p)), NOW)).toEqual({ ok: true, progress: p });
  });

  it('reports an invalid v0 file as corrupt instead of half-converting it', () => {
    const r = migrateProgress({ version: 0, lessonsDone: 'the-close' }, NOW);
    expect(r).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('reports a future version as such, and a missing version as corrupt', () => {
    expect(migrateProgress({ version: CURRENT_VERSION + 1 }, NOW)).toMatchObject({ ok: false, reason: 'future' });
    expect(migrateProgress({ lessons: {} }, NOW)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(migrateProgress([1, 2], NOW)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(migrateProgress({ version: 1.5 }, NOW)).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('rejects a v1 file with a bad field', () => {
    const bad = { ...emptyProgress(NOW), mastery: { x: { box: 9, due: 0, seen: 0, correct: 0, wrong: 0, lastSession: 0, lastCorrect: true } } };
    expect(migrateProgress(bad, NOW)).toMatchObject({ ok: false, reason: 'corrupt' });
  });
});
