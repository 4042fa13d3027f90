/**
 * Rendered text, in the program people run: the BUILT CLI at 80x24 in tmux. A challenge's goal
 * is said in plain words, a policy switched from the perturb menu is logged as a rule (never as
 * JSON), and a lesson's own quiz is titled by the lesson's number and title, not its id. Every
 * screen read on the way is checked by the same raw-markup scan as the ink tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawTextProblems } from '../ui/textScan.js';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;
const SIZE = { columns: 80, rows: 24 };
const session = (name: string, args: string) => t.start(name, args, { ...SIZE, env: { TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg-${name}` } });

/** Fail with the screen when anything raw shows. */
function clean(screen: string): string {
  expect(rawTextProblems(screen), screen).toEqual([]);
  return screen;
}

describe.skipIf(!hasTmux)('e2e: rendered text at 80x24', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it("says lesson 1's challenge goal in words, and titles the lesson's quiz by its name", async () => {
    session('lesson1', 'lesson 1');
    clean(await t.until((s) => s.includes('Lesson 1 ·') && s.includes('Step 1/'), 'lesson 1'));
    // On to the challenge; its goal may sit below the fold, so read the narrative pane down.
    await t.pressUntil(']', (s) => /Step \d+\/\d+: Make the client say it twice/.test(s), 'the challenge step', 20);
    await t.pressUntil('Tab', (s) => /› Step \d+/.test(s), 'the narrative focused', 4);
    const goal = await t.pressUntil('Down', (s) => s.includes('Challenge:'), 'the challenge goal', 30);
    clean(goal);
    expect(goal).toContain('Challenge: the client retransmits its FIN.');

    // To the end of the lesson, and into its quiz.
    await t.pressUntil(']', (s) => s.includes('Enter takes its quiz'), 'the end of the lesson', 10);
    t.keys('Enter');
    const quiz = clean(await t.until((s) => s.includes('Quiz ·'), 'the quiz'));
    expect(quiz).toMatch(/Quiz · lesson 1: The close/);
    t.keys('q');
    await t.exited('lesson1');
  });

  it('logs a policy switched from the perturb menu as a rule, not as JSON', async () => {
    session('policy', 'sandbox --scenario normal-close');
    await t.until((s) => s.includes('Sandbox · normal-close'), 'the sandbox');
    t.keys('p');
    await t.until((s) => s.includes('Perturb the run'), 'the perturb menu');
    await t.pressUntil('Tab', (s) => s.includes('[Global]'), 'the Global tab', 4);
    // Highlight the 4-tuple reuse entry, wherever it sits in the menu.
    await t.pressUntil('Down', (s) => /›[^\n]*reuse of a 4-tuple/.test(s), 'the reuse entry', 40);
    t.keys('Enter');
    await t.until((s) => !s.includes('Perturb the run'), 'the menu closed');
    const logged = await t.pressUntil('n', (s) => s.includes('now allowed'), 'the policy change on screen', 20);
    clean(logged);
    expect(logged).toMatch(/reuse of a 4-tuple in TIME_WAIT: now allowed/);
    t.keys('q');
    await t.exited('policy');
  });
});
