/**
 * Runs stop where the text says (issue 10, item 4). For every run and predict step of the
 * course: the stop times its words quote ("play on to 46 s", lessons/README.md) must be where
 * the step stops, headless through LessonPlayer and through the screen's own key paths
 * (Space plays, → steps, Enter jumps: src/ui/lessonStops.ts on a SimController).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/course.js';
import type { Lesson } from '../../src/lessons/loader.js';
import { LessonPlayer } from '../../src/lessons/player.js';
import { quoteMatches, quotedStopTimes, stepQuotedStops } from '../../src/lessons/quotedStops.js';
import type { PredictStep, RunStep } from '../../src/lessons/schema.js';
import { jumpToStop, stepStopOptions } from '../../src/ui/lessonStops.js';
import { SimController, SPEEDS } from '../../src/ui/simController.js';

let lessons: Lesson[] = [];
beforeAll(async () => {
  lessons = (await loadCourse('lessons')).lessons;
});

interface Case {
  name: string;
  lesson: Lesson;
  index: number;
  step: RunStep | PredictStep;
}
function cases(): Case[] {
  return lessons.flatMap((lesson) =>
    lesson.steps.flatMap((step, index) => (step.kind === 'run' || step.kind === 'predict' ? [{ name: `lesson ${lesson.number} step ${index + 1}`, lesson, index, step }] : [])),
  );
}

/** A player on the step, with a prediction made (Enter needs one). */
function playerAt(c: Case): LessonPlayer {
  const p = new LessonPlayer(c.lesson, { startAt: c.index });
  if (c.step.kind === 'predict') p.answerPredict(0);
  return p;
}

/** A controller wired as the lesson screen wires it. */
function screenController(p: LessonPlayer): { ctrl: SimController; goalSeen: { current: boolean } } {
  const goalSeen = { current: false };
  const ctrl = new SimController(p.sim!, { ...stepStopOptions(p, goalSeen), clock: p.clockSeconds * 1e6, speedIndex: SPEEDS.length - 1 });
  return { ctrl, goalSeen };
}

const seconds = (micros: number): number => Math.round(micros) / 1e6;

/** Space: play until the screen pauses by itself. */
function stopBySpace(p: LessonPlayer): number {
  const { ctrl } = screenController(p);
  ctrl.play();
  for (let i = 0; i < 100_000 && ctrl.getState().playing; i++) ctrl.tick(50);
  expect(ctrl.getState().playing).toBe(false);
  return seconds(ctrl.getState().clock);
}

/** →: step until the step panel says the goal is reached or timed out. */
function stopByStepping(p: LessonPlayer): number {
  const { ctrl } = screenController(p);
  for (let i = 0; i < 10_000; i++) {
    const pr = p.progress(ctrl.getState().clock);
    if (pr.reached || pr.timedOut) break;
    ctrl.step();
  }
  return seconds(ctrl.getState().clock);
}

/** Enter: jump. */
function stopByEnter(p: LessonPlayer): number {
  const { ctrl } = screenController(p);
  jumpToStop(p, ctrl);
  return seconds(ctrl.getState().clock);
}

describe('quoted stop times', () => {
  it('finds the phrases of the convention and nothing else', () => {
    expect(quotedStopTimes('We will now play on to 46 s, about 45 seconds into TIME_WAIT.')).toEqual([{ seconds: 46, phrase: 'play on to 46 s' }]);
    expect(quotedStopTimes('We will play to **61.5 s**.').map((q) => q.seconds)).toEqual([61.5]);
    expect(quotedStopTimes('The run stops at 3 s; fast-forward to 120 seconds; it paused at 0.85 s.').map((q) => q.seconds)).toEqual([3, 120, 0.85]);
    // Times of events are not stops.
    expect(quotedStopTimes('The timer runs to 61.85 s. At 0.85 s the client enters TIME_WAIT, until 240.85 s.')).toEqual([]);
  });

  it('a quote is as precise as its digits', () => {
    expect(quoteMatches(46, 46, '46 s')).toBe(true);
    expect(quoteMatches(46, 1.8, '46 s')).toBe(false);
    expect(quoteMatches(61.5, 60.85, '61.5 s')).toBe(false);
    expect(quoteMatches(60.85, 60.85, '60.85 s')).toBe(true);
  });
});

