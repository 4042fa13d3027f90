import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { optionKey, pressUntil, REAL_LESSONS, renderApp, tempDir } from './appHelpers.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.done());

describe('lesson player', () => {
  it('walks a lesson: narrative, setup, run goals, perturb, predictions, questions, challenge, recap', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'lesson', lessonId: 'ui-demo' }, 100, 34);
    await r.waitFor('Step 1/9: Before anything runs');
    // Markdown: emphasis and code without their markers, list bullets.
    expect(r.frame()).toContain('Some emphasis, some strong text and code.');
    expect(r.frame()).toContain('• a list item');
    // ] and [ move between steps; enter goes on.
    r.press('p');
    await r.waitFor('Nothing is running in this step yet');
    r.press(']');
    await r.waitFor('Step 2/9: A close');
    r.press('[');
    await r.waitFor('Step 1/9');
    r.press('enter');
    await r.waitFor('Step 2/9');
    r.press('enter');
    await r.waitFor('Goal: the client moves to FIN_WAIT_2');
    // Playing stops by itself when the goal is first seen.
    r.press('+', '+', '+', '+', '+', '+', '+');
    r.press('space');
    await r.waitFor('Goal reached: the client moves to FIN_WAIT_2', 'the run goal', 30_000);
    expect(r.frame()).toContain('⏸ paused');
    r.press('enter');
    await r.waitFor('Step 4/9: Lose the final ACK');
    r.press('enter');
    await r.waitFor('Goal: the client moves to TIME_WAIT');
    // Enter jumps to the goal.
    r.press('enter');
    await r.waitFor('Goal reached: the client moves to TIME_WAIT');
    r.press('enter');
    await r.waitFor('What next?');
    // A prediction must be made before the reveal.
    r.press('enter');
    await r.waitFor('Make a prediction first');
    r.press(optionKey(r.frame(), 'It sends its FIN again.'));
    await r.waitFor('✓ Right.');
    r.press('enter');
    await r.waitFor('Revealed. Enter goes on.');
    expect(r.frame()).toContain('↻ FIN');
    r.press('enter');
    await r.waitFor('Question 1 of 2: Which end waits in TIME_WAIT?');
    r.press(optionKey(r.frame(), 'The end that closed last.'));
    await r.waitFor('✗ Not quite');
    expect(r.frame()).toContain('That end goes through LAST_ACK instead.');
    r.press('enter');
    await r.waitFor('Question 2 of 2');
    r.press(optionKey(r.frame(), 'Two MSL.'));
    await r.waitFor('✓ Right.');
    r.press('enter');
    await r.waitFor('Challenge: the server');
    r.press('H');
    await r.waitFor('Hint 1: Lose the client');
    r.press('H');
    await r.waitFor('No more hints.');
    // Act through the perturb menu: drop the next pure ACK the client sends... the first
    // segment entries are for segments in flight; the "next segment the client sends" drop is there too.
    r.press('p');
    await r.waitFor('Perturb the run');
    await pressUntil(r, 'down', (f) => /›\s+drop\s+the client's next segment/.test(f));
    r.press('enter');
    await r.waitFor("Applied: drop the client's next segment");
    r.press('enter');
    await r.waitFor(/Solved|Not yet/, 'the challenge result');
    r.press('r');
    await r.waitFor((f) => !/Solved|Not yet/.test(f), 'the challenge reset');
    r.press(']');
    await r.waitFor('Step 9/9: What we saw');
    expect(r.frame()).toContain('• The last ACK can be lost.');
    r.press('enter');
    await r.waitFor('Lesson 1 done.');
    r.press('enter');
    await r.waitFor('Choose a lesson');
    expect(r.frame()).toContain('✓ done');
    r.unmount();
  });

  it('restarts a step, steps inside it, and returns to the menu with the step remembered', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'lesson', lessonId: '1' }, 80, 24);
    await r.waitFor('Step 1/9');
    r.press(']', ']');
    await r.waitFor('Goal: the client moves to FIN_WAIT_2');
    await pressUntil(r, 'n', (f) => f.includes('SYN seq=1000'));
    r.press('r');
    await r.waitFor((f) => !f.includes('SYN seq=1000') && f.includes('t=0.000s'), 'the step restarted');
    r.press('tab');
    await r.waitFor('› Step 3/9');
    r.press('down');
    r.press('up');
    r.press('m');
    await r.waitFor('Choose a lesson');
    expect(r.frame()).toContain('◐ in progress (step 3/9)');
    expect(r.frame()).toContain('r resumes lesson 1');
    r.press('r');
    await r.waitFor('Step 3/9');
    r.unmount();
  });

  it('ends a course lesson with its own quiz', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'lesson', lessonId: 'the-close', lessonsDir: REAL_LESSONS }, 100, 30);
    await r.waitFor('Step 1/');
    await pressUntil(r, ']', (f) => /Step (\d+)\/\1\b/.test(f));
    r.press('enter');
    await r.waitFor('Enter takes its quiz');
    r.press('enter');
    await r.waitFor('Quiz · lesson 1: ');
    r.press('m');
    await r.waitFor('Choose a lesson');
    expect(r.frame()).toMatch(/The close.*✓ done/);
    r.unmount();
  });

  it('says so when a lesson id is unknown and shows the menu', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'lesson', lessonId: 'nope' });
    await r.waitFor('No lesson "nope"');
    expect(r.frame()).toContain('Choose a lesson');
    r.unmount();
  });
});
