/**
 * Checks on a schema-valid lesson that need no simulation: answers marked, scenarios known,
 * simulation steps preceded by a setup, answers not guessable by place or length (answerChecks.ts). (Cross-file checks such as duplicate ids live in lint.ts.)
 */
import { getScenario } from '../sim/index.js';
import { answerChecks } from './answerChecks.js';
import type { Diagnostic } from './diagnostics.js';
import type { Lesson } from './loader.js';
import type { DataPath } from './yamlSource.js';

const NEEDS_SIM = new Set(['perturb', 'run', 'predict', 'challenge']);

export function staticChecks(lesson: Lesson): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (path: DataPath, found: string, expected: string): void => {
    out.push({ file: lesson.file, ...lesson.pos(path), severity: 'error', found, expected });
  };
  let haveSetup = false;
  lesson.steps.forEach((step, i) => {
    if (step.kind === 'setup') {
      haveSetup = true;
      if (!getScenario(step.scenario)) err(['steps', i, 'scenario'], `unknown scenario "${step.scenario}"`, 'a built-in scenario name (see lessons/README.md)');
    }
    if (step.kind === 'compare' && step.scenario !== undefined && !getScenario(step.scenario)) {
      err(['steps', i, 'scenario'], `unknown scenario "${step.scenario}"`, 'a built-in scenario name (see lessons/README.md)');
    }
    const needsSim =
      NEEDS_SIM.has(step.kind) || (step.kind === 'questions' && step.questions.some((q) => q.verify)) || (step.kind === 'compare' && step.scenario === undefined);
    if (needsSim && !haveSetup) err(['steps', i, 'kind'], `a "${step.kind}" step before any setup`, 'a setup step earlier in the lesson');
    if (step.kind === 'predict') {
      checkOneCorrect(step.options, ['steps', i, 'options'], err);
      // Without any outcome the reveal checks nothing: the lesson's claim goes untested.
      if (!step.options.some((o) => o.outcome)) {
        out.push({ file: lesson.file, ...lesson.pos(['steps', i, 'options']), severity: 'warning', found: 'a predict with no option outcome', expected: 'at least one option with an `outcome` condition, so the reveal can be checked' });
      }
    }
    if (step.kind === 'questions') {
      step.questions.forEach((q, k) => checkOneCorrect(q.options, ['steps', i, 'questions', k, 'options'], err));
    }
  });
  out.push(...answerChecks(lesson));
  return out;
}

function checkOneCorrect(
  options: ReadonlyArray<{ correct?: boolean | undefined }>,
  path: DataPath,
  err: (path: DataPath, found: string, expected: string) => void,
): void {
  const marked = options.filter((o) => o.correct === true).length;
  if (marked === 0) err(path, 'no option marked "correct: true" (a missing answer)', 'exactly one option marked "correct: true"');
  else if (marked > 1) err(path, `${marked} options marked "correct: true"`, 'exactly one option marked "correct: true"');
}
