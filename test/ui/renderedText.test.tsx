/**
 * The raw-markup scan (issue 10, item 8): every step of every lesson, every challenge and every
 * quiz screen is rendered at 80x24 and 120x40, driven as a learner drives it (predicts answered
 * with each option, questions answered, every hint shown, challenges run, quizzes to their end),
 * and no frame may show raw Markdown or internal names (see textScan.ts).
 *
 * Text below the fold is scanned too: the narrative pane's full content (the step's Markdown
 * and the step panel, for every answer) is built with the pane's own functions at both widths.
 *
 * All problems are collected and reported together, each with its lesson, step, size and action.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/course.js';
import type { Lesson } from '../../src/lessons/loader.js';
import { LessonPlayer } from '../../src/lessons/player.js';
import { emptyProgress } from '../../src/store/progress.js';
import { stepPanelMd, type StepStatus } from '../../src/ui/components/StepPanel.js';
import { describeEvent } from '../../src/ui/format.js';
import { renderMarkdown } from '../../src/ui/markdown.js';
import { isVisibleEvent } from '../../src/ui/simTypes.js';
import { LessonScreen } from '../../src/ui/screens/LessonScreen.js';
import { QuizScreen } from '../../src/ui/screens/QuizScreen.js';
import { createTheme, ThemeContext } from '../../src/ui/theme.js';
import { REAL_LESSONS, renderApp } from './appHelpers.js';
import { renderSized, type Rendered } from './harness.js';
import { rawTextProblems } from './textScan.js';

const SIZES = [
  [80, 24],
  [120, 40],
] as const;
const theme = createTheme({ NO_COLOR: '1' });
let lessons: Lesson[] = [];
let configDir = '';

beforeAll(async () => {
  lessons = (await loadCourse(REAL_LESSONS)).lessons;
  configDir = mkdtempSync(path.join(tmpdir(), 'ttw-text-'));
});
afterAll(() => rmSync(configDir, { recursive: true, force: true }));

class Problems {
  readonly list: string[] = [];
  check(where: string, text: string): void {
    for (const p of rawTextProblems(text)) {
      const line = `${where}: ${p}`;
      if (!this.list.includes(line)) this.list.push(line);
    }
  }
}

function stepName(lesson: Lesson, i: number): string {
  const s = lesson.steps[i]!;
  return `lesson ${lesson.number} step ${i + 1} (${s.kind}${s.title ? ` "${s.title}"` : ''})`;
}

const paneText = (lines: ReturnType<typeof renderMarkdown>) => lines.map((l) => l.map((s) => s.text).join('')).join('\n');

describe('rendered text', () => {
  it('the narrative pane never holds raw markup, for any step and answer (full content, not just the visible part)', () => {
    const problems = new Problems();
    for (const lesson of lessons) {
      problems.check(`lesson ${lesson.number} title/summary`, `${lesson.title}\n${lesson.summary}`);
      for (const [i, step] of lesson.steps.entries()) {
        const where = stepName(lesson, i);
        const player = new LessonPlayer(lesson, { seed: 1, startAt: i });
        const base: StepStatus = { reached: false, timedOut: false, question: 0, hints: [] };
        const statuses: Array<[string, StepStatus]> = [['as shown', base]];
        if (step.kind === 'run') statuses.push(['reached', { ...base, reached: true }], ['timed out', { ...base, timedOut: true }]);
        if (step.kind === 'predict') {
          step.options.forEach((_, k) => {
            player.enterStep(i);
            const feedback = player.answerPredict(k);
            statuses.push([`option ${k + 1} picked`, { ...base, feedback, chosen: k }], [`option ${k + 1} revealed`, { ...base, feedback, chosen: k, reached: true }]);
          });
        }
        if (step.kind === 'questions') {
          step.questions.forEach((q, qi) =>
            q.options.forEach((_, k) => {
              player.enterStep(i);
              statuses.push([`question ${qi + 1} option ${k + 1}`, { ...base, question: qi, feedback: player.answerQuestion(qi, k), chosen: k }]);
            }),
          );
        }
        if (step.kind === 'challenge') {
          statuses.push(['all hints', { ...base, hints: [...step.hints] }], ['result', { ...base, hints: [...step.hints], challengeResult: 'Solved.', reached: true }]);
        }
        for (const w of [80, 120]) {
          problems.check(`${where} at width ${w}: title`, step.title ?? '');
          problems.check(`${where} at width ${w}: text`, paneText(renderMarkdown(step.text ?? '', w - 1, theme)));
          for (const [what, st] of statuses) problems.check(`${where} at width ${w}, ${what}`, paneText(stepPanelMd(step, st, w, theme)));
        }
      }
    }
    expect(problems.list).toEqual([]);
  });

  it('the event log says every event of every step in words, worked challenge solutions included', () => {
    const problems = new Problems();
    const logs: string[] = [];
    for (const lesson of lessons) {
      for (const [i, step] of lesson.steps.entries()) {
        const player = new LessonPlayer(lesson, { seed: 1, startAt: i });
        if (!player.sim) continue;
        if (step.kind === 'challenge') player.applySolution();
        else if (step.kind === 'predict') player.reveal();
        else player.play();
        const log = player.sim!.completeTrace().filter(isVisibleEvent).map(describeEvent).join('\n');
        problems.check(`${stepName(lesson, i)}${step.kind === 'challenge' ? ', worked solution' : ''}: event log`, log);
        logs.push(log);
      }
    }
    expect(problems.list).toEqual([]);
    // The scan did meet the policy changes and losses the course makes.
    expect(logs.join('\n')).toMatch(/perturbation: MSL is now/);
    expect(logs.join('\n')).toMatch(/perturbation: TIME_WAIT is off/);
    expect(logs.join('\n')).toMatch(/lost in the network \(dropped on purpose\)/);
  });

  for (const [columns, rows] of SIZES) {
    it(`every lesson step, driven by keys, shows no raw markup at ${columns}x${rows}`, async () => {
      const problems = new Problems();
      for (const lesson of lessons) {
        for (const [i, step] of lesson.steps.entries()) {
          const where = `${stepName(lesson, i)} at ${columns}x${rows}`;
          const r = renderSized(
            <ThemeContext.Provider value={theme}>
              <LessonScreen lesson={lesson} startAt={i} columns={columns} rows={rows} exportDir={configDir} onMenu={() => {}} />
            </ThemeContext.Provider>,
            columns,
            rows,
          );
          const seen = (what: string, f: string) => problems.check(`${where}, ${what}`, f);
          try {
            seen('on entry', await r.waitFor(`Step ${i + 1}/`));
            // Let the first frame's effects run, so the keys below reach the screen.
            await r.waitFor(`Step ${i + 1}/`);
            await drive(r, lesson, i, step, seen);
          } finally {
            r.unmount();
          }
        }
      }
      expect(problems.list).toEqual([]);
    }, 300_000);
  }

  for (const [columns, rows] of SIZES) {
    it(`the menu and every quiz screen show no raw markup at ${columns}x${rows}`, async () => {
      const problems = new Problems();
      const menu = renderApp({ configDir, lessonsDir: REAL_LESSONS }, columns, rows);
      problems.check(`menu at ${columns}x${rows}`, await menu.waitFor('Choose a lesson'));
      menu.unmount();
      for (const scope of ['mixed', ...lessons.map((l) => l.id)]) {
        const lesson = lessons.find((l) => l.id === scope);
        const title = lesson ? `lesson ${lesson.number}: ${lesson.title}` : undefined;
        const r = renderSized(
          <ThemeContext.Provider value={theme}>
            <QuizScreen scope={scope} scopeTitle={title} progress={emptyProgress(0)} columns={columns} rows={rows} now={() => 0} onProgress={() => {}} onMenu={() => {}} />
          </ThemeContext.Provider>,
          columns,
          rows,
        );
        const where = `quiz ${lesson ? `of lesson ${lesson.number}` : 'mixed'} at ${columns}x${rows}`;
        try {
          let f = await r.waitFor(/score \d+\/\d+/);
          for (let n = 1; n < 60 && !f.includes('Finished:'); n++) {
            problems.check(`${where}, question ${n}`, f);
            // Alternate between the first and second option, so right and wrong feedback both show.
            r.press(String(1 + (n % 2)));
            f = await r.waitFor(/✓ Right\.|✗ Not that one/);
            problems.check(`${where}, feedback ${n}`, f);
            // Feedback never contradicts itself: one verdict line, and no "Right…" line under it.
            if (/^(Right|Wrong)\b/m.test(f.split(/✗ Not that one.*|✓ Right\./)[1] ?? '')) problems.list.push(`${where}, feedback ${n}: an explanation opens with a verdict of its own`);
            if ((f.match(/✓ Right\.|✗ Not that one/g) ?? []).length !== 1) problems.list.push(`${where}, feedback ${n}: not exactly one verdict line`);
            if (f.includes('w: show me')) {
              r.press('w');
              problems.check(`${where}, show me ${n}`, await r.waitFor('w: hide'));
            }
            const before = f;
            r.press('enter');
            f = await r.waitFor((x) => x !== before && !x.includes('w: hide') && !/✓ Right\.|✗ Not that one/.test(x));
          }
          expect(f, where).toContain('Finished:');
          problems.check(`${where}, results`, f);
        } finally {
          r.unmount();
        }
      }
      expect(problems.list).toEqual([]);
    }, 120_000);
  }
});

type Seen = (what: string, frame: string) => void;

/**
 * Everything the narrative pane holds right now: focus it, go to its top, and page down while
 * it says "(↓ N more)", keeping every frame. At 80x24 a step's goal and feedback are often
 * below the fold, and they must be scanned too.
 */
