/**
 * `tcp-timewait simulate`: run a scenario headless and print its trace. The output formats are
 * a stable contract (shared/DESIGN.md); tools outside the project read them.
 */
import { existsSync } from 'node:fs';
import { Simulation, getScenario, SCENARIO_NAMES, type ScenarioSpec } from '../sim/index.js';
import { exportTrace, toPcap } from '../export/index.js';
import { readScenarioFile } from '../lessons/scenarioFile.js';
import { parseSimulateArgs, type SimulateRequest } from './simulateOptions.js';
import { UsageError, EXIT_OK } from './usageError.js';
import { abandonOutputFile, openOutputFile, writeOutputFile, type OutputFile } from './outputFile.js';

async function resolveScenario(nameOrFile: string): Promise<ScenarioSpec> {
  const builtin = getScenario(nameOrFile);
  if (builtin) return builtin;
  if (!existsSync(nameOrFile)) {
    throw new UsageError(`--scenario: '${nameOrFile}' is neither a built-in scenario (${SCENARIO_NAMES.join(', ')}) nor a file`);
  }
  try {
    return await readScenarioFile(nameOrFile);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Run the request and return the finished simulation. */
export async function runSimulation(req: SimulateRequest): Promise<Simulation> {
  const base = await resolveScenario(req.scenario);
  const spec: ScenarioSpec = {
    ...base,
    ...(req.isn && { isn: req.isn }),
    ...(req.lossRate !== undefined && { network: { ...base.network, lossRate: req.lossRate } }),
  };
  const sim = Simulation.create(spec, { seed: req.seed, policies: req.policies, perturbations: req.perturbations });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: req.until ?? spec.until ?? 600 });
  return sim;
}

export async function simulateCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const req = parseSimulateArgs(argv);
  // The target is checked (and claimed) before the run: a bad path must not cost a whole trace.
  const pcap: OutputFile | undefined = req.pcap === undefined ? undefined : await openOutputFile('--pcap', req.pcap, req.force === true);
  let sim: Simulation;
  try {
    sim = await runSimulation(req);
  } catch (e) {
    if (pcap) await abandonOutputFile(pcap);
    throw e;
  }
  const text = exportTrace(sim.trace, req.format, { width: req.width });
  out.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
  if (pcap) {
    await writeOutputFile(pcap, toPcap(sim.trace, { capture: req.capture }));
    process.stderr.write(`wrote ${pcap.path} (capture point: ${req.capture})\n`);
  }
  return EXIT_OK;
}
