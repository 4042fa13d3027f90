/**
 * Run files: a sandbox-style run (steps, perturbations made at chosen steps, a policy change)
 * saved as YAML and read back replays to the identical trace; bad files give file:line:col.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRunFile, readRunFile, runFileText, runRecordOf, simulationOfRun, RUN_FILE_VERSION } from '../../src/lessons/runFile.js';
import { getScenario, SCENARIO_NAMES, Simulation, type Perturbation } from '../../src/sim/index.js';
import { POLICY_PRESETS } from '../../src/sim/policy.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'runs');

/** As the sandbox does it: step, and perturb from wherever the run is. */
function sandboxRun(name: string, seed: number, moves: ReadonlyArray<{ steps: number; p?: Perturbation }>) {
  const policies = POLICY_PRESETS.linux;
  const sim = Simulation.create(getScenario(name)!, { seed, policies, traceWindow: 5_000 });
  for (const m of moves) {
    for (let i = 0; i < m.steps; i++) sim.step();
    if (m.p) sim.perturb(m.p);
  }
  return { sim, record: runRecordOf(sim, name, policies) };
}

const MOVES: Perturbation[] = [
  { kind: 'drop', match: { from: 'client', flags: ['ACK'] } },
  { kind: 'duplicate', match: { from: 'server' }, copies: 2 },
  { kind: 'delay', match: { from: 'client' }, by: 0.3 },
  { kind: 'policy', set: { timeWait: 'off' } },
  { kind: 'crash', host: 'server' },
];

describe('run files', () => {
  it('replay an exported sandbox run to the identical trace', () => {
    const { sim, record } = sandboxRun('lost-final-ack', 7, [{ steps: 3, p: MOVES[1] }, { steps: 5, p: MOVES[3] }, { steps: 4 }]);
    const text = runFileText(record);
    const back = parseRunFile(text, 'run.yaml');
    expect(back.diagnostics).toEqual([]);
    expect(back.run).toEqual(record);
    const replay = simulationOfRun(back.run!);
    expect(replay.stepCount).toBe(sim.stepCount);
    expect(replay.trace).toEqual(sim.completeTrace());
    // And on to the end, both ways.
    sim.runUntil({ kind: 'quiet' }, { untilSeconds: 600 });
    replay.runUntil({ kind: 'quiet' }, { untilSeconds: 600 });
    expect(replay.completeTrace()).toEqual(sim.completeTrace());
  });

  it('replay any run of any scenario exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIO_NAMES),
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.record({ steps: fc.integer({ min: 0, max: 6 }), p: fc.option(fc.constantFrom(...MOVES), { nil: undefined }) }), { maxLength: 4 }),
        (name, seed, moves) => {
          const { sim, record } = sandboxRun(name, seed, moves);
          const replay = simulationOfRun(parseRunFile(runFileText(record), 'r.yaml').run!);
          expect(replay.trace).toEqual(sim.completeTrace());
        },
      ),
      { numRuns: 25 },
    );
  });

  it.each([
    ['newer-version.yaml', /newer-version\.yaml:2:10: found version 2 \(written by a newer tcp-timewait\), expected version 1/],
    ['unknown-scenario.yaml', /unknown-scenario\.yaml:3:11: found "lost-final-hack"/],
    ['bad-perturbation.yaml', /bad-perturbation\.yaml:11:\d+: found/],
    ['bad-policy.yaml', /bad-policy\.yaml:6:\d+: found "sometimes"/],
    ['bad-yaml.yaml', /bad-yaml\.yaml:\d+:\d+: found invalid YAML/],
  ])('%s gets one file:line:col line', async (name, pattern) => {
    const err = await readRunFile(join(FIXTURES, name)).then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(pattern);
    expect(err?.message.split('\n')).toHaveLength(1);
  });

  it('names the version it expects', () => {
    expect(RUN_FILE_VERSION).toBe(1);
    expect(parseRunFile('format: something-else\n', 'x.yaml').diagnostics[0]).toMatchObject({ line: 1 });
  });
});
