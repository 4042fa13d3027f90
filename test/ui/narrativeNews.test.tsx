/**
 * The newest feedback is visible at 80x24 (issue 10, item 5): after an answer, a hint or a
 * challenge's result, every line of that news shows without scrolling, the ladder keeps at
 * least its minimum, and the narrative gives its rows back while the run plays.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/course.js';
import type { Lesson } from '../../src/lessons/loader.js';
import { LessonPlayer, type AnswerFeedback } from '../../src/lessons/player.js';
import type { Step } from '../../src/lessons/schema.js';
import { stepPanelMd, type StepStatus } from '../../src/ui/components/StepPanel.js';
import { MIN_LADDER_ROWS, runLayout } from '../../src/ui/layout.js';
import { LessonScreen } from '../../src/ui/screens/LessonScreen.js';
import { optionCount, optionOrder, optionSeed } from '../../src/lessons/optionOrder.js';
import { createTheme } from '../../src/ui/theme.js';
import { renderSized, type Rendered } from './harness.js';

const COLS = 80;
const ROWS = 24;
const theme = createTheme({ NO_COLOR: '1' });
let lessons: Lesson[] = [];
beforeAll(async () => {
  lessons = (await loadCourse('lessons')).lessons;
});

const EMPTY: StepStatus = { reached: false, timedOut: false, question: 0, hints: [] };
const text = (l: ReadonlyArray<{ text: string }>): string => l.map((s) => s.text).join('').trim();

/** The panel lines that the news added: from the first line that differs to the end. */
function newsLines(step: Step, before: StepStatus, after: StepStatus): string[] {
  const a = stepPanelMd(step, before, COLS, theme).map(text);
  const b = stepPanelMd(step, after, COLS, theme).map(text);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return b.slice(i).filter(Boolean);
}

/**
 * After an answer the news is the verdict and what follows it (both explanations, the next key).
 * The options above gain their ✓/✗ marks too, but when the two explanations are long those may
 * scroll up (the verdict names both numbers), so they are not required on screen.
 */
function verdictLines(step: Step, before: StepStatus, after: StepStatus): string[] {
  const lines = newsLines(step, before, after);
  const v = lines.findIndex((l) => /^(✓ Right\.|✗ Not quite)/.test(l));
  expect(v, 'a verdict line').toBeGreaterThanOrEqual(0);
  return lines.slice(v);
}

/** The order the screen shows a step's options in (no learner id: 'anonymous', first attempt). */
function shownOrder(lesson: Lesson, index: number, question = 0): number[] {
  const step = lesson.steps[index]!;
  return optionOrder(optionCount(step, question), optionSeed('anonymous', lesson.id, index, question, 0));
}

function open(lesson: Lesson, index: number): Rendered {
  return renderSized(<LessonScreen lesson={lesson} startAt={index} columns={COLS} rows={ROWS} onMenu={() => {}} />, COLS, ROWS);
}

async function expectOnScreen(r: Rendered, lines: string[], what: string): Promise<void> {
  expect(lines.length, what).toBeGreaterThan(0);
  let f = '';
  try {
    f = await r.waitFor((fr) => lines.every((l) => fr.includes(l)), what, 3000);
  } catch {
    f = r.frame();
  }
  const missing = lines.filter((l) => !f.includes(l));
  expect(missing, `${what}, frame:\n${f}`).toEqual([]);
  expect(f.split('\n').length, what).toBeLessThanOrEqual(ROWS);
}

