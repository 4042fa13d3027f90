/**
 * LessonPlayer: a UI-free lesson runner for the TUI (and for tests).
 *
 * ```ts
 * const p = new LessonPlayer(lesson, { seed: 1 });
 * p.enterStep(0);            // or p.next() / p.previous(); each builds p.sim deterministically
 * p.step;                    // the current Step (see schema.ts); p.index, p.count
 * p.sim;                     // the Simulation as this step begins (undefined before any setup)
 *
 * // run / predict steps
 * p.target();                // { until, untilSeconds } so a UI can animate sim.step() itself,
 * p.progress(clock);         //   then ask whether the step's condition is met / timed out,
 * p.stopMicros(clock);       //   and where its playback must stop (a time target, the limit)
 * p.play();                  // or jump: run to the condition (a predict's reveal); idempotent
 * p.clockSeconds;            // where the lesson's clock stands (can be ahead of sim.now)
 * p.answerPredict(k);        // record the learner's guess (file index k) -> { correct, explanation, correctExplanation }
 * p.reveal();                // play the reveal -> which options' outcomes were seen
 *
 * // questions steps
 * p.answerQuestion(q, k);    // -> { correct, explanation } (explanation for EVERY option)
 *
 * // challenge steps (the sim starts at the step's beginning; the learner acts on it)
 * p.act(perturbation);       // a learner action, applied at the current simulated time
 * p.runChallenge();          // play to the goal or the limit -> { reached, count, needed }
 * p.resetChallenge();        // back to the step's start, actions forgotten
 * p.revealHint();            // next hint text, one at a time (undefined when none left)
 * p.showSolution();          // the worked solution's actions; p.applySolution() plays it
 *
 * // compare steps
 * p.compare();               // both runs and where they part (src/compare) -> Comparison
 *
 * p.record;                  // everything answered/solved so far (for saving progress)
 * ```
 * Entering a step always rebuilds the simulation from the lesson (setups and earlier
 * perturbations replayed), so previous()/next() and restoring saved progress are exact.
 * `p.sim` is replaced by enterStep/next/previous, reveal, resetChallenge and applySolution:
 * read it again after those calls rather than keeping the old object.
 */
import { countMatches, type Condition } from '../sim/condition.js';
import type { Simulation } from '../sim/index.js';
import type { Perturbation } from '../sim/scenario.js';
import type { Lesson } from './loader.js';
import {
  goalCondition,
  observed,
  playChallenge,
  playSolution,
  revealPredict,
  runFor,
  timelineAt,
  type ChallengeResult,
  type PredictReveal,
  type RunOutcome,
} from './playback.js';
import type { ChallengeStep, Step } from './schema.js';
import { playCompare } from './compareStep.js';
import type { Comparison } from '../compare/compareRuns.js';
import type { SolutionAction } from './uiActions.js';

export interface AnswerFeedback {
  correct: boolean;
  /** The chosen option's explanation. */
  explanation: string;
  /** The chosen option's index in the lesson file. */
  chosenIndex: number;
  /** Index of the option marked correct, so a UI can show it after a wrong answer. */
  correctIndex: number;
  /**
   * The correct option's explanation, always shown: a learner who picked wrong must still
   * read why the answer is what it is (later lessons build on it).
   */
  correctExplanation: string;
}

export interface StepRecord {
  predict?: { choice: number; correct: boolean };
  /** Question index -> the option chosen and whether it was right. */
  questions?: Record<number, { choice: number; correct: boolean }>;
  challenge?: { solved: boolean; hintsShown: number; solutionShown: boolean; actions: Perturbation[] };
  played?: boolean;
}

export interface StepProgress {
  /** The step's condition has been seen since the step began. */
  reached: boolean;
  /** Simulated time has passed the step's limit without it. */
  timedOut: boolean;
}

export interface PlayerOptions {
  seed?: number;
  /** Start at this step (default 0). */
  startAt?: number;
  /** Saved progress (a previous `player.record`) to continue from. */
  record?: readonly StepRecord[];
}

export class LessonPlayer {
  readonly lesson: Lesson;
  readonly seed: number;
  private i = 0;
  private current: Simulation | undefined;
  /** Trace length and time when the current step began (or the challenge run began). */
  private startIndex = 0;
  private startSeconds = 0;
  private records: StepRecord[];
  private lastReveal: PredictReveal | undefined;
  /** Set when play()/reveal()/runChallenge() saw the step's condition, so progress() agrees. */
  private reachedByRun = false;
  /**
   * Where the lesson's clock stands, in seconds. The engine's clock (sim.now) only moves with
   * events, so a run that stops at a moment between events (a `time` target) is ahead of it.
   */
  private clock = 0;

  constructor(lesson: Lesson, options: PlayerOptions = {}) {
    this.lesson = lesson;
    this.seed = options.seed ?? 1;
    this.records = lesson.steps.map((_, i) => structuredClone(options.record?.[i] ?? {}));
    this.enterStep(options.startAt ?? 0);
  }

