/**
 * Checks that play the lesson on the simulation: every claim the lesson makes about what
 * happens must be what the simulation actually does.
 */
import { describeCondition } from '../sim/condition.js';
import type { Simulation } from '../sim/index.js';
import type { Diagnostic } from './diagnostics.js';
import type { Lesson } from './loader.js';
import { createFromSetup, playChallenge, playSolution, revealPredict, runFor, simulationAt, verifyQuestion, goalCondition } from './playback.js';
import type { DataPath } from './yamlSource.js';
import { quoteMatches, stepQuotedStops } from './quotedStops.js';
import { playCompare } from './compareStep.js';
import type { PredictStep, RunStep } from './schema.js';

const fmt = (s: number): string => `${Number(s.toFixed(3))} s`;

export function semanticChecks(lesson: Lesson, seed = 1): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (path: DataPath, found: string, expected: string): void => {
    out.push({ file: lesson.file, ...lesson.pos(path), severity: 'error', found, expected });
  };
  let sim: Simulation | undefined;
  // The lesson's clock: a run to a time between events leaves it ahead of sim.now.
  let clock = 0;
  // A quoted "play to T s" must be where the step really stops (lessons/README.md).
  const checkQuotes = (step: RunStep | PredictStep, i: number, stopped: number): void => {
    const quotes = stepQuotedStops(step, ['steps', i]);
    if (step.until.kind === 'time' && quotes.length === 0) {
      out.push({ file: lesson.file, ...lesson.pos(['steps', i, 'until']), severity: 'warning', found: `a run to ${step.until.seconds} s that its words do not announce`, expected: `"play on to ${step.until.seconds} s" (or another phrase of lessons/README.md) in the step's text or question` });
    }
    for (const q of quotes) {
      if (!quoteMatches(q.seconds, stopped, q.phrase)) err(q.path, `"${q.phrase}", but the step stops at ${fmt(stopped)}`, `the quoted time to be where the run stops (${fmt(stopped)}), or an \`until\` that stops at ${q.seconds} s`);
    }
  };
  lesson.steps.forEach((step, i) => {
    try {
      switch (step.kind) {
        case 'setup':
          sim = createFromSetup(step, { seed });
          clock = 0;
          return;
        case 'perturb':
          sim?.perturb(step.perturbation);
          return;
        case 'run': {
          if (!sim) return;
          const r = runFor(sim, step.until, step.within, clock);
          clock = r.endSeconds;
          checkQuotes(step, i, r.endSeconds);
          if (!r.reached) {
            err(['steps', i, 'until'], `the run stopped at ${fmt(r.endSeconds)} without "${describeCondition(step.until)}" (an unreachable condition)`, `"${describeCondition(step.until)}" within ${step.within} s of ${fmt(r.startSeconds)}`);
          }
          return;
        }
        case 'predict': {
          if (!sim) return;
          const r = revealPredict(sim, step, clock);
          clock = r.endSeconds;
          checkQuotes(step, i, r.endSeconds);
          if (!r.reached) {
            err(['steps', i, 'until'], `the reveal stopped at ${fmt(r.endSeconds)} without "${describeCondition(step.until)}"`, `"${describeCondition(step.until)}" within ${step.within} s`);
          }
          for (const v of r.verdicts) {
            if (v.consistent) continue;
            const o = step.options[v.index]!;
            const what = describeCondition(o.outcome!);
            err(
              ['steps', i, 'options', v.index, 'outcome'],
              v.seen ? `"${what}" seen in the reveal, but this option is marked wrong` : `"${what}" never seen in the reveal, but this option is marked correct`,
              v.correct ? 'the correct option\'s outcome to happen in the reveal' : 'a wrong option\'s outcome not to happen in the reveal',
            );
          }
          return;
        }
        case 'questions':
          step.questions.forEach((q, k) => {
            if (!q.verify) return;
            const fork = simulationAt(lesson, i, { seed });
            if (fork && !verifyQuestion(fork, q.verify, q.within)) {
              err(['steps', i, 'questions', k, 'verify'], `the simulation never shows "${describeCondition(q.verify)}" (it contradicts the marked answer)`, 'the verify condition to be seen when the setup plays on');
            }
          });
          return;
        case 'challenge': {
          const untouched = simulationAt(lesson, i, { seed });
          if (!untouched) return;
          const goal = describeCondition(goalCondition(step));
          const u = playChallenge(untouched, step, []);
          if (u.reached) err(['steps', i, 'goal'], `"${goal}" reached with no learner action (at ${fmt(u.endSeconds)})`, 'a goal the untouched run does not reach');
          const solved = simulationAt(lesson, i, { seed })!;
          const s = playSolution(solved, step, step.solution);
          // A solution the keys cannot perform proves nothing about what a learner can do.
          if (s.problem) err(['steps', i, 'solution', s.problem.index, ...s.problem.path], s.problem.found, s.problem.expected);
          else if (!s.reached) err(['steps', i, 'solution'], `a solution that does not reach "${goal}" within ${step.within} s (seen ${s.count} of ${s.needed})`, 'a worked solution that reaches the goal');
          return;
        }
        case 'compare': {
          // Two runs that never part show the learner nothing to find.
          const c = playCompare(lesson, i, { seed });
          if (c && !c.divergence) err(['steps', i, 'variant'], `runs that never diverge (${c.a.label} against ${c.b.label})`, 'a variant that changes what happens, so the compare view has a divergence to show');
          return;
        }
        default:
          return;
      }
    } catch (e) {
      err(['steps', i], `the simulation failed here (${(e as Error).message})`, 'a step the simulation can play');
    }
  });
  return out;
}