describe('news in the narrative at 80x24', () => {
  it('every answer to every predict shows its verdict, both explanations and the next key without scrolling', async () => {
    for (const lesson of lessons) {
      for (const [index, step] of lesson.steps.entries()) {
        if (step.kind !== 'predict') continue;
        for (let k = 0; k < step.options.length; k++) {
          const fb: AnswerFeedback = new LessonPlayer(lesson, { startAt: index }).answerPredict(k);
          const order = shownOrder(lesson, index);
          const lines = verdictLines(step, { ...EMPTY, order }, { ...EMPTY, order, feedback: fb, chosen: k });
          const r = open(lesson, index);
          await r.waitFor(`Step ${index + 1}/`);
          r.press(String(order.indexOf(k) + 1));
          await expectOnScreen(r, lines, `lesson ${lesson.number} step ${index + 1} option ${k + 1}`);
          r.unmount();
        }
      }
    }
  }, 120_000);

  it('every question shows the feedback to an answer without scrolling', async () => {
    for (const lesson of lessons) {
      for (const [index, step] of lesson.steps.entries()) {
        if (step.kind !== 'questions') continue;
        const r = open(lesson, index);
        for (const [q, question] of step.questions.entries()) {
          await r.waitFor(`Question ${q + 1} of ${step.questions.length}`);
          const k = question.options.length - 1;
          const fb = new LessonPlayer(lesson, { startAt: index }).answerQuestion(q, k);
          const order = shownOrder(lesson, index, q);
          const lines = verdictLines(step, { ...EMPTY, question: q, order }, { ...EMPTY, question: q, order, feedback: fb, chosen: k });
          r.press(String(order.indexOf(k) + 1));
          await expectOnScreen(r, lines, `lesson ${lesson.number} step ${index + 1} question ${q + 1}`);
          r.press('enter');
        }
        r.unmount();
      }
    }
  }, 120_000);

  it('every hint of every challenge, and the result of a run, show without scrolling', async () => {
    for (const lesson of lessons) {
      for (const [index, step] of lesson.steps.entries()) {
        if (step.kind !== 'challenge') continue;
        const r = open(lesson, index);
        await r.waitFor(`Step ${index + 1}/`);
        for (let h = 1; h <= step.hints.length; h++) {
          r.press('H');
          const lines = newsLines(step, { ...EMPTY, hints: step.hints.slice(0, h - 1) }, { ...EMPTY, hints: step.hints.slice(0, h) });
          await expectOnScreen(r, lines, `lesson ${lesson.number} step ${index + 1} hint ${h}`);
        }
        r.press('enter');
        const f = await r.waitFor(/Not yet: [^\n]*|Solved: [^\n]*/, `lesson ${lesson.number} step ${index + 1} result`);
        // The result is the last panel line: every hint above it still shows.
        for (const hint of newsLines(step, EMPTY, { ...EMPTY, hints: step.hints })) expect(f, `lesson ${lesson.number} step ${index + 1}`).toContain(hint);
        r.unmount();
      }
    }
  }, 120_000);

  it('lesson 1 step 12 with three hints: no "more" below the fold, and the ladder keeps its rows', async () => {
    const lesson = lessons.find((l) => l.number === 1)!;
    const r = open(lesson, 11);
    await r.waitFor('Step 12/');
    r.press('H', 'H', 'H');
    const f = await r.waitFor('Hint 3:');
    expect(f).not.toMatch(/↓ \d+ more/);
    expect(f).toMatch(/time +client +server/); // the ladder keeps its heads and a row of "now"
    expect(f).toMatch(/0\.000s/);
  });
});

describe('text before anything is drawn, and recaps, at 80x24', () => {
  it('a step whose ladder is still empty shows its whole text, and a recap shows every point', async () => {
    for (const lesson of lessons) {
      for (const [index, step] of lesson.steps.entries()) {
        const player = new LessonPlayer(lesson, { startAt: index });
        const empty = !player.sim || player.sim.trace.length === 0;
        if (step.kind !== 'recap' && !(empty && (step.kind === 'run' || step.kind === 'setup' || step.kind === 'narrative'))) continue;
        const r = open(lesson, index);
        const f = await r.waitFor(`Step ${index + 1}/`);
        expect(f, `lesson ${lesson.number} step ${index + 1}:\n${f}`).not.toMatch(/↓ \d+ more/);
        if (step.kind === 'recap') for (const p of step.points) expect(f.replace(/\s+/g, ' ')).toContain(p.replace(/\s+/g, ' ').slice(0, 30));
        r.unmount();
      }
    }
  }, 120_000);
});

describe('runLayout with news', () => {
  it('grows the narrative to what it needs, never shrinking the ladder below its minimum', () => {
    const base = runLayout(COLS, ROWS, { narrative: true, diagram: false, tallNarrative: true });
    const some = runLayout(COLS, ROWS, { narrative: true, diagram: false, tallNarrative: true, news: true, narrativeLines: () => 10 });
    const lots = runLayout(COLS, ROWS, { narrative: true, diagram: false, tallNarrative: true, news: true, narrativeLines: () => 100 });
    expect(some.narrative.height).toBe(11);
    expect(lots.narrative.height).toBeGreaterThan(base.narrative.height);
    expect(lots.ladder.height).toBe(MIN_LADDER_ROWS);
    for (const L of [base, some, lots]) expect(L.ladder.height + L.endpoints.height + L.narrative.height + L.log.height).toBe(L.body.height);
    // Little to say: no rows borrowed.
    expect(runLayout(COLS, ROWS, { narrative: true, diagram: false, tallNarrative: true, news: true, narrativeLines: () => 2 }).narrative.height).toBe(base.narrative.height);
    // A tall terminal keeps its log while it has room to spare.
    const tall = runLayout(COLS, 60, { narrative: true, diagram: false, tallNarrative: true, news: true, narrativeLines: () => 12 });
    expect(tall.log.height).toBe(8);
  });
});
