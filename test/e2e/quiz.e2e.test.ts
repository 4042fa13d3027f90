/**
 * End to end: the BUILT CLI's quiz (`node dist/cli.js quiz`) at 80x24 in a real terminal. The
 * learner id saved in progress seeds the option order, so the test knows which digit is right;
 * it answers one question right and one wrong, reads the single verdict line and the
 * explanations, and checks the footer still fits. Waits poll the screen; no fixed sleeps.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quizBank } from '../../src/quiz/bank.js';
import { startQuizForProgress } from '../../src/quiz/progressBridge.js';
import { progressFilePath } from '../../src/store/configDir.js';
import { emptyProgress, withLearnerId } from '../../src/store/progress.js';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;

describe.skipIf(!hasTmux)('e2e: the quiz at 80x24', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it('answers a question right and one wrong, with one verdict line and the reasons', async () => {
    const dir = path.join(t.tmp, 'quiz');
    mkdirSync(dir, { recursive: true });
    const saved = withLearnerId(emptyProgress(Date.UTC(2026, 0, 1)), 'e2e-quiz-learner');
    writeFileSync(progressFilePath(dir), JSON.stringify(saved));
    // The same selection and seeded order the app will make for this learner's first session.
    const { run } = startQuizForProgress(saved, quizBank(), 'mixed');
    const [q1, q2] = run.questions;
    const rightDigit = (q: typeof q1) => String(q!.options.findIndex((o) => o.id === q!.answerId) + 1);

    t.start('quiz', 'quiz', { columns: 80, rows: 24, env: { TCP_TIMEWAIT_CONFIG_DIR: dir } });
    let screen = await t.until((s) => s.includes('question 1 of 10'), 'the first question');
    expect(screen).toContain(q1!.prompt.slice(0, 40));
    expect(screen).toMatch(/Kind: /);
    expect(screen).not.toContain(q1!.topic + ' ·');
    expect(screen).toContain('? help');

    t.keys(rightDigit(q1));
    screen = await t.until((s) => s.includes('✓ Right.'), 'the verdict');
    expect(screen).toContain('score 1/1');
    expect(screen).toContain('Why: ');
    expect(screen).not.toContain('Your pick:');
    expect(screen.match(/✓ Right\.|✗ Not that one/g)).toHaveLength(1);

    t.keys('Enter');
    screen = await t.until((s) => s.includes('question 2 of 10'), 'the second question');
    expect(screen).toContain(q2!.prompt.slice(0, 40));
    const wrong = q2!.options.findIndex((o) => o.id !== q2!.answerId) + 1;
    t.keys(String(wrong));
    screen = await t.until((s) => s.includes('✗ Not that one'), 'the wrong verdict');
    expect(screen).toContain(`✗ Not that one: the answer is ${rightDigit(q2)}.`);
    expect(screen).toContain('Your pick: ');
    expect(screen).toContain('score 1/2');
    expect(screen).not.toMatch(/\bWrong\.|^Right\b/m);
    expect(screen).toContain('? help');
    for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    t.keys('q');
    const end = await t.exited('quiz');
    expect(end.code).toBe(0);
  });
});
