/**
 * End to end: the BUILT CLI in a real terminal shows a predict's options in the order seeded by
 * the saved learner id, not in the lesson file's order, and two learners see different orders.
 * The digit on screen answers the option under it. Waits poll the screen; no fixed sleeps.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/lessons/loader.js';
import { optionOrder, optionSeed } from '../../src/lessons/optionOrder.js';
import type { PredictStep } from '../../src/lessons/schema.js';
import { progressFilePath } from '../../src/store/configDir.js';
import { emptyProgress, recordLessonStep, withLearnerId } from '../../src/store/progress.js';
import { ensureBuiltCli, hasTmux, ROOT, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;

describe.skipIf(!hasTmux)('e2e: shuffled lesson options', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it('two learner ids see the first predict of lesson 1 in different orders, neither the file\'s', async () => {
    const lesson = (await loadLesson(path.join(ROOT, 'lessons', '01-the-close.yaml'))).lesson!;
    const index = lesson.steps.findIndex((s) => s.kind === 'predict');
    const step = lesson.steps[index] as PredictStep;
    const n = step.options.length;
    // The first attempt at a resumed step is attempt 0 when no step was entered before.
    const orderOf = (id: string) => optionOrder(n, optionSeed(id, lesson.id, index, 0, 0));
    const fileOrder = [...Array(n).keys()].join();
    const ids: string[] = [];
    for (let k = 0; ids.length < 2; k++) {
      const id = `e2e-learner-${k}`;
      if (orderOf(id).join() !== fileOrder && !ids.some((o) => orderOf(o).join() === orderOf(id).join())) ids.push(id);
    }

    for (const id of ids) {
      const dir = path.join(t.tmp, id);
      mkdirSync(dir, { recursive: true });
      const saved = { ...recordLessonStep(withLearnerId(emptyProgress(Date.UTC(2026, 0, 1)), id), lesson.id, index, Date.UTC(2026, 0, 1)), attempts: 0 };
      writeFileSync(progressFilePath(dir), JSON.stringify(saved));
      t.start(id, 'lesson 1', { columns: 100, rows: 40, env: { TCP_TIMEWAIT_CONFIG_DIR: dir } });
      const screen = await t.until((s) => /Answer with 1-\d/.test(s), `the predict for ${id}`);
      const order = orderOf(id);
      // Each option's opening words follow the number the seeded order gives it.
      order.forEach((i, d) => expect(screen).toContain(`${d + 1}. ${step.options[i]!.text.slice(0, 30)}`));

      // The digit in front of the correct option answers it.
      const right = step.options.findIndex((o) => o.correct);
      t.keys(String(order.indexOf(right) + 1));
      await t.until((s) => s.includes('✓ Right.'), `the feedback for ${id}`);
      t.keys('q');
      const end = await t.exited(id);
      expect(end.code).toBe(0);
    }
  });
});
