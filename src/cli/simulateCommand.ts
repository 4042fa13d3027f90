/**
 * `tcp-timewait simulate`: run a scenario headless and print its trace. The output formats are
 * a stable contract (shared/DESIGN.md); tools outside the project read them.
 */
import { existsSync } from 'node:fs';
import { Simulation, getScenario, SCENARIO_NAMES, type Perturbation, type Policies, type ScenarioSpec } from '../sim/index.js';
import { compareJson, compareLadderText, compareRuns } from '../compare/index.js';
import type { TraceEvent } from '../sim/trace.js';
import { exportTrace, toPcap, toPcapng, type TextFormat } from '../export/index.js';
import { readScenarioFile } from '../lessons/scenarioFile.js';
import { isRunFile, readRunFile, runScenario, type RunRecord } from '../lessons/runFile.js';
import { parseSimulateArgs, type SimulateRequest } from './simulateOptions.js';
import { UsageError, EXIT_OK, EXIT_CHECK_FAILED } from './usageError.js';
import { abandonOutputFile, openOutputFile, writeOutputFile, type OutputFile } from './outputFile.js';
import { formatCount } from '../sim/limits.js';

/** A built-in scenario, a scenario file, or a run file saved by the sandbox (its scenario and inputs). */
async function resolveScenario(nameOrFile: string): Promise<{ spec: ScenarioSpec; run?: RunRecord }> {
  const builtin = getScenario(nameOrFile);
  if (builtin) return { spec: builtin };
  if (!existsSync(nameOrFile)) {
    throw new UsageError(`--scenario: '${nameOrFile}' is neither a built-in scenario (${SCENARIO_NAMES.join(', ')}) nor a file`);
  }
  try {
    if (await isRunFile(nameOrFile)) {
      const run = await readRunFile(nameOrFile);
      return { spec: runScenario(run), run };
    }
    return { spec: await readScenarioFile(nameOrFile) };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * A headless run never steps back, so it takes no checkpoints after the first: each is a copy of
 * the state, and with thousands of segments in flight they were most of a long run's memory.
 */
const NO_CHECKPOINTS = Number.MAX_SAFE_INTEGER;

/** What to run: the scenario with the flags' changes, and the seed, policies and perturbations. */
async function resolveInputs(req: SimulateRequest): Promise<{ spec: ScenarioSpec; seed: number; policies: Partial<Policies>; perturbations: Perturbation[] }> {
  const { spec: base, run } = await resolveScenario(req.scenario);
  const spec: ScenarioSpec = {
    ...base,
    ...(req.isn && { isn: req.isn }),
    ...(req.lossRate !== undefined && { network: { ...base.network, lossRate: req.lossRate } }),
  };
  // A run file brings its seed, policies and perturbations; flags given as well go on top.
  const seed = run && !req.seedGiven ? run.seed : req.seed;
  const policies = run ? { ...run.policies, ...req.policies } : req.policies;
  const perturbations = run ? [...run.perturbations, ...req.perturbations] : req.perturbations;
  return { spec, seed, policies, perturbations };
}

/** Run the request and return the finished simulation. */
export async function runSimulation(req: SimulateRequest): Promise<Simulation> {
  const { spec, seed, policies, perturbations } = await resolveInputs(req);
  const sim = Simulation.create(spec, { seed, policies, perturbations, maxEvents: req.maxEvents, checkpointEvery: NO_CHECKPOINTS });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: req.until ?? spec.until ?? 600 });
  return sim;
}

/** `--compare`: the run as asked and the run with the overrides, side by side or as one JSON document. */
async function compareCommand(req: SimulateRequest, variant: Partial<Policies>, out: NodeJS.WritableStream): Promise<number> {
  const { spec, seed, policies, perturbations } = await resolveInputs(req);
  const c = compareRuns(spec, { seed, perturbations, base: policies, variant, untilSeconds: req.until ?? spec.until ?? 600, maxEvents: req.maxEvents });
  out.write(req.format === 'json' ? compareJson(c, { scenario: spec.name, seed }) : compareLadderText(c, req.width));
  const a = budgetVerdict(c.a.sim);
  return a !== EXIT_OK ? a : budgetVerdict(c.b.sim);
}

export async function simulateCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const req = parseSimulateArgs(argv);
  if (req.compare) return compareCommand(req, req.compare, out);
  // The target is checked (and claimed) before the run: a bad path must not cost a whole trace.
  const pcap: OutputFile | undefined = req.pcap === undefined ? undefined : await openOutputFile('--pcap', req.pcap, req.force === true);
  let pcapng: OutputFile | undefined;
  let sim: Simulation;
  try {
    pcapng = req.pcapng === undefined ? undefined : await openOutputFile('--pcapng', req.pcapng, req.force === true);
    sim = await runSimulation(req);
  } catch (e) {
    if (pcap) await abandonOutputFile(pcap);
    if (pcapng) await abandonOutputFile(pcapng);
    throw e;
  }
  writeTrace(out, sim.trace, req.format, req.width, `${sim.spec.name}: ${sim.spec.title}`);
  if (pcap) {
    await writeOutputFile(pcap, toPcap(sim.trace, { capture: req.capture }));
    process.stderr.write(`wrote ${pcap.path} (capture point: ${req.capture})\n`);
  }
  if (pcapng) {
    await writeOutputFile(pcapng, toPcapng(sim.trace));
    process.stderr.write(`wrote ${pcapng.path} (one interface each for client, r1, r2, server; a comment on every packet)\n`);
  }
  return budgetVerdict(sim);
}

/** Events per piece of text and JSON output (see writeTrace). */
export const TRACE_CHUNK = 5_000;

/**
 * Text and JSON lines have one line per event and nothing that spans events, so they are
 * written a piece at a time: the output never sits in memory whole beside the trace (a
 * 200,000-event run would otherwise hold a string of tens of megabytes, and copies of it). The
 * bytes are the same as one exportTrace of the whole trace. Ladder, Mermaid and SVG lay out the
 * whole run, so they are written in one go; `title` names the SVG picture.
 */
export function writeTrace(out: NodeJS.WritableStream, trace: readonly TraceEvent[], format: TextFormat, width?: number, title?: string): void {
  if (format === 'text' || format === 'json') {
    for (let i = 0; i < trace.length; i += TRACE_CHUNK) out.write(exportTrace(trace.slice(i, i + TRACE_CHUNK), format));
    return;
  }
  const text = exportTrace(trace, format, { width, ...(title !== undefined && { title }) });
  out.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
}

/**
 * A run the engine cut short still prints what it computed (the trace ends with the reason),
 * but the command fails: the output is not the whole run that was asked for.
 */
function budgetVerdict(sim: Simulation): number {
  switch (sim.stoppedByBudget) {
    case null:
      return EXIT_OK;
    case 'max-events':
      process.stderr.write(`stopped after ${formatCount(sim.eventBudget)} events; raise with --max-events N\n`);
      return EXIT_BUDGET;
    case 'livelock':
      process.stderr.write(`stopped at t=${(sim.now / 1e6).toFixed(6)} s: the clock no longer moves (zero link delays loop for ever); give the links a delay\n`);
      return EXIT_BUDGET;
  }
}

/** Exit status of a run stopped by a budget: 1, a failed run, as lint's failed check. */
export const EXIT_BUDGET = EXIT_CHECK_FAILED;
