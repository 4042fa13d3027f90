import { beforeAll, describe, expect, it } from 'vitest';
import { loadLesson, type Lesson } from '../../src/lessons/loader.js';
import { LessonPlayer } from '../../src/lessons/player.js';

let lesson: Lesson;
const indexOf = (pred: (s: Lesson['steps'][number], i: number) => boolean): number => lesson.steps.findIndex(pred);
/** The file index of the correct option of question `q` of the questions step at `k`, and of a wrong one. */
const answersOf = (k: number, q: number): { right: number; wrong: number } => {
  const s = lesson.steps[k]!;
  if (s.kind !== 'questions') throw new Error(`step ${k} is not a questions step`);
  const right = s.questions[q]!.options.findIndex((o) => o.correct === true);
  return { right, wrong: right === 0 ? 1 : 0 };
};

beforeAll(async () => {
  const r = await loadLesson('lessons/01-the-close.yaml');
  lesson = r.lesson!;
});

describe('LessonPlayer navigation', () => {
  it('has no simulation before the first setup, and a fresh one at a setup', () => {
    const p = new LessonPlayer(lesson);
    expect(p.index).toBe(0);
    expect(p.step.kind).toBe('narrative');
    expect(p.sim).toBeUndefined();
    expect(p.previous()).toBe(false);
    p.next();
    expect(p.step.kind).toBe('setup');
    expect(p.sim?.now).toBe(0);
  });

  it('rebuilds each step exactly: going forward and back gives the same trace', () => {
    const p = new LessonPlayer(lesson);
    const k = indexOf((s) => s.kind === 'run' && s.until.kind === 'state' && s.until.state === 'LAST_ACK');
    p.enterStep(k);
    const before = JSON.stringify(p.sim!.trace);
    // At this step's start the client has already reached FIN_WAIT_2 (earlier run steps replayed).
    expect(p.sim!.snapshot().hosts.client.connections[0]?.state).toBe('FIN_WAIT_2');
    p.play();
    p.next();
    p.previous();
    expect(JSON.stringify(p.sim!.trace)).toBe(before);
    expect(() => p.enterStep(999)).toThrow(RangeError);
  });

  it('lets a UI animate a run step itself and agree with play()', () => {
    const a = new LessonPlayer(lesson);
    const k = indexOf((s) => s.kind === 'run');
    a.enterStep(k);
    const t = a.target()!;
    expect(t.until).toEqual({ kind: 'state', host: 'client', state: 'FIN_WAIT_1' });
    while (!a.progress().reached && !a.progress().timedOut) a.sim!.step();
    expect(a.progress()).toEqual({ reached: true, timedOut: false });
    const b = new LessonPlayer(lesson, { startAt: k });
    expect(b.play()?.reached).toBe(true);
    expect(b.sim!.now).toBe(a.sim!.now);
    expect(b.sim!.trace.length).toBe(a.sim!.trace.length);
  });
});

describe('LessonPlayer answers', () => {
  it('records predict answers and reveals the outcome once', () => {
    const k = indexOf((s) => s.kind === 'predict');
    const p = new LessonPlayer(lesson, { startAt: k });
    const fb = p.answerPredict(1);
    expect(fb.correct).toBe(false);
    expect(fb.correctIndex).toBe(0);
    expect(fb.explanation).toMatch(/cannot send a FIN on its own/);
    const r = p.reveal()!;
    expect(r.reached).toBe(true);
    expect(r.verdicts.map((v) => v.seen)).toEqual([true, false, false]);
    expect(p.reveal()).toBe(r);
    expect(p.record[k]).toEqual({ predict: { choice: 1, correct: false }, played: true });
  });

  it('gives feedback for every question option and keeps the record across navigation', () => {
    const k = indexOf((s) => s.kind === 'questions');
    const p = new LessonPlayer(lesson, { startAt: k });
    const [q0, q1] = [answersOf(k, 0), answersOf(k, 1)];
    expect(p.answerQuestion(0, q0.right)).toMatchObject({ correct: true, chosenIndex: q0.right, correctIndex: q0.right });
    const wrong = p.answerQuestion(1, q1.wrong);
    expect(wrong).toMatchObject({ correct: false, chosenIndex: q1.wrong, correctIndex: q1.right });
    // A wrong pick carries both explanations: its own and the answer's.
    const options = (lesson.steps[k] as Extract<Lesson['steps'][number], { kind: 'questions' }>).questions[1]!.options;
    expect(wrong.explanation).toBe(options[q1.wrong]!.explanation);
    expect(wrong.correctExplanation).toBe(options[q1.right]!.explanation);
    p.previous();
    p.next();
    expect(p.record[k]!.questions).toEqual({ 0: { choice: q0.right, correct: true }, 1: { choice: q1.wrong, correct: false } });
    expect(() => p.answerQuestion(9, 0)).toThrow(RangeError);
    expect(() => p.answerPredict(0)).toThrow(/not predict/);
  });
});

