/**
 * Screen-reader mode through a whole lesson, on the BUILT CLI in tmux: `--screen-reader` turns
 * the drawings into sentences, and a learner who cannot see the ladder must still be able to
 * finish lesson 1 with the keys alone: read each step, answer its predictions and questions,
 * open the perturb menu, drop the client's FIN and hear it retransmitted.
 *
 * Like lessonOne.e2e.test.ts, what to press comes from the lesson's structure and the words on
 * screen ("Step N/M", the menu's entries), never from option positions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonSteps, stepOf } from './lessonSteps.js';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

const steps = lessonSteps('01-the-close.yaml');

let t: TmuxTerminal;
// Tall enough that a whole step's narration stays on the pane (a reader hears all of it anyway).
const SIZE = { columns: 80, rows: 50 };
const DRAWING = /[│╭╮╰╯├┤─]{2,}/;

describe.skipIf(!hasTmux)('e2e: lesson 1 in screen-reader mode, keys only', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it('reads every step as sentences and can be finished', async () => {
    const env = { TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg`, TCP_TIMEWAIT_EXPORT_DIR: `${t.tmp}/exports` };
    t.start('reader', '--screen-reader lesson 1', { ...SIZE, env });
    await t.until((s) => stepOf(s) === 1 && s.includes('Keys:'), 'step 1 read out');

    const visited = new Set<number>();
    let heardRetransmission = false;
    for (let guard = 0; guard < 200; guard++) {
      const s = t.screen();
      if (s.includes('Lesson 1 done')) break;
      const n = stepOf(s);
      expect(n, `a step number in the narration:\n${s}`).toBeDefined();
      // Sentences only: no ladder, no boxes, and the keys are spoken.
      expect(s, `drawing characters at step ${n}:\n${s}`).not.toMatch(DRAWING);
      expect(s).toContain('Keys:');
      const shape = steps[n! - 1]!;
      if (!visited.has(n!)) {
        visited.add(n!);
        if (shape.kind === 'predict') {
          await t.press('1', `the prediction of step ${n}`);
          await t.press('Enter', `the reveal of step ${n}`);
        } else if (shape.kind === 'questions') {
          for (let q = 0; q < (shape.questions?.length ?? 0); q++) {
            await t.press('1', `question ${q + 1} of step ${n}`);
            if (q < (shape.questions?.length ?? 0) - 1) await t.press('Enter', `question ${q + 2} of step ${n}`);
          }
        } else if (shape.kind === 'challenge') {
          await t.pressUntil('n', (x) => /client sends FIN seq=\d+/.test(x), "the client's FIN in the narration", 40);
          const menu = await t.press('p', 'the perturb menu read out');
          expect(menu).toMatch(/drop\s+FIN seq=\d+/);
          await t.pressUntil('j', (x) => /›\s*drop\s+FIN seq=\d+.*client→server/.test(x), 'the cursor on the FIN drop', 20);
          await t.press('Enter', 'the drop applied');
          await t.press('Enter', 'the challenge running');
          await t.until((x) => /retransmi/i.test(x), "the client's FIN retransmitted, in words", 20_000);
          heardRetransmission = true;
        }
      }
      await t.press('Enter', `going on from step ${n}`);
    }
    expect(t.screen()).toContain('Lesson 1 done');
    expect(heardRetransmission).toBe(true);
    expect([...visited].sort((a, b) => a - b)).toEqual(steps.map((_, i) => i + 1));
    t.keys('q');
    const end = await t.exited('reader');
    expect(end.code).toBe(0);
    // The shell prompt starts on its own line after the narration.
    expect(end.screen).toMatch(/^EXIT=0$/m);
  });
});
