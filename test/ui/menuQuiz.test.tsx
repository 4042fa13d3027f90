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

/** The question on screen, found in the bank by its prompt. */
function questionOnScreen(frame: string) {
  const q = quizBank().find((x) => frame.includes(x.prompt.slice(0, 60)));
  if (!q) throw new Error(`no bank question on screen:\n${frame}`);
  return q;
}

async function answer(r: Rendered, right: boolean) {
  const f = await r.waitFor(/score \d+\/\d+/);
  const q = questionOnScreen(f);
  const i = q.options.findIndex((o) => (o.id === q.answerId) === right);
  r.press(String(i + 1));
  await r.waitFor(right ? '✓ Right.' : '✗ Wrong.');
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
    expect(r.frame()).toContain(explained.split('\n')[0]!.slice(0, 40));
    expect(r.frame()).not.toMatch(/^Right\b/m);
    r.press('w');
    await r.waitFor('w: hide');
    r.press('enter');
    await r.waitFor((f) => !f.includes('✓ Right.'), 'the next question');
    const q2 = await answer(r, false);
    await r.waitFor('score 1/2');
    r.press('w');
    await r.waitFor('w: hide');
    r.press('enter');
    // Cursor keys + enter answer too.
    await r.waitFor(/score 1\/2 · question 3/);
    r.press('down', 'up', 'enter');
    await r.waitFor(/[✓✗] (Right|Wrong)\./);
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

  it('finishes a quiz with the score and the transitions still weak', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'quiz' }, 100, 30);
    for (let i = 0; i < 10; i++) {
      const f = await r.waitFor((x) => /score \d+\/\d+/.test(x) || x.includes('Finished:'));
      if (f.includes('Finished:')) break;
      await answer(r, false);
      r.press('enter');
    }
    await r.waitFor('Finished: 0 of 10 right.');
    expect(r.frame()).toContain('Transitions still weak');
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
