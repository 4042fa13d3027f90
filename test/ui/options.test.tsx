/**
 * Shuffled options on the lesson screen: the order comes from the saved learner id and the
 * attempt, the digit pressed answers the option shown under it, a wrong pick shows both its own
 * explanation and the answer's, and option texts and explanations are rendered Markdown.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLesson, type Lesson } from '../../src/lessons/loader.js';
import { optionOrder, optionSeed } from '../../src/lessons/optionOrder.js';
import type { PredictStep } from '../../src/lessons/schema.js';
import { emptyProgress, recordLessonStep, withLearnerId } from '../../src/store/progress.js';
import { progressFilePath } from '../../src/store/configDir.js';
import { FIXTURE_LESSONS, optionKey, REAL_LESSONS, renderApp, tempDir } from './appHelpers.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.done());

/** Saved progress for `learnerId`, resuming `lessonId` at `step`, with no step entered before. */
function saveProgress(learnerId: string, lessonId: string, step: number): void {
  const p = { ...recordLessonStep(withLearnerId(emptyProgress(0), learnerId), lessonId, step, 0), attempts: 0 };
  writeFileSync(progressFilePath(tmp.dir), JSON.stringify(p));
}

async function predictOf(file: string): Promise<{ lesson: Lesson; index: number; step: PredictStep }> {
  const lesson = (await loadLesson(file)).lesson!;
  const index = lesson.steps.findIndex((s) => s.kind === 'predict');
  return { lesson, index, step: lesson.steps[index] as PredictStep };
}

/** A learner id whose first attempt at the step shows the options out of file order. */
function shuffledLearner(lessonId: string, step: number, count: number): { id: string; order: number[] } {
  for (let n = 0; ; n++) {
    const order = optionOrder(count, optionSeed(`learner-${n}`, lessonId, step, 0, 0));
    if (order[0] !== 0) return { id: `learner-${n}`, order };
  }
}

describe('lesson options, shuffled', () => {
  it('shows the options in the learner\'s order and answers by the digit on screen', async () => {
    const { lesson, index, step } = await predictOf(path.join(FIXTURE_LESSONS, '01-ui-demo.yaml'));
    const { id, order } = shuffledLearner(lesson.id, index, step.options.length);
    saveProgress(id, lesson.id, index);
    const r = renderApp({ configDir: tmp.dir, screen: 'lesson', lessonId: lesson.id }, 100, 34);
    await r.waitFor(step.ask);
    // The screen lists the options in the computed order, not the file's.
    order.forEach((i, d) => expect(r.frame()).toContain(`${d + 1}. ${step.options[i]!.text}`));
    const right = step.options.findIndex((o) => o.correct);
    const key = String(order.indexOf(right) + 1);
    expect(key).not.toBe(String(right + 1));
    r.press(key);
    await r.waitFor('✓ Right.');
    expect(r.frame()).toContain(step.options[right]!.explanation);
    // Answering does not reshuffle: the same digits stay in front of the same texts.
    order.forEach((i, d) => expect(r.frame()).toContain(`${d + 1}. ${step.options[i]!.text}`));
    r.unmount();
  });

  it('a wrong pick shows its own explanation and the correct option\'s, without contradicting itself', async () => {
    const { lesson, index, step } = await predictOf(path.join(FIXTURE_LESSONS, '01-ui-demo.yaml'));
    saveProgress('learner-x', lesson.id, index);
    const r = renderApp({ configDir: tmp.dir, screen: 'lesson', lessonId: lesson.id }, 100, 34);
    await r.waitFor(step.ask);
    const wrong = step.options.findIndex((o) => !o.correct);
    const right = step.options.findIndex((o) => o.correct);
    const wrongKey = optionKey(r.frame(), step.options[wrong]!.text);
    const rightKey = optionKey(r.frame(), step.options[right]!.text);
    r.press(wrongKey);
    await r.waitFor('✗ Not quite');
    const f = r.frame();
    expect(f).toContain(`✗ Not quite: you picked ${wrongKey}. ${step.options[wrong]!.explanation}`);
    expect(f).toContain(`✓ The answer is ${rightKey}. ${step.options[right]!.explanation}`);
    expect(f).not.toContain('✓ Right.');
    r.unmount();
  });

  it('re-entering the step is a new attempt with its own order, steady while the learner stays', async () => {
    const { lesson, index, step } = await predictOf(path.join(FIXTURE_LESSONS, '01-ui-demo.yaml'));
    saveProgress('learner-y', lesson.id, index);
    const r = renderApp({ configDir: tmp.dir, screen: 'lesson', lessonId: lesson.id }, 100, 34);
    await r.waitFor(step.ask);
    const shown = () => step.options.map((o) => optionKey(r.frame(), o.text)).join('');
    const orders = new Set<string>();
    // Each r restarts the step (a new attempt); two options give one of two orders, so both turn up.
    for (let attempt = 1; attempt < 12 && orders.size < 2; attempt++) {
      const before = shown();
      orders.add(before);
      r.press('n');
      await r.waitFor((f) => f.includes(step.ask), 'the step after a sim step');
      expect(shown()).toBe(before);
      r.press('r');
      await r.waitFor((f) => f.includes(step.ask) && f.includes('t=0.'), 'the restarted step');
      orders.add(shown());
    }
    expect(orders.size).toBe(2);
    r.unmount();
  });

  it('renders the Markdown of option texts and explanations (no raw backticks or asterisks)', async () => {
    const lesson = (await loadLesson(path.join(REAL_LESSONS, '04-wandering-duplicates.yaml'))).lesson!;
    const index = lesson.steps.findIndex((s) => s.kind === 'predict' && s.options.some((o) => o.text.includes('`PASS secret`')));
    const step = lesson.steps[index] as PredictStep;
    saveProgress('learner-z', lesson.id, index);
    const r = renderApp({ configDir: tmp.dir, screen: 'lesson', lessonId: lesson.id, lessonsDir: REAL_LESSONS }, 120, 50);
    await r.waitFor('What happens to it?');
    const f0 = r.frame();
    expect(f0).toContain('receives PASS secret a second time.');
    const wrong = step.options.findIndex((o) => o.text.includes('`PASS secret`'));
    r.press(optionKey(f0, step.options[wrong]!.text.replace(/`/g, '')));
    await r.waitFor('✗ Not quite');
    const panel = r.frame().slice(r.frame().indexOf('What happens to it?'));
    expect(panel).not.toMatch(/[`*]/);
    r.unmount();
  });
});
