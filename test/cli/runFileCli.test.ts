/** `simulate --scenario RUNFILE` on the built CLI: the run file's inputs, with flags on top. */
import { describe, expect, it, beforeAll } from 'vitest';
import { ensureBuilt, runCli } from './builtCli.js';

beforeAll(() => ensureBuilt());
const GOOD = 'test/fixtures/runs/good.yaml';

describe('simulate --scenario with a run file', () => {
  it("runs the saved scenario with its policies and perturbations", () => {
    const r = runCli(['simulate', '--scenario', GOOD, '--format', 'json']);
    expect(r.code).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; seg?: { copyOf?: number }; timer?: string; expires?: number; t: number });
    expect(events.some((e) => e.kind === 'perturb')).toBe(true);
    expect(events.some((e) => e.seg?.copyOf !== undefined)).toBe(true);
    // MSL 30 s from the file: TIME_WAIT lasts 60 s.
    const start = events.find((e) => e.kind === 'timer' && e.timer === '2MSL')!;
    expect(start.expires! - start.t).toBeCloseTo(60, 3);
  });

  it('lets flags override the file (here the MSL)', () => {
    const r = runCli(['simulate', '--scenario', GOOD, '--format', 'json', '--msl', '10']);
    const start = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; timer?: string; expires?: number; t: number }).find((e) => e.kind === 'timer' && e.timer === '2MSL')!;
    expect(start.expires! - start.t).toBeCloseTo(20, 3);
  });

  it.each(['newer-version', 'bad-perturbation', 'unknown-scenario'])('%s.yaml: one file:line:col line, exit 2', (name) => {
    const r = runCli(['simulate', '--scenario', `test/fixtures/runs/${name}.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^tcp-timewait: test/fixtures/runs/${name}\\.yaml:\\d+:\\d+: found .*\\n$`));
  });
});
