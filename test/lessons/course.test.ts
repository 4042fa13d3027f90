/**
 * The real course in lessons/: it lints clean, it meets the course rules of issue 3, every
 * lesson plays headless from start to end through the LessonPlayer, and its prose is our own.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { formatLintReport, lintPath } from '../../src/lessons/lint.js';
import { loadLesson, type Lesson } from '../../src/lessons/loader.js';
import { LessonPlayer } from '../../src/lessons/player.js';

const FILES = [
  ['lessons/01-the-close.yaml', 'the-close', 1],
  ['lessons/02-msl.yaml', 'msl', 2],
  ['lessons/03-lost-final-ack.yaml', 'lost-final-ack', 3],
  ['lessons/04-wandering-duplicates.yaml', 'wandering-duplicates', 4],
  ['lessons/05-the-exception.yaml', 'the-exception', 5],
  ['lessons/06-in-practice.yaml', 'in-practice', 6],
  ['lessons/07-review.yaml', 'review', 7],
] as const;

async function load(file: string): Promise<Lesson> {
  const r = await loadLesson(file);
  if (!r.lesson) throw new Error(`${file} did not load: ${JSON.stringify(r.diagnostics)}`);
  return r.lesson;
}

describe('the course in lessons/', () => {
  it('lints clean, semantic checks included', async () => {
    const report = await lintPath('lessons');
    expect(formatLintReport(report)).toBe('7 lesson files checked: no problems');
    expect(report.lessons.map((l) => l.id)).toEqual(FILES.map((f) => f[1]));
  });

  it.each(FILES)('%s has id %s, number %i and meets the course rules', async (file, id, number) => {
    const lesson = await load(file);
    expect(lesson.id).toBe(id);
    expect(lesson.number).toBe(number);
    expect(lesson.minutes).toBeGreaterThanOrEqual(5);
    expect(lesson.minutes).toBeLessThanOrEqual(15);
    const kinds = lesson.steps.map((s) => s.kind);
    expect(kinds.filter((k) => k === 'predict').length).toBeGreaterThanOrEqual(1);
    const questions = lesson.steps.reduce((n, s) => n + (s.kind === 'questions' ? s.questions.length : 0), 0);
    expect(questions).toBeGreaterThanOrEqual(3);
    expect(kinds.filter((k) => k === 'challenge').length).toBeGreaterThanOrEqual(1);
    expect(lesson.sources.length).toBeGreaterThan(0);
  });
});

describe('every lesson plays headless from start to end', () => {
  it.each(FILES)('%s', async (file) => {
    const lesson = await load(file);
    const p = new LessonPlayer(lesson, { seed: 1 });
    let challenges = 0;
    for (;;) {
      const step = p.step;
      const where = `${file} step ${p.index} (${step.kind}${step.title ? `: ${step.title}` : ''})`;
      switch (step.kind) {
        case 'run': {
          const r = p.play();
          expect(r?.reached, `${where}: run condition not reached within ${step.within} s`).toBe(true);
          break;
        }
        case 'predict': {
          const right = step.options.findIndex((o) => o.correct === true);
          expect(p.answerPredict(right).correct, where).toBe(true);
          const wrong = step.options.findIndex((o) => o.correct !== true);
          expect(p.answerPredict(wrong).correct, where).toBe(false);
          const reveal = p.reveal();
          expect(reveal?.reached, `${where}: reveal did not reach its condition`).toBe(true);
          for (const v of reveal!.verdicts) expect(v.consistent, `${where}: option ${v.index} contradicted by the reveal`).toBe(true);
          // The correct option's outcome, where given, is seen; wrong options' are not.
          for (const v of reveal!.verdicts) if (v.seen !== undefined) expect(v.seen).toBe(v.correct);
          break;
        }
        case 'questions':
          step.questions.forEach((q, k) => {
            q.options.forEach((o, j) => {
              const fb = p.answerQuestion(k, j);
              expect(fb.correct).toBe(o.correct === true);
              expect(fb.explanation.length, `${where}: option ${j} has no explanation`).toBeGreaterThan(0);
            });
          });
          break;
        case 'challenge': {
          challenges++;
          const untouched = p.runChallenge();
          expect(untouched?.reached, `${where}: the untouched run already reaches the goal`).toBe(false);
          const shown = [];
          for (let h = p.revealHint(); h !== undefined; h = p.revealHint()) shown.push(h);
          expect(shown).toEqual(step.hints);
          const solved = p.applySolution();
          expect(solved?.reached, `${where}: the worked solution does not reach the goal`).toBe(true);
          break;
        }
        case 'compare': {
          const c = p.compare();
          expect(c?.divergence, `${where}: the two runs never part`).toBeTruthy();
          break;
        }
        default:
          break;
      }
      if (!p.next()) break;
    }
    expect(p.isLast).toBe(true);
    expect(challenges).toBeGreaterThanOrEqual(1);
  });
});

/** Lower-cased words of a text, Markdown and punctuation stripped. */
function words(text: string): string[] {
  return text.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').split(/\s+/).filter(Boolean);
}

describe('the prose is our own', () => {
  it('shares no run of 8 words with the book excerpt', async () => {
    const seed = words(await readFile('/work/shared/reference/seed-2.7-time-wait.txt', 'utf8').catch(() => ''));
    if (seed.length === 0) return; // the excerpt is not shipped with the project; checked where it exists
    const grams = new Set<string>();
    for (let i = 0; i + 8 <= seed.length; i++) grams.add(seed.slice(i, i + 8).join(' '));
    for (const [file] of FILES) {
      const mine = words(await readFile(file, 'utf8'));
      for (let i = 0; i + 8 <= mine.length; i++) {
        const g = mine.slice(i, i + 8).join(' ');
        expect(grams.has(g), `${file} repeats the excerpt: "${g}"`).toBe(false);
      }
    }
  });
});

describe('loadCourse / findLesson', () => {
  it('loads the seven lessons in order and finds them by id or number', async () => {
    const { loadCourse, findLesson } = await import('../../src/lessons/course.js');
    const course = await loadCourse('lessons');
    expect(course.diagnostics).toEqual([]);
    expect(course.lessons.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(findLesson(course.lessons, 'msl')?.number).toBe(2);
    expect(findLesson(course.lessons, '4')?.id).toBe('wandering-duplicates');
    expect(findLesson(course.lessons, '8')).toBeUndefined();
  });
});