describe('LessonPlayer challenges', () => {
  const challengeAt = (): LessonPlayer => new LessonPlayer(lesson, { startAt: indexOf((s) => s.kind === 'challenge') });

  it('reveals hints one at a time, then nothing', () => {
    const p = challengeAt();
    const step = p.step;
    if (step.kind !== 'challenge') throw new Error('not a challenge');
    expect(p.hintsShown()).toEqual([]);
    expect(p.revealHint()).toBe(step.hints[0]);
    expect(p.hintsShown()).toEqual([step.hints[0]]);
    for (let i = 1; i < step.hints.length; i++) p.revealHint();
    expect(p.revealHint()).toBeUndefined();
    expect(p.hintsShown()).toEqual(step.hints);
  });

  it('is not solved untouched, is solved by the learner acting, and reset forgets the actions', () => {
    const p = challengeAt();
    expect(p.runChallenge()?.reached).toBe(false);
    p.resetChallenge();
    p.act({ kind: 'drop', match: { from: 'client', flags: ['FIN'] } });
    const r = p.runChallenge()!;
    expect(r).toMatchObject({ reached: true, count: 1, needed: 1 });
    expect(p.record[p.index]!.challenge).toMatchObject({ solved: true, actions: [{ kind: 'drop' }] });
    p.resetChallenge();
    expect(p.record[p.index]!.challenge!.actions).toEqual([]);
    expect(p.sim!.now).toBe(0);
  });

  it('plays the worked solution without counting it as solved by the learner', () => {
    const p = challengeAt();
    expect(p.showSolution().actions).toEqual([{ kind: 'drop', at: { kind: 'state', host: 'client', state: 'FIN_WAIT_1' }, match: { from: 'client' } }]);
    expect(p.applySolution()?.reached).toBe(true);
    expect(p.record[p.index]!.challenge).toMatchObject({ solved: false, solutionShown: true });
  });
});

describe('LessonPlayer perturb steps and saved progress', () => {
  it('shows a perturb step with its perturbation already applied', async () => {
    const l3 = (await loadLesson('lessons/03-lost-final-ack.yaml')).lesson!;
    const k = l3.steps.findIndex((s) => s.kind === 'perturb');
    const p = new LessonPlayer(l3, { startAt: k });
    expect(p.sim!.perturbations.some((x) => x.kind === 'drop' && x.afterStep !== undefined)).toBe(true);
    p.next();
    expect(p.play()?.reached).toBe(true);
    // The armed drop picked the client's final ACK (seq 1014, ack 5025) as it was sent.
    const picked = p.sim!.trace.find((e) => e.kind === 'perturb' && e.perturbation === 'drop');
    expect(picked?.kind === 'perturb' && picked.seg).toMatchObject({ from: 'client', flags: ['ACK'], seq: 1014, ack: 5025 });
  });

  it('continues from a saved record', () => {
    const k = indexOf((s) => s.kind === 'questions');
    const a = new LessonPlayer(lesson, { startAt: k });
    const { right } = answersOf(k, 0);
    a.answerQuestion(0, right);
    const b = new LessonPlayer(lesson, { record: a.record });
    expect(b.record[k]!.questions).toEqual({ 0: { choice: right, correct: true } });
  });
});

describe('LessonPlayer time targets', () => {
  it('a predict that plays to a time in an idle gap is reached after the reveal, and not before', async () => {
    const l2 = (await loadLesson('lessons/02-msl.yaml')).lesson!;
    const k = l2.steps.findIndex((s) => s.kind === 'predict' && s.until.kind === 'time');
    const p = new LessonPlayer(l2, { startAt: k });
    // The client is in TIME_WAIT at 0.85 s; nothing happens until 60.85 s.
    expect(p.progress()).toEqual({ reached: false, timedOut: false });
    // A UI whose display clock has passed the target sees it met.
    expect(p.progress(46_000_000).reached).toBe(true);
    const r = p.reveal()!;
    expect(r).toMatchObject({ reached: true, endSeconds: 46 });
    expect(p.progress()).toEqual({ reached: true, timedOut: false });
  });
});
