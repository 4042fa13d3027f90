import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quizBank } from '../../src/quiz/bank.js';
import { feedbackLines } from '../../src/ui/screens/QuizScreen.js';
import { renderApp, tempDir } from './appHelpers.js';
import type { Rendered } from './harness.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.done());

/** The question on screen, found in the bank by its prompt, its premise and its options. */
function questionOnScreen(frame: string) {
  const q = quizBank().find(
    (x) =>
      frame.includes(x.prompt.slice(0, 60)) &&
      (x.premise ?? []).every((l) => frame.includes(l.slice(0, 50))) &&
      x.options.every((o) => frame.includes(o.text.slice(0, 50))),
  );
  if (!q) throw new Error(`no bank question on screen:\n${frame}`);
  return q;
}

/** The number the screen shows before an option (options are reshuffled at every showing). */
function shownNumber(frame: string, text: string): number {
  const line = frame.split('\n').find((l) => /\d\. /.test(l) && l.includes(text.slice(0, 50)));
  if (!line) throw new Error(`option not on screen: ${text}\n${frame}`);
  return Number(/(\d)\. /.exec(line)![1]);
}

async function answer(r: Rendered, right: boolean) {
  const f = await r.waitFor(/score \d+\/\d+/);
  const q = questionOnScreen(f);
  const pick = q.options.find((o) => (o.id === q.answerId) === right)!;
  r.press(String(shownNumber(f, pick.text)));
  await r.waitFor(right ? '✓ Right.' : '✗ Not that one: the answer is');
  return q;
}

describe('menu', () => {
  it('lists lessons with progress and moves between entries', async () => {
    const r = renderApp({ configDir: tmp.dir });
    await r.waitFor('Choose a lesson');
    expect(r.frame()).toContain('○ not started');
    expect(r.frame()).toContain('Start with lesson 1.');
    expect(r.frame()).toMatch(/›\s+1\. A demo lesson/);
    r.press('down');
    await r.waitFor(/›\s+Sandbox/);
    r.press('j');
    await r.waitFor(/›\s+Quiz/);
    r.press('k', 'up');
    await r.waitFor(/›\s+1\./);
    r.press('?');
    await r.waitFor('Keys (esc or ? closes');
    expect(r.frame()).toContain('open the highlighted lesson');
    r.press('down', 'up', 'escape');
    await r.waitFor('Choose a lesson');
    r.press('s');
    await r.waitFor('Sandbox ·');
    r.press('m');
    await r.waitFor('Choose a lesson');
    r.press('down', 'enter');
    await r.waitFor('Sandbox ·');
    r.press('m');
    await r.waitFor('Choose a lesson');
    r.press('l');
    await r.waitFor('Step 1/9');
    r.press('m');
    await r.waitFor('Choose a lesson');
    r.press('right');
    await r.waitFor('Step 1/9');
    r.unmount();
  });
});

describe('quiz', () => {
  it('gives feedback and a score at once, shows me, and keeps progress across a restart', async () => {
    let r = renderApp({ configDir: tmp.dir }, 100, 30);
    await r.waitFor('Choose a lesson');
    // Some lesson progress first, so there is a resume point.
    r.press('enter');
    await r.waitFor('Step 1/9');
    r.press(']');
    await r.waitFor('Step 2/9');
    r.press('m');
    await r.waitFor('r resumes lesson 1');
    r.press('u');
    const q1 = await answer(r, true);
    await r.waitFor('score 1/1');
    // The explanation shows without its "Right" opener (the verdict above already says it).
    const explained = feedbackLines({ correct: true, lines: [q1.options.find((o) => o.id === q1.answerId)!.explanation] })[0]!;
    expect(explained.startsWith('Why: ')).toBe(true);
    expect(r.frame()).toContain(explained.split('\n')[0]!.slice(0, 40));
    expect(r.frame()).toContain(`Source: ${q1.source}`.slice(0, 40));
    expect(r.frame()).not.toMatch(/^Right\b/m);
    r.press('enter');
    await r.waitFor((f) => !f.includes('✓ Right.'), 'the next question');
    const q2 = await answer(r, false);
    await r.waitFor('score 1/2');
    // One verdict line, then why the answer is right, then why the pick is wrong.
    expect(r.frame().match(/✗|✓ Right\./g)!.length).toBeGreaterThanOrEqual(2);
    expect(r.frame()).toContain('Why: ');
    expect(r.frame()).toContain('Your pick: ');
    expect(r.frame()).not.toMatch(/Wrong\.|^Right\b/m);
    r.press('enter');
    // Cursor keys + enter answer too.
    await r.waitFor(/score 1\/2 · question 3/);
    r.press('down', 'up', 'enter');
    await r.waitFor(/✓ Right\.|✗ Not that one/);
    r.press('?');
    await r.waitFor('Keys');
    r.press('escape');
    await r.waitFor((f) => !f.includes('Keys (esc'));
    r.press('m');
    await r.waitFor('Choose a lesson');
    r.unmount();

    // The file holds history and mastery for both questions (saves finish in the background).
    type Saved = { mastery: Record<string, { box: number }>; quiz: { history: Array<{ itemId: string; correct: boolean }> } };
    const read = (): Saved | null => {
      try {
        return JSON.parse(readFileSync(path.join(tmp.dir, 'progress.json'), 'utf8')) as Saved;
      } catch {
        return null;
      }
    };
    const deadline = Date.now() + 10_000;
    while ((read()?.quiz.history.length ?? 0) < 3 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 10));
    const saved = read()!;
    expect(saved.mastery[q1.id]).toBeDefined();
    expect(saved.mastery[q2.id]).toBeDefined();
    expect(saved.quiz.history.map((h) => [h.itemId, h.correct]).slice(0, 2)).toEqual([
      [q1.id, true],
      [q2.id, false],
    ]);

    // Start again: resume point and lesson progress are back.
    r = renderApp({ configDir: tmp.dir }, 100, 30);
    await r.waitFor('Choose a lesson');
    expect(r.frame()).toContain('◐ in progress (step 2/9)');
    expect(r.frame()).toContain('r resumes lesson 1');
    r.press('u');
    await r.waitFor(/score 0\/0/);
    // The missed question is due again first (spaced repetition).
    expect(questionOnScreen(r.frame()).id).toBe(q2.id);
    r.unmount();
  });

  it('finishes a quiz with the score, mastery in words, and a review of what was missed', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'quiz' }, 100, 30);
    for (let i = 0; i < 10; i++) {
      const f = await r.waitFor((x) => /score \d+\/\d+/.test(x) || x.includes('Finished:'));
      if (f.includes('Finished:')) break;
      await answer(r, false);
      r.press('enter');
    }
    await r.waitFor('Finished: 0 of 10 right.');
    expect(r.frame()).toContain('when each question comes back');
    expect(r.frame()).toContain('again next session');
    expect(r.frame()).not.toMatch(/\bbox\b/);
    r.press('r');
    await r.waitFor('Review: missed question 1 of 10');
    expect(r.frame()).toMatch(/Why \d is right: /);
    expect(r.frame()).toMatch(/Why \d is wrong: /);
    r.press('enter');
    await r.waitFor('Review: missed question 2 of 10');
    r.press('up');
    await r.waitFor('Review: missed question 1 of 10');
    r.press('r');
    await r.waitFor('Finished: 0 of 10 right.');
    r.press('enter');
    await r.waitFor('Choose a lesson');
    // esc leaves a quiz too.
    r.press('u');
    await r.waitFor(/score 0\/0/);
    r.press('escape');
    await r.waitFor('Choose a lesson');
    r.unmount();
  });
});
