/**
 * Answers must not be guessable by their place or their length, and feedback must not
 * contradict itself: the linter's rules on a fixture, and the acceptance limits on the course.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerStats, optionLists } from '../../src/lessons/answerChecks.js';
import { formatDiagnostic } from '../../src/lessons/diagnostics.js';
import { lintPath } from '../../src/lessons/lint.js';
import { loadLesson, type Lesson } from '../../src/lessons/loader.js';

const fixture = join('test', 'fixtures', 'lessons', 'answers-guessable.yaml');

async function course(): Promise<Lesson[]> {
  const files = readdirSync('lessons').filter((f) => f.endsWith('.yaml')).sort();
  return Promise.all(files.map(async (f) => (await loadLesson(join('lessons', f))).lesson!));
}

describe('lint: guessable answers', () => {
  it('warns when the answers pile up at one position and are the longest, and fails a wrong option that says "Correct"', async () => {
    const report = await lintPath(fixture);
    const messages = report.diagnostics.map(formatDiagnostic);
    expect(messages).toContainEqual(expect.stringMatching(/:12:11: found 4 of 4 correct answers at option 1, expected at most 2 at one position \(reorder the options\) \(warning\)$/));
    expect(messages).toContainEqual(expect.stringMatching(/:12:11: found the correct option is the longest in 4 of 4 questions, expected at most half .*\(warning\)$/));
    expect(messages).toContainEqual(expect.stringMatching(/:16:26: found a wrong option's explanation that opens with "Right"\/"Correct", expected an explanation that agrees with "Not quite"$/));
    expect(report.errorCount).toBe(1);
  });
});

describe('the course: answers spread out', () => {
  it('no option position holds more than 40% of the correct answers', async () => {
    const stats = answerStats((await course()).flatMap(optionLists));
    expect(stats.questions).toBeGreaterThanOrEqual(40);
    const worst = Math.max(...stats.byPosition.map((n) => n ?? 0));
    expect(worst / stats.questions, `correct answers by position: ${stats.byPosition.join(', ')}`).toBeLessThanOrEqual(0.4);
  });

  it('the correct option is the longest in at most 40% of the questions, and in at most half of any lesson\'s', async () => {
    const lessons = await course();
    const all = answerStats(lessons.flatMap(optionLists));
    expect(all.longestCorrect / all.questions, `${all.longestCorrect} of ${all.questions}`).toBeLessThanOrEqual(0.4);
    for (const l of lessons) {
      const s = answerStats(optionLists(l));
      expect(s.longestCorrect, `${l.id}: ${s.longestCorrect} of ${s.questions}`).toBeLessThanOrEqual(s.questions / 2);
    }
  });

  it('no explanation opens with "Right" or "Correct" (the screen gives the verdict)', async () => {
    for (const l of await course()) {
      for (const { options } of optionLists(l)) for (const o of options) expect(o.explanation, l.id).not.toMatch(/^\s*(right|correct)\b/i);
    }
  });
});
