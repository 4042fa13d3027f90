/**
 * What the timestamps option (RFC 7323) costs the simulation (issue 14: at most 10%). The same
 * churn run under the linux preset, with and without timestamps, alternated and each kept at
 * its better run, in one process.
 */
import { POLICY_PRESETS, Simulation, getScenario } from '../src/sim/index.js';
import type { Figure } from './report.js';

function rate(seconds: number, timestamps: boolean): number {
  const sim = Simulation.create(getScenario('churn')!, { policies: { ...POLICY_PRESETS.linux, timestamps } });
  const t0 = performance.now();
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: seconds });
  return sim.stepCount / ((performance.now() - t0) / 1000);
}

export function timestampsFigures(quick: boolean): Figure[] {
  const seconds = quick ? 120 : 300;
  rate(30, false);
  rate(30, true);
  let off = 0;
  let on = 0;
  for (let i = 0; i < 3; i++) {
    off = Math.max(off, rate(seconds, false));
    on = Math.max(on, rate(seconds, true));
  }
  const cost = 1 - on / off;
  return [
    {
      name: 'cost of the timestamps option (linux preset, churn run)',
      value: cost * 100,
      unit: '%',
      target: '<= 10%',
      met: cost <= 0.1,
      note: `${Math.round(off).toLocaleString('en')} events/s without, ${Math.round(on).toLocaleString('en')} events/s with, in the same run`,
    },
  ];
}
