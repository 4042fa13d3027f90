/**
 * Acceptance, as a learner would do it: the BUILT CLI at 80x24 in tmux plays lesson 1 from the
 * menu to its end with keys only, quits, starts again and finds lesson 1 marked done.
 *
 * What to press comes from the screen ("Step N/M", the option marks, the ladder) and from the
 * lesson's structure (which step is a predict, a question set or the challenge), never from its
 * wording, so rewording or shuffling options does not break it. Answers are always "1": being
 * right does not gate completion. The challenge is solved for real with the perturb menu: drop
 * the client's FIN while it is in flight, run, and see it retransmitted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonSteps, stepOf } from './lessonSteps.js';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

const steps = lessonSteps('01-the-close.yaml');

let t: TmuxTerminal;
const SIZE = { columns: 80, rows: 24 };

/** The lesson-1 challenge: step to the client's FIN, drop it in flight, run, see it again. */
async function solveChallenge(): Promise<void> {
  await t.pressUntil('n', (s) => /FIN seq=\d+/.test(s), "the client's FIN on the ladder", 40);
  const menu = await t.press('p', 'the perturb menu');
  const lines = menu.split('\n');
  const target = lines.findIndex((l) => /drop\s+FIN seq=\d+.*client→server/.test(l));
  expect(target, `a drop entry for the in-flight FIN:\n${menu}`).toBeGreaterThan(-1);
  // Move the cursor (›) down to that entry, reading the screen after each move.
  await t.pressUntil('j', (s) => /›\s*drop\s+FIN seq=\d+.*client→server/.test(s), 'the cursor on the FIN drop', 20);
  await t.press('Enter', 'the drop applied and the menu closed');
  await t.press('Enter', 'the challenge running');
  await t.until((s) => /↻ FIN seq=\d+/.test(s), "the client's retransmitted FIN", 20_000);
}

describe.skipIf(!hasTmux)('e2e: lesson 1 from the menu to the end, keys only, at 80x24', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it('plays lesson 1 to its end, and a restart shows it done', async () => {
    const env = { TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg`, TCP_TIMEWAIT_EXPORT_DIR: `${t.tmp}/exports` };
    t.start('course', '', { ...SIZE, env });
    const menu = await t.until((s) => /^\W*1\. /m.test(s) && s.includes('not started'), 'the lesson menu');
    expect(menu).not.toMatch(/⚠/);
    // The cursor starts on lesson 1.
    await t.press('Enter', 'lesson 1 opening');
    await t.until((s) => stepOf(s) === 1, 'step 1');

    const visited = new Set<number>();
    let solved = false;
    for (let guard = 0; guard < 200; guard++) {
      const s = t.screen();
      if (s.includes('Lesson 1 done')) break;
      const n = stepOf(s);
      expect(n, `a step number on screen:\n${s}`).toBeDefined();
      const shape = steps[n! - 1]!;
      if (!visited.has(n!)) {
        visited.add(n!);
        if (shape.kind === 'predict') {
          await t.press('1', `the prediction of step ${n}`);
          await t.press('Enter', `the reveal of step ${n}`);
        } else if (shape.kind === 'questions') {
          for (let q = 0; q < (shape.questions?.length ?? 0); q++) {
            await t.press('1', `question ${q + 1} of step ${n}`);
            await t.until((x) => /^[✓✗]\s*\d+\./m.test(x), `the marks on question ${q + 1}`);
            if (q < (shape.questions?.length ?? 0) - 1) await t.press('Enter', `question ${q + 2} of step ${n}`);
          }
        } else if (shape.kind === 'challenge') {
          await solveChallenge();
          solved = true;
        }
      }
      // Go on: runs play to their goal first, so Enter may keep us on the step once.
      await t.press('Enter', `going on from step ${n}`);
    }
    const end = t.screen();
    expect(end).toContain('Lesson 1 done');
    expect(solved).toBe(true);
    expect([...visited].sort((a, b) => a - b)).toEqual(steps.map((_, i) => i + 1));

    t.keys('q');
    expect((await t.exited('course')).code).toBe(0);

    // A fresh start reads the saved progress: lesson 1 is done.
    t.start('again', '', { ...SIZE, env });
    const again = await t.until((s) => /^\W*1\. /m.test(s), 'the lesson menu after a restart');
    const lessonOne = again.split('\n').find((l) => /^\W*1\. /.test(l))!;
    expect(lessonOne).toContain('✓');
    expect(again).not.toMatch(/⚠/);
    t.keys('q');
    expect((await t.exited('again')).code).toBe(0);
  });
});