const scrolled = new WeakSet<Rendered>();

async function readAll(r: Rendered): Promise<string> {
  const changed = async (before: string, key: string, timeoutMs = 2_000) => {
    r.press(key);
    return r.waitFor((x) => x !== before, `a change after ${key}`, timeoutMs).catch(() => r.frame());
  };
  let f = r.frame();
  for (let i = 0; i < 3 && !/› (?:✓ )?Step \d/.test(f); i++) f = await changed(f, 'tab');
  // Back to the top if the last read scrolled: `f` follows "now" again, which puts the narrative
  // at its first line (a restarted step may have done so already, hence the short wait).
  if (scrolled.has(r)) f = await changed(f, 'f', 300);
  scrolled.delete(r);
  let all = f;
  for (let i = 0; i < 100 && /\(↓ \d+ more\)/.test(f); i++) {
    f = await changed(f, 'down');
    scrolled.add(r);
    all += `\n${f}`;
  }
  return all;
}

/** Press a key, then read the whole pane until `marker` shows in it. */
async function act(r: Rendered, key: string, marker: RegExp | string, what: string): Promise<string> {
  const before = r.frame();
  r.press(key);
  await r.waitFor((x) => x !== before, `a change after ${key}`, 20_000).catch(() => undefined);
  for (let tries = 0; ; tries++) {
    const all = await readAll(r);
    if (typeof marker === 'string' ? all.includes(marker) : marker.test(all)) return all;
    if (tries > 20) throw new Error(`never saw ${what} after ${key}; last frame:\n${r.frame()}`);
    const f = r.frame();
    await r.waitFor((x) => x !== f, what, 1_000).catch(() => undefined);
  }
}

