/**
 * Run files: a sandbox run saved so it can be handed out and replayed exactly. The file names a
 * built-in scenario, the seed, the policies, and every perturbation the learner made, each
 * pinned to the engine step it was applied after (`afterStep`), plus the step the run had
 * reached. The engine is deterministic, so these inputs give the same trace, event for event.
 * Problems are reported as `file:line:col: found X, expected Y`, as for lesson files.
 */
import { readFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import { z } from 'zod';
import { getScenario, SCENARIO_NAMES } from '../sim/scenarios/index.js';
import { Simulation, type SimulationOptions } from '../sim/index.js';
import type { Policies } from '../sim/policy.js';
import type { Perturbation } from '../sim/scenario.js';
import { formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { perturbationSchema, policiesSchema } from './simSchemas.js';
import { parseYamlSource } from './yamlSource.js';
import { zodIssuesToDiagnostics } from './zodDiagnostics.js';

export const RUN_FILE_FORMAT = 'tcp-timewait-run';
export const RUN_FILE_VERSION = 1;

export interface RunRecord {
  /** A built-in scenario's name. */
  scenario: string;
  seed: number;
  policies: Partial<Policies>;
  /** The learner's perturbations (not the scenario's own), each with `afterStep`. */
  perturbations: Perturbation[];
  /** The engine step the run had reached when it was saved. */
  step: number;
}

const runFileSchema = z.strictObject({
  format: z.literal(RUN_FILE_FORMAT),
  version: z.literal(RUN_FILE_VERSION),
  scenario: z.enum(SCENARIO_NAMES as unknown as [string, ...string[]]),
  seed: z.number().int().min(0).max(0xffffffff),
  policies: policiesSchema,
  perturbations: z.array(perturbationSchema),
  step: z.number().int().min(0),
});

/** The YAML text of a run file. */
export function runFileText(run: RunRecord): string {
  const body = {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    scenario: run.scenario,
    seed: run.seed,
    policies: run.policies,
    perturbations: run.perturbations,
    step: run.step,
  };
  return `# A tcp-timewait run. Replay it with: tcp-timewait sandbox --run FILE\n# or headless with: tcp-timewait simulate --scenario FILE\n${stringify(body)}`;
}

/** True when the YAML value looks meant as a run file (so the scenario loader hands it here). */
export function looksLikeRunFile(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && (value as Record<string, unknown>).format === RUN_FILE_FORMAT;
}

export interface RunLoadResult {
  run?: RunRecord;
  diagnostics: Diagnostic[];
}

export function parseRunFile(text: string, file: string): RunLoadResult {
  const src = parseYamlSource(text, file);
  if (src.syntax.length > 0) return { diagnostics: src.syntax };
  const value = src.value;
  if (!looksLikeRunFile(value)) {
    return { diagnostics: [{ file, ...src.posOf(['format']), severity: 'error', found: 'no `format: tcp-timewait-run`', expected: 'a run file saved by the sandbox' }] };
  }
  // The version is checked first, alone: a newer file may differ in every other field.
  const version = (value as Record<string, unknown>).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > RUN_FILE_VERSION) {
    return {
      diagnostics: [{ file, ...src.posOf(['version']), severity: 'error', found: `version ${version} (written by a newer tcp-timewait)`, expected: `version ${RUN_FILE_VERSION}; update tcp-timewait to replay it` }],
    };
  }
  const parsed = runFileSchema.safeParse(value);
  if (!parsed.success) return { diagnostics: zodIssuesToDiagnostics(src, value, parsed.error.issues, runFileSchema) };
  const { scenario, seed, policies, perturbations, step } = parsed.data;
  return { run: { scenario, seed, policies: policies as Partial<Policies>, perturbations: perturbations as Perturbation[], step }, diagnostics: [] };
}

/** Whether `file` declares itself a run file (its own line `format: tcp-timewait-run`). */
export async function isRunFile(file: string): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return /^format:[ \t]*["']?tcp-timewait-run["']?[ \t]*(#.*)?$/m.test(text);
}

/** The run, or an Error whose message is the first problem, in one line. */
export async function readRunFile(file: string): Promise<RunRecord> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`${file}: cannot read the run file (${code === 'ENOENT' ? 'no such file' : code ?? 'error'})`);
  }
  const r = parseRunFile(text, file);
  if (!r.run) throw new Error(formatDiagnostic(r.diagnostics[0]!));
  return r.run;
}

/** The built-in scenario a run file names (checked by the schema, so always there). */
export function runScenario(run: RunRecord) {
  const spec = getScenario(run.scenario);
  if (!spec) throw new Error(`no built-in scenario '${run.scenario}'`);
  return spec;
}

/** What to save for `sim`, a run of the built-in `scenario` started with `policies`. */
export function runRecordOf(sim: Simulation, scenario: string, policies: Partial<Policies>): RunRecord {
  const own = getScenario(scenario)?.perturbations?.length ?? 0;
  return { scenario, seed: sim.seed, policies: { ...policies }, perturbations: sim.perturbations.slice(own).map((p) => ({ ...p })), step: sim.stepCount };
}

/** A fresh simulation of the run, advanced to the step it was saved at. */
export function simulationOfRun(run: RunRecord, options: SimulationOptions = {}): Simulation {
  const sim = Simulation.create(runScenario(run), { ...options, seed: run.seed, policies: run.policies, perturbations: run.perturbations });
  sim.seek(run.step);
  return sim;
}
