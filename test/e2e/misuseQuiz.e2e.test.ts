/**
 * End to end: the API-misuse set in the BUILT CLI's mixed review quiz at 80x24. The learner id
 * saved in progress seeds the selection and the option order, so the test knows where the misuse
 * question comes and which digit is right. It answers up to it, reads the "API misuse" kind line,
 * picks a wrong option, reads the verdict and both reasons, finishes the session, and finds the
 * set labelled in the results and in the review of missed questions. Waits poll the screen.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quizBank } from '../../src/quiz/bank.js';
import { startQuizForProgress } from '../../src/quiz/progressBridge.js';
import type { QuizQuestion } from '../../src/quiz/types.js';
import { progressFilePath } from '../../src/store/configDir.js';
import { emptyProgress, withLearnerId } from '../../src/store/progress.js';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;
const digit = (q: QuizQuestion, id: string) => String(q.options.findIndex((o) => o.id === id) + 1);

describe.skipIf(!hasTmux)('e2e: API misuse in the mixed review at 80x24', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it('asks a labelled misuse question, explains a wrong pick, and labels it in the results and review', async () => {
    const dir = path.join(t.tmp, 'misuse');
    mkdirSync(dir, { recursive: true });
    const saved = withLearnerId(emptyProgress(Date.UTC(2026, 0, 1)), 'e2e-misuse-learner');
    writeFileSync(progressFilePath(dir), JSON.stringify(saved));
    const { run } = startQuizForProgress(saved, quizBank(), 'mixed');
    const at = run.questions.findIndex((q) => q.kind === 'misuse');
    expect(at).toBeGreaterThan(0); // in the session, and not its opening question
    const misuse = run.questions[at]!;

    t.start('quiz', 'quiz', { columns: 80, rows: 24, env: { TCP_TIMEWAIT_CONFIG_DIR: dir } });
    for (let i = 0; i < run.questions.length; i++) {
      const q = run.questions[i]!;
      let screen = await t.until((s) => s.includes(`question ${i + 1} of 10`) && s.includes(q.prompt.slice(0, 30)), `question ${i + 1}`);
      if (i === at) {
        expect(screen).toContain('Kind: API misuse: what does the call do?');
        expect(screen).toContain(`calls ${misuse.misuse!.call}()`);
        expect(screen).toContain(`is in ${misuse.misuse!.state}.`);
        const wrong = misuse.options.find((o) => o.id !== misuse.answerId)!;
        t.keys(digit(misuse, wrong.id));
        screen = await t.until((s) => s.includes('✗ Not that one'), 'the verdict on the misuse question');
        expect(screen).toContain(`✗ Not that one: the answer is ${digit(misuse, misuse.answerId)}.`);
        expect(screen.match(/✓ Right\.|✗ Not that one/g)).toHaveLength(1);
        expect(screen).toContain('error: connection');
        expect(screen).toContain('Your pick: ');
        expect(screen).toMatch(/Source: RFC 9293 §3\.10\.[24]/);
        for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
      } else {
        t.keys(digit(q, q.answerId));
        await t.until((s) => s.includes('✓ Right.'), `the verdict on question ${i + 1}`);
      }
      t.keys('Enter');
    }

    let screen = await t.until((s) => s.includes('Finished: 9 of 10 right.'), 'the results');
    expect(screen).toContain(`✗ ${misuse.topic}: again next session`);
    expect(misuse.topic).toMatch(/^API misuse: /);
    t.keys('r');
    screen = await t.until((s) => s.includes('Review: missed question 1 of 1'), 'the review');
    expect(screen).toContain('Review: missed question 1 of 1 · API misuse');
    const picked = misuse.options.find((o) => o.id !== misuse.answerId)!;
    expect(screen).toContain(`Why ${digit(misuse, picked.id)} is wrong:`);
    for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    t.keys('q');
    const end = await t.exited('quiz');
    expect(end.code).toBe(0);
  });
});
