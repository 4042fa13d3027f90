/**
 * The ladder folds time into one row per event; a long stretch without events (the 2MSL wait)
 * gets a row of its own that says how long it was, so skipping it is never silent.
 */
import { describe, expect, it } from 'vitest';
import { getScenario, Simulation } from '../../src/sim/index.js';
import { buildRows, GAP_MARK_US } from '../../src/ui/ladder/ladderRows.js';
import { layoutLadder } from '../../src/ui/ladder/layoutLadder.js';
import { createTheme } from '../../src/ui/theme.js';
import { LOST_ACK_TRACE } from './fixtures.js';

const theme = createTheme({ NO_COLOR: '1' });

function run(name: string) {
  const sim = Simulation.create(getScenario(name)!, { seed: 1 });
  while (!sim.isQuiet()) sim.step();
  return sim;
}

describe('ladder gap marks', () => {
  it('marks the 2MSL wait of a normal close with its length, as idle', () => {
    const sim = run('normal-close');
    const { rows } = buildRows(sim.trace);
    const gaps = rows.filter((r) => r.gap);
    const twStart = sim.trace.find((e) => e.kind === 'timer' && e.timer === '2MSL' && e.action === 'start')!;
    const twEnd = sim.trace.find((e) => e.kind === 'timer' && e.timer === '2MSL' && e.action === 'expire')!;
    const wait = gaps.find((g) => g.gap!.us > 50e6)!;
    expect(wait.gap).toEqual({ us: twEnd.at - wait.at, idle: true });
    expect(wait.at).toBeGreaterThanOrEqual(twStart.at);
    const g = layoutLadder({ trace: sim.trace, inFlight: [], clock: sim.now, width: 80, height: 200, scroll: 0, theme });
    const lines = g.lines.map((l) => l.map((c) => c.ch).join(''));
    const mark = lines.find((l) => /┊ +⋮ \d+\.\ds idle ⋮ +┊/.test(l));
    expect(mark, lines.join('\n')).toBeDefined();
    expect(mark).toContain(`${((twEnd.at - wait.at) / 1e6).toFixed(1)}s idle`);
  });

  it('marks nothing between events closer than half a second', () => {
    const { rows } = buildRows(LOST_ACK_TRACE.filter((e) => e.at < 1_000_000));
    for (let i = 1; i < rows.length; i++) if (rows[i]!.at - rows[i - 1]!.at < GAP_MARK_US) expect(rows[i]!.gap).toBeUndefined();
    expect(rows.some((r) => r.gap)).toBe(false);
  });

  it('says "later", not idle, when a segment was in the network through the gap', () => {
    // The lost-ACK story: the server's FIN is retransmitted after a second with nothing in flight
    // (the ACK was lost), so that gap is idle; a delayed segment would make it "later".
    const { rows } = buildRows(LOST_ACK_TRACE);
    const gap = rows.find((r) => r.gap);
    expect(gap?.gap?.idle).toBe(true);
    const sim = run('wandering-duplicate');
    const looped = buildRows(sim.trace).rows.filter((r) => r.gap);
    expect(looped.some((r) => r.gap!.idle === false)).toBe(true);
  });

  it('shows the idle time so far on the "now" row while nothing is in flight', () => {
    const sim = run('normal-close');
    const last = sim.trace[sim.trace.length - 1]!;
    const g = layoutLadder({ trace: sim.trace, inFlight: [], clock: last.at + 3_000_000, width: 80, height: 10, scroll: 0, theme });
    const now = g.lines[g.lines.length - 1]!.map((c) => c.ch).join('');
    expect(now).toContain('3.0s idle so far');
  });
});
