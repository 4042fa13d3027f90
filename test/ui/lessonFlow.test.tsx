/**
 * Two things a learner meets on the way through a lesson: Enter on an unanswered question does
 * not skip it, and a solved challenge shows the lesson's account of why the solution works.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/course.js';
import type { Lesson } from '../../src/lessons/loader.js';
import { LessonScreen } from '../../src/ui/screens/LessonScreen.js';
import { renderSized } from './harness.js';

let lessons: Lesson[] = [];
beforeAll(async () => {
  lessons = (await loadCourse('lessons')).lessons;
});

const open = (lesson: Lesson, index: number) =>
  renderSized(<LessonScreen lesson={lesson} startAt={index} columns={80} rows={24} onMenu={() => {}} />, 80, 24);

describe('the lesson path', () => {
  it('Enter on an unanswered question asks for an answer and stays on the question', async () => {
    const lesson = lessons.find((l) => l.number === 1)!;
    const index = lesson.steps.findIndex((s) => s.kind === 'questions');
    const r = open(lesson, index);
    await r.waitFor('Question 1 of');
    r.press('enter');
    const f = await r.waitFor('Answer first');
    expect(f).toContain(`Step ${index + 1}/`);
    expect(f).toContain('Question 1 of');
    r.unmount();
  });

  it('a solved challenge explains why the solution worked', async () => {
    const lesson = lessons.find((l) => l.number === 2)!;
    const index = lesson.steps.findIndex((s) => s.kind === 'challenge');
    const step = lesson.steps[index]!;
    if (step.kind !== 'challenge' || !step.explanation) throw new Error('lesson 2 has a challenge with an explanation');
    const r = open(lesson, index);
    await r.waitFor(`Step ${index + 1}/`);
    r.press('p');
    await r.waitFor('Perturb the run');
    r.press('tab');
    await r.waitFor('MSL…');
    r.press('enter');
    await r.waitFor('New MSL');
    r.press('1', '0', 'enter');
    await r.waitFor('MSL is now 10 s');
    r.press('enter');
    const f = await r.waitFor('Why:');
    expect(f).toContain('Solved');
    expect(f.replace(/\s+/g, ' ')).toContain(step.explanation.replace(/\s+/g, ' ').trim().slice(0, 40));
    r.unmount();
  });
});