describe('every run and predict step stops where its text says', () => {
  it('the course has run and predict steps, and quotes stop times in some of them', () => {
    expect(cases().length).toBeGreaterThan(40);
    expect(cases().filter((c) => stepQuotedStops(c.step, []).length > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('headless: the quoted times are where LessonPlayer stops, and a time target is quoted', () => {
    const wrong: string[] = [];
    for (const c of cases()) {
      const p = playerAt(c);
      const r = p.play()!;
      expect(r.reached, c.name).toBe(true);
      expect(p.clockSeconds, c.name).toBeCloseTo(r.endSeconds, 9);
      const quotes = stepQuotedStops(c.step, []);
      for (const q of quotes) if (!quoteMatches(q.seconds, r.endSeconds, q.phrase)) wrong.push(`${c.name}: "${q.phrase}" but stops at ${r.endSeconds} s`);
      // A run to a moment must say which moment, in the words of the convention.
      if (c.step.until.kind === 'time' && quotes.length === 0) wrong.push(`${c.name}: plays to ${c.step.until.seconds} s without quoting it`);
    }
    expect(wrong).toEqual([]);
  });

  it('Space, → and Enter on the screen stop at the same moment as the headless run', () => {
    const wrong: string[] = [];
    for (const c of cases()) {
      const p = playerAt(c);
      const headless = p.play()!.endSeconds;
      const keys = { space: stopBySpace(playerAt(c)), step: stopByStepping(playerAt(c)), enter: stopByEnter(playerAt(c)) };
      for (const [key, at] of Object.entries(keys)) if (Math.abs(at - headless) > 1e-6) wrong.push(`${c.name}: ${key} stops at ${at} s, headless at ${headless} s`);
    }
    expect(wrong).toEqual([]);
  });

  it('lesson 2 step 5 ("play on to 46 s") stops at 46 s with the client still in TIME_WAIT, and the next step starts there', () => {
    const lesson = lessons.find((l) => l.id === 'msl')!;
    const c = cases().find((x) => x.lesson === lesson && x.index === 4)!;
    expect(c.step.kind).toBe('predict');
    for (const stop of [stopBySpace, stopByStepping, stopByEnter]) {
      const p = playerAt(c);
      expect(stop(p)).toBe(46);
      expect(p.sim!.snapshot().hosts.client.connections[0]?.state).toBe('TIME_WAIT');
    }
    const next = new LessonPlayer(lesson, { startAt: 5 });
    expect(next.clockSeconds).toBe(46);
  });

  it('lesson 7 step 4 ("play to 61.5 s") stops at 61.5 s, not at the expiry at 60.85 s', () => {
    const lesson = lessons.find((l) => l.id === 'review')!;
    const c = cases().find((x) => x.lesson === lesson && x.index === 3)!;
    for (const stop of [stopBySpace, stopByStepping, stopByEnter]) expect(stop(playerAt(c))).toBe(61.5);
  });
});

describe('lint', () => {
  it('fails a quoted stop time that is not where the step stops, at the quote', async () => {
    const { lintPath } = await import('../../src/lessons/lint.js');
    const { formatDiagnostic } = await import('../../src/lessons/diagnostics.js');
    const path = 'test/fixtures/lessons/stop-misquoted.yaml';
    const report = await lintPath(path);
    const messages = report.diagnostics.map(formatDiagnostic);
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^${path}:12:\\d+: found "play on to 46 s", but the step stops at 60.85 s, expected the quoted time to be where the run stops`)));
    expect(report.errorCount).toBe(1);
  });
});
