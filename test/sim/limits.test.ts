/** The bounds table is obeyed alike by the YAML schema, the CLI and the engine. */
import { describe, expect, it } from 'vitest';
import { LIMITS, formatCount } from '../../src/sim/limits.js';
import { perturbationSchema, scenarioSpecSchema } from '../../src/lessons/simSchemas.js';
import { parseSegmentPerturbation } from '../../src/cli/selectorSyntax.js';
import { parseSimulateArgs } from '../../src/cli/simulateOptions.js';
import { parseYamlSource } from '../../src/lessons/yamlSource.js';
import { Simulation, getScenario, type ScenarioSpec } from '../../src/sim/index.js';

const dup = (copies: number) => ({ kind: 'duplicate', match: { from: 'client' }, copies });

describe('upper bounds', () => {
  it('the schema takes copies up to the bound and refuses one more', () => {
    expect(perturbationSchema.safeParse(dup(LIMITS.copies)).success).toBe(true);
    expect(perturbationSchema.safeParse(dup(LIMITS.copies + 1)).success).toBe(false);
    expect(perturbationSchema.safeParse({ kind: 'loop', match: {}, laps: LIMITS.laps + 1 }).success).toBe(false);
    const spec = { name: 'x', title: 't', description: 'd', script: [], until: LIMITS.seconds + 1 };
    expect(scenarioSpecSchema.safeParse(spec).success).toBe(false);
  });

  it('the CLI refuses the same values in one line naming the bound', () => {
    expect(parseSegmentPerturbation('duplicate', `from=client,copies=${LIMITS.copies}`)).toMatchObject({ copies: LIMITS.copies });
    expect(() => parseSegmentPerturbation('duplicate', `from=client,copies=${LIMITS.copies + 1}`)).toThrow(`--duplicate: copies=${LIMITS.copies + 1} is too large; the most accepted is ${LIMITS.copies}`);
    expect(() => parseSegmentPerturbation('loop', `from=client,laps=${LIMITS.laps + 1}`)).toThrow(`laps=${LIMITS.laps + 1} is too large`);
    // Plain decimals only: an exponent is refused before any bound (src/cli/numbers.ts).
    expect(() => parseSegmentPerturbation('loop', 'from=client,laps=1e9')).toThrow(/laps=1e9 is not accepted/);
    expect(() => parseSimulateArgs(['--until', '1e12'])).toThrow(/--until: '1e12' is not accepted; expected a number of seconds from 0 to 86400/);
    expect(() => parseSimulateArgs(['--max-events', '0'])).toThrow(/--max-events/);
    expect(parseSimulateArgs(['--max-events', '5000']).maxEvents).toBe(5000);
    expect(parseSimulateArgs([]).maxEvents).toBe(LIMITS.events);
  });

  it('formats counts with thousands separators', () => {
    expect(formatCount(2_000_000)).toBe('2,000,000');
    expect(formatCount(100)).toBe('100');
  });
});

describe('the engine budgets', () => {
  it('stops a run at its event budget and says so in the trace', () => {
    const sim = Simulation.create(getScenario('churn')!, { maxEvents: 1000 });
    const r = sim.runUntil({ kind: 'quiet' }, { untilSeconds: 300 });
    expect(r.stoppedBy).toBe('max-events');
    expect(sim.stepCount).toBe(1000);
    expect(sim.trace.at(-1)).toMatchObject({ kind: 'perturb', perturbation: 'budget' });
    // Sticky: asking again does not run on past the budget.
    expect(sim.runUntil({ kind: 'quiet' }).stoppedBy).toBe('max-events');
    expect(sim.stepCount).toBe(1000);
  });

  it('detects a zero-delay livelock, which a time limit alone never ends', () => {
    const spec: ScenarioSpec = {
      name: 'zero',
      title: 'zero',
      description: 'ping-pong over links that take no time',
      network: { linkDelays: [0, 0, 0] },
      script: [
        { host: 'server', call: 'listen' },
        { host: 'client', call: 'connect', at: 0 },
        { host: 'client', call: 'send', data: 'ping', when: { host: 'client', event: 'connected' } },
        { host: 'server', call: 'send', data: 'pong', when: { host: 'server', event: 'data' }, repeat: true },
        { host: 'client', call: 'send', data: 'ping', when: { host: 'client', event: 'data' }, repeat: true },
      ],
    };
    const sim = Simulation.create(spec, { maxEvents: 10 * LIMITS.sameInstantEvents });
    const r = sim.runUntil({ kind: 'quiet' }, { untilSeconds: 1 });
    expect(r.stoppedBy).toBe('livelock');
    expect(sim.now).toBe(0);
    expect(sim.trace.at(-1)).toMatchObject({ kind: 'perturb', perturbation: 'budget' });
  });

  it('a windowed (interactive) run has no event budget by default', () => {
    expect(Simulation.create(getScenario('churn')!, { traceWindow: 100 }).eventBudget).toBe(Infinity);
  });
});

describe('YAML alias limit', () => {
  it('is an error at the position of an alias, not an exception', () => {
    const ten = (x: string): string => `[${Array(10).fill(x).join(', ')}]`;
    const src = parseYamlSource(`a: &a ${ten('x')}\nb: &b ${ten('*a')}\nc: &c ${ten('*b')}\nd: ${ten('*c')}\n`, 'bomb.yaml');
    expect(src.value).toBeUndefined();
    expect(src.syntax).toEqual([expect.objectContaining({ file: 'bomb.yaml', line: 2, col: 8, severity: 'error', found: expect.stringMatching(/Excessive alias count/) })]);
  });
});