  get index(): number {
    return this.i;
  }
  get count(): number {
    return this.lesson.steps.length;
  }
  get step(): Step {
    return this.lesson.steps[this.i]!;
  }
  get sim(): Simulation | undefined {
    return this.current;
  }
  get isFirst(): boolean {
    return this.i === 0;
  }
  get isLast(): boolean {
    return this.i === this.count - 1;
  }
  /** Per-step record of answers, hints and solutions. */
  get record(): readonly StepRecord[] {
    return this.records;
  }

  enterStep(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) throw new RangeError(`step ${i} is outside 0..${this.count - 1}`);
    this.i = i;
    this.lastReveal = undefined;
    this.rebuild();
  }

  next(): boolean {
    if (this.isLast) return false;
    this.enterStep(this.i + 1);
    return true;
  }

  previous(): boolean {
    if (this.isFirst) return false;
    this.enterStep(this.i - 1);
    return true;
  }

  private rebuild(): void {
    const timeline = timelineAt(this.lesson, this.i, { seed: this.seed });
    this.current = timeline?.sim;
    this.clock = timeline?.seconds ?? 0;
    // A perturb step shows its perturbation already applied (the replay of later steps applies
    // it at the same moment, so this changes nothing downstream).
    const s = this.step;
    if (s.kind === 'perturb') this.current?.perturb(s.perturbation);
    this.mark();
  }

  private mark(): void {
    this.reachedByRun = false;
    this.startIndex = this.current?.trace.length ?? 0;
    this.startSeconds = Math.max(this.clock, (this.current?.now ?? 0) / 1e6);
  }

  /** The lesson's clock in seconds: sim.now, or later where a run stopped between events. */
  get clockSeconds(): number {
    return Math.max(this.clock, (this.current?.now ?? 0) / 1e6);
  }

  /** What the current step plays to, for a UI that animates the simulation itself. */
  target(): { until: Condition; untilSeconds: number } | undefined {
    const s = this.step;
    if (s.kind === 'run' || s.kind === 'predict') return { until: s.until, untilSeconds: this.startSeconds + s.within };
    if (s.kind === 'challenge') return { until: goalCondition(s), untilSeconds: this.startSeconds + s.within };
    return undefined;
  }

  /**
   * Has the step's condition been seen? A UI that shows its own display clock (ahead of
   * sim.now between events) passes it as `clockMicros`, so a `time` target is met on screen.
   */
  progress(clockMicros?: number): StepProgress {
    const t = this.target();
    const sim = this.current;
    if (!t || !sim) return { reached: false, timedOut: false };
    const clock = Math.max(this.clockSeconds, (clockMicros ?? 0) / 1e6);
    const onClock = t.until.kind === 'time' && clock >= t.until.seconds;
    const reached = this.reachedByRun || onClock || observed(sim, t.until, this.startIndex);
    // Nothing left to happen ends a wait for an event, but a moment still comes with no event.
    const stuck = sim.isQuiet() && t.until.kind !== 'time';
    return { reached, timedOut: !reached && (clock >= t.untilSeconds || stuck) };
  }

  /**
   * Where a UI playing a run or predict step must stop the clock, in microseconds: a `time`
   * target, or the step's limit. Undefined once the condition is met (the learner may play on),
   * and for other steps. A condition that is an event pauses on the event instead (progress()).
   */
  stopMicros(clockMicros?: number): number | undefined {
    const s = this.step;
    const t = this.target();
    if (!t || (s.kind !== 'run' && s.kind !== 'predict') || this.progress(clockMicros).reached) return undefined;
    const at = t.until.kind === 'time' ? Math.min(t.until.seconds, t.untilSeconds) : t.untilSeconds;
    return Math.round(at * 1e6);
  }

  /**
   * Run a run/predict step to its condition (from wherever the UI left it: pass its display
   * clock if that is ahead of the simulation). Stops at a time target or the limit exactly.
   */
  play(clockMicros?: number): RunOutcome | undefined {
    const s = this.step;
    const sim = this.current;
    if (!sim || (s.kind !== 'run' && s.kind !== 'predict')) return undefined;
    if (s.kind === 'predict') return this.reveal();
    const clock = Math.max(this.clockSeconds, (clockMicros ?? 0) / 1e6);
    const remaining = Math.max(0, this.startSeconds + s.within - clock);
    const r = this.progress(clockMicros).reached ? { reached: true, from: this.startIndex, startSeconds: this.startSeconds, endSeconds: clock } : runFor(sim, s.until, remaining, clock);
    this.clock = r.endSeconds;
    this.records[this.i]!.played = true;
    if (r.reached) this.reachedByRun = true;
    return { ...r, from: this.startIndex, startSeconds: this.startSeconds };
  }

  answerPredict(choice: number): AnswerFeedback {
    const s = this.expect('predict');
    const fb = feedback(s.options, choice);
    this.records[this.i]!.predict = { choice, correct: fb.correct };
    return fb;
  }

  /** Play the predict step's reveal (once; later calls return the same result). */
  reveal(): PredictReveal | undefined {
    const s = this.expect('predict');
    if (this.lastReveal) return this.lastReveal;
    if (!this.current) return undefined;
    this.rebuild(); // a reveal always plays from the pause point, whatever the UI stepped
    this.lastReveal = revealPredict(this.current!, s, this.clock);
    this.clock = this.lastReveal.endSeconds;
    this.records[this.i]!.played = true;
    if (this.lastReveal.reached) this.reachedByRun = true;
    return this.lastReveal;
  }

  answerQuestion(question: number, choice: number): AnswerFeedback {
    const s = this.expect('questions');
    const q = s.questions[question];
    if (!q) throw new RangeError(`question ${question} is outside 0..${s.questions.length - 1}`);
    const fb = feedback(q.options, choice);
    const rec = this.records[this.i]!;
    rec.questions = { ...(rec.questions ?? {}), [question]: { choice, correct: fb.correct } };
    return fb;
  }

  private challengeRecord(): NonNullable<StepRecord['challenge']> {
    this.expect('challenge');
    const rec = this.records[this.i]!;
    rec.challenge ??= { solved: false, hintsShown: 0, solutionShown: false, actions: [] };
    return rec.challenge;
  }

  /** A learner action in a challenge, applied to the simulation at the current time. */
  act(p: Perturbation): void {
    const rec = this.challengeRecord();
    rec.actions.push(p);
    this.current?.perturb(p);
  }

  /** Play the challenge on to its goal or limit, and record whether it was solved. */
  runChallenge(): ChallengeResult | undefined {
    const s = this.expect('challenge');
    const rec = this.challengeRecord();
    if (!this.current) return undefined;
    const remaining = Math.max(0, this.startSeconds + s.within - this.current.now / 1e6);
    const r = playChallenge(this.current, { ...s, within: remaining }, []);
    const count = goalCount(this.current, s, this.startIndex);
    const reached = count >= (s.count ?? 1);
    if (reached) {
      rec.solved = true;
      this.reachedByRun = true;
    }
    return { ...r, reached, count, from: this.startIndex, startSeconds: this.startSeconds };
  }

  resetChallenge(): void {
    this.challengeRecord().actions = [];
    this.rebuild();
  }

  /** The next hint, or undefined when all have been shown. */
  revealHint(): string | undefined {
    const s = this.expect('challenge');
    const rec = this.challengeRecord();
    if (rec.hintsShown >= s.hints.length) return undefined;
    return s.hints[rec.hintsShown++];
  }

  hintsShown(): readonly string[] {
    const s = this.expect('challenge');
    return s.hints.slice(0, this.records[this.i]!.challenge?.hintsShown ?? 0);
  }

  showSolution(): { actions: readonly SolutionAction[]; explanation?: string } {
    const s = this.expect('challenge');
    this.challengeRecord().solutionShown = true;
    return s.explanation ? { actions: s.solution, explanation: s.explanation } : { actions: s.solution };
  }

  /** Reset the challenge and play the worked solution (a solved-by-solution does not count as solved). */
  applySolution(): ChallengeResult | undefined {
    const s = this.expect('challenge');
    this.resetChallenge();
    const rec = this.challengeRecord();
    rec.solutionShown = true;
    if (!this.current) return undefined;
    const r = playSolution(this.current, s, s.solution);
    rec.actions = r.applied;
    if (r.reached) this.reachedByRun = true;
    return r;
  }

  /** A compare step's two runs, finished, and their divergence (see compareStep.ts). */
  compare(): Comparison | undefined {
    this.expect('compare');
    const c = playCompare(this.lesson, this.i, { seed: this.seed });
    if (c) this.records[this.i]!.played = true;
    return c;
  }

  private expect<K extends Step['kind']>(kind: K): Extract<Step, { kind: K }> {
    if (this.step.kind !== kind) throw new Error(`step ${this.i} is a ${this.step.kind} step, not ${kind}`);
    return this.step as Extract<Step, { kind: K }>;
  }
}

function feedback(options: ReadonlyArray<{ correct?: boolean | undefined; explanation: string }>, choice: number): AnswerFeedback {
  const o = options[choice];
  if (!o) throw new RangeError(`option ${choice} is outside 0..${options.length - 1}`);
  const correctIndex = options.findIndex((x) => x.correct === true);
  return {
    correct: o.correct === true,
    explanation: o.explanation,
    chosenIndex: choice,
    correctIndex,
    correctExplanation: options[correctIndex]?.explanation ?? o.explanation,
  };
}

function goalCount(sim: Simulation, s: ChallengeStep, from: number): number {
  const g = goalCondition(s);
  if (g.kind === 'time' || g.kind === 'quiet') return observed(sim, g, from) ? 1 : 0;
  return countMatches(sim.trace, g, from);
}
