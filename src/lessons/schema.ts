/**
 * The lesson format, as a zod schema. A lesson is a YAML file in lessons/; lessons/README.md is
 * the author's guide to this file. Conditions and Perturbations are spelled exactly as the
 * simulation's own types (src/sim/condition.ts, src/sim/scenario.ts).
 */
import { z } from 'zod';
import { conditionSchema, mslSchema, perturbationSchema, policiesSchema } from './simSchemas.js';
import { U32_MAX } from '../sim/valueBounds.js';
import type { SolutionAction } from './uiActions.js';

const text = z.string().min(1);
/** Claims a step makes are backed by these sources, e.g. "RFC 9293 §3.10.7.4", "UNP 2.7". */
const cite = z.array(text).optional();
/** How long a run may take before the lint calls its condition unreachable (simulated seconds from the step's start). */
const within = z.number().positive();

const stepBase = { title: text.optional(), text: text.optional(), cite };

export const narrativeStepSchema = z.strictObject({ kind: z.literal('narrative'), ...stepBase, text });

export const setupStepSchema = z.strictObject({
  kind: z.literal('setup'),
  ...stepBase,
  /** A built-in scenario name (src/sim/scenarios). */
  scenario: text,
  /** A named preset of durations and rules, applied before `policies`. */
  preset: z.enum(['rfc1122', 'bsd', 'linux']).optional(),
  /** Shorthand for policies.mslSeconds. */
  msl: mslSchema.optional(),
  policies: policiesSchema.optional(),
  seed: z.number().int().min(0).max(U32_MAX).optional(),
  perturbations: z.array(perturbationSchema).optional(),
});

export const perturbStepSchema = z.strictObject({ kind: z.literal('perturb'), ...stepBase, perturbation: perturbationSchema });

export const runStepSchema = z.strictObject({ kind: z.literal('run'), ...stepBase, until: conditionSchema, within });

export const predictOptionSchema = z.strictObject({
  text,
  correct: z.boolean().optional(),
  explanation: text,
  /** Seen in the reveal if this option is right; must NOT be seen if it is wrong. */
  outcome: conditionSchema.optional(),
});

export const predictStepSchema = z.strictObject({
  kind: z.literal('predict'),
  ...stepBase,
  ask: text,
  options: z.array(predictOptionSchema).min(2),
  /** The reveal plays until this condition. */
  until: conditionSchema,
  within,
});

export const questionOptionSchema = z.strictObject({ text, correct: z.boolean().optional(), explanation: text });

export const questionSchema = z.strictObject({
  ask: text,
  options: z.array(questionOptionSchema).min(2),
  /** Checked against the simulation: the setup, played on from this step, must show it. */
  verify: conditionSchema.optional(),
  within: within.optional(),
  cite,
});

export const questionsStepSchema = z.strictObject({
  kind: z.literal('questions'),
  ...stepBase,
  questions: z.array(questionSchema).min(1),
});

/**
 * A Perturbation whose `at` is a condition (a point the learner steps to) rather than a time,
 * and with no `afterStep`: a worked solution is written as a learner would act.
 */
const solutionActionSchema = z.discriminatedUnion(
  'kind',
  (perturbationSchema.options as readonly z.ZodObject[]).map((o) => o.omit({ at: true, afterStep: true }).extend({ at: conditionSchema.optional() })) as unknown as typeof perturbationSchema.options,
) as unknown as z.ZodType<SolutionAction>;

export const challengeStepSchema = z.strictObject({
  kind: z.literal('challenge'),
  ...stepBase,
  text,
  goal: conditionSchema,
  /** The goal must be seen at least this many times (default 1). */
  count: z.number().int().min(1).optional(),
  within,
  hints: z.array(text).min(1),
  /**
   * A worked solution: perturb-menu actions that reach the goal, each taken at once or, with
   * `at: <condition>`, once stepping has got there (see uiActions.ts for what the menu can do).
   */
  solution: z.array(solutionActionSchema).min(1),
  /** Shown with the solution: why it works. */
  explanation: text.optional(),
});

/**
 * Two runs side by side, in step by simulated time, with the first divergence marked (compare
 * mode). Run A is the lesson's current simulation (its scenario, seed, policies and the
 * perturbations so far) with `policies` changed; run B is run A with `variant` changed. With
 * `scenario` (and optionally the setup's other fields) both runs start from that instead.
 * The learner continues once the clock has reached the divergence.
 */
export const compareStepSchema = z.strictObject({
  kind: z.literal('compare'),
  ...stepBase,
  text,
  variant: policiesSchema,
  policies: policiesSchema.optional(),
  scenario: text.optional(),
  preset: z.enum(['rfc1122', 'bsd', 'linux']).optional(),
  msl: mslSchema.optional(),
  seed: z.number().int().min(0).max(U32_MAX).optional(),
  perturbations: z.array(perturbationSchema).optional(),
});

export const recapStepSchema = z.strictObject({
  kind: z.literal('recap'),
  ...stepBase,
  points: z.array(text).min(1),
});

export const stepSchema = z.discriminatedUnion('kind', [
  narrativeStepSchema,
  setupStepSchema,
  perturbStepSchema,
  runStepSchema,
  predictStepSchema,
  questionsStepSchema,
  challengeStepSchema,
  recapStepSchema,
  compareStepSchema,
]);

export const STEP_KINDS = ['narrative', 'setup', 'perturb', 'run', 'predict', 'questions', 'challenge', 'recap', 'compare'] as const;

export const lessonSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id such as "the-close"'),
  number: z.number().int().min(1),
  title: text,
  minutes: z.number().int().min(1).max(60),
  summary: text,
  sources: z.array(text).min(1),
  steps: z.array(stepSchema).min(1),
});

export type LessonData = z.infer<typeof lessonSchema>;
export type Step = z.infer<typeof stepSchema>;
export type StepKind = Step['kind'];
export type NarrativeStep = z.infer<typeof narrativeStepSchema>;
export type SetupStep = z.infer<typeof setupStepSchema>;
export type PerturbStep = z.infer<typeof perturbStepSchema>;
export type RunStep = z.infer<typeof runStepSchema>;
export type PredictStep = z.infer<typeof predictStepSchema>;
export type PredictOption = z.infer<typeof predictOptionSchema>;
export type QuestionsStep = z.infer<typeof questionsStepSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionOption = z.infer<typeof questionOptionSchema>;
export type ChallengeStep = z.infer<typeof challengeStepSchema>;
export type RecapStep = z.infer<typeof recapStepSchema>;
export type CompareStep = z.infer<typeof compareStepSchema>;