/** Play one step as a learner would, scanning every frame of the narrative pane on the way. */
async function drive(r: Rendered, lesson: Lesson, i: number, step: Lesson['steps'][number], seen: Seen): Promise<void> {
  seen('pane on entry', await readAll(r));
  switch (step.kind) {
    case 'run':
      seen('after enter', await act(r, 'enter', /Goal reached|Goal not reached/, 'the run goal'));
      return;
    case 'predict':
      for (let k = 0; k < step.options.length; k++) {
        if (k > 0) await act(r, 'r', /Answer with/, 'the step restarted');
        seen(`key ${k + 1} answered`, await act(r, String(k + 1), /✓ Right\.|✗ Not quite/, 'the feedback'));
        seen(`key ${k + 1} revealed`, await act(r, 'enter', /Revealed/, 'the reveal'));
      }
      return;
    case 'questions':
      for (let q = 0; q < step.questions.length; q++) {
        // Alternate the answered digit, so right and wrong feedback both show across the course.
        const key = String(1 + ((q + i) % step.questions[q]!.options.length));
        seen(`question ${q + 1} answered`, await act(r, key, /✓ Right\.|✗ Not quite/, 'the feedback'));
        if (q < step.questions.length - 1) await act(r, 'enter', `Question ${q + 2} of`, 'the next question');
      }
      return;
    case 'challenge':
      for (let h = 0; h < step.hints.length; h++) seen(`hint ${h + 1}`, await act(r, 'H', `Hint ${h + 1}:`, `hint ${h + 1}`));
      seen('challenge run', await act(r, 'enter', /Solved|Not yet/, 'the challenge result'));
      return;
    case 'recap':
      if (i === lesson.steps.length - 1) seen('lesson done', await act(r, 'enter', '✓ Step', 'the end of the lesson'));
      return;
    case 'compare':
      seen('at the end of both runs', await act(r, 'G', /At \d+\.\d+ s[^:]*: with /, 'the divergence said'));
      return;
    default:
      return;
  }
}
