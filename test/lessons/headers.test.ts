import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readLessonHeaders, parseLessonHeader } from '../../src/lessons/headers.js';
import { loadLesson } from '../../src/lessons/loader.js';

const LESSONS = fileURLToPath(new URL('../../lessons', import.meta.url));

describe('lesson headers for the menu', () => {
  it('agree with the full loader on every lesson of the course', async () => {
    const { headers, problems } = await readLessonHeaders(LESSONS);
    expect(problems).toEqual([]);
    expect(headers.map((h) => h.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const h of headers) {
      const { lesson } = await loadLesson(h.file);
      expect(lesson, path.basename(h.file)).toBeDefined();
      expect({ id: h.id, number: h.number, title: h.title, minutes: h.minutes, steps: h.steps }).toEqual({
        id: lesson!.id,
        number: lesson!.number,
        title: lesson!.title,
        minutes: lesson!.minutes,
        steps: lesson!.steps.length,
      });
    }
  });

  it.each([
    ['id: a\nnumber: 2\ntitle: "Reason 1: the \\"lost\\" ACK"\nminutes: 5\nsteps: []', 'Reason 1: the "lost" ACK'],
    ["id: a\nnumber: 2\ntitle: 'It''s closed'\nminutes: 5\n", "It's closed"],
    ['id: a\nnumber: 2\ntitle: Plain words # a comment\nminutes: 5\n', 'Plain words'],
  ])('reads quoted and plain titles', (text, title) => {
    expect(parseLessonHeader(text, 'x.yaml')?.title).toBe(title);
  });

  it('counts steps only in a block list, at the first item\'s indentation', () => {
    const text = 'id: a\nnumber: 1\ntitle: T\nminutes: 5\nsteps:\n  - kind: narrative\n    text: |\n      - not a step\n  - kind: recap\n    points:\n      - also not\n';
    expect(parseLessonHeader(text, 'x.yaml')?.steps).toBe(2);
    expect(parseLessonHeader('id: a\nnumber: 1\ntitle: T\nminutes: 5\nsteps: []\n', 'x.yaml')?.steps).toBeUndefined();
  });

  it('gives up (leaving the file to the full loader) rather than guess', () => {
    expect(parseLessonHeader('id: a\nnumber: two\ntitle: T\nminutes: 5\n', 'x.yaml')).toBeUndefined();
    expect(parseLessonHeader('id: a\nnumber: 1\ntitle: >\n  folded\nminutes: 5\n', 'x.yaml')).toBeUndefined();
    expect(parseLessonHeader('steps:\n  - id: a\n', 'x.yaml')).toBeUndefined();
  });
});
