/**
 * Scenario questions: pause a built-in scenario, ask what happens next, and take the answer
 * from running the simulation on. The question carries the reveal: the TUI plays to
 * `reveal.pauseAt` before asking, and to `reveal.revealUntil` to show the answer.
 *
 * API:
 *   scenarioQuestions(specs?) -> QuizQuestion[]   a spec the simulation cannot answer is left out
 *   buildScenarioQuestions(specs?) -> { questions, problems }   the same, saying what was left out
 *   nextSignificantEvent(spec) -> { event, summary, pauseStep }  runs the scenario (used by tests)
 */
import { Simulation, getScenario } from '../sim/index.js';
import type { TraceEvent, TraceKind } from '../sim/trace.js';
import { conditionFor, describeSummary, summarize, summaryHost, type EventSummary } from './eventSummary.js';
import { SCENARIO_QUESTIONS, type ScenarioQuestionSpec } from './scenarioData.js';
import { arrangeOptions } from './shuffle.js';
import type { QuizQuestion } from './types.js';

const DEFAULT_SIGNIFICANT: TraceKind[] = ['send', 'drop', 'state', 'alert'];
/** Generous bound: the built-in scenarios end in a few hundred steps. */
const MAX_STEPS = 200_000;

export function nextSignificantEvent(spec: ScenarioQuestionSpec): { event: TraceEvent; summary: EventSummary; pauseStep: number } {
  const scenario = getScenario(spec.scenario);
  if (!scenario) throw new Error(`${spec.id}: no built-in scenario "${spec.scenario}"`);
  const sim = Simulation.create(scenario, { seed: spec.seed ?? 1 });
  const paused = sim.runUntil(spec.pauseAt, { maxSteps: MAX_STEPS });
  if (!paused.reached) throw new Error(`${spec.id}: the scenario never reaches its pause point`);
  const pauseStep = sim.stepCount;
  const kinds = spec.significant ?? DEFAULT_SIGNIFICANT;
  // Only events of later steps count: everything the pausing step did is already on screen.
  while (!sim.isQuiet() && sim.stepCount - pauseStep < MAX_STEPS) {
    for (const event of sim.step()) {
      if (!kinds.includes(event.kind)) continue;
      const summary = summarize(event);
      if (!summary) continue;
      if (spec.watch !== undefined && summaryHost(summary) !== spec.watch) continue;
      return { event, summary, pauseStep };
    }
  }
  throw new Error(`${spec.id}: nothing significant happens after the pause`);
}

export function scenarioQuestion(spec: ScenarioQuestionSpec): QuizQuestion {
  const { summary } = nextSignificantEvent(spec);
  const rightText = describeSummary(summary);
  // The hand-written reason is shown only while the simulation still does what it explains.
  const why = rightText === spec.expected ? spec.why : 'This is what the simulation does next, played from the pause.';
  const wrong = spec.distractors
    .filter((d) => describeSummary(d.event) !== rightText)
    .slice(0, 3)
    .map((d) => ({ text: describeSummary(d.event), explanation: d.why }));
  const { options, answerId } = arrangeOptions(spec.id, { text: rightText, explanation: why }, wrong);
  const lessons = spec.lessons.includes('review') ? spec.lessons : [...spec.lessons, 'review' as const];
  return {
    id: spec.id,
    kind: 'scenario',
    prompt: spec.prompt,
    options,
    answerId,
    lessons,
    topic: spec.topic,
    source: spec.source,
    reveal: { scenario: spec.scenario, seed: spec.seed ?? 1, pauseAt: spec.pauseAt, revealUntil: conditionFor(summary) },
  };
}

export function buildScenarioQuestions(specs: readonly ScenarioQuestionSpec[] = SCENARIO_QUESTIONS): {
  questions: QuizQuestion[];
  problems: string[];
} {
  const questions: QuizQuestion[] = [];
  const problems: string[] = [];
  for (const spec of specs) {
    try {
      questions.push(scenarioQuestion(spec));
    } catch (err) {
      // A quiz with one question fewer beats a quiz screen that crashes.
      problems.push(err instanceof Error ? err.message : String(err));
    }
  }
  return { questions, problems };
}

let cache: QuizQuestion[] | undefined;

/** Runs each scenario once; the built-in bank is computed on first use and kept. */
export function scenarioQuestions(specs: readonly ScenarioQuestionSpec[] = SCENARIO_QUESTIONS): QuizQuestion[] {
  if (specs !== SCENARIO_QUESTIONS) return buildScenarioQuestions(specs).questions;
  cache ??= buildScenarioQuestions().questions;
  return cache;
}
