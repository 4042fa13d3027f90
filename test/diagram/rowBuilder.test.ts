/**
 * The ladder's rows built a step at a time (RowBuilder with its undo log, as the TUI follows a
 * run) must be exactly the rows built from scratch, after any mix of steps forward and back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRows, followTrace, RowBuilder } from '../../src/diagram/rows.js';
import { getScenario, SCENARIO_NAMES, Simulation, type TraceEvent } from '../../src/sim/index.js';

function traceOf(name: string): TraceEvent[] {
  const sim = Simulation.create(getScenario(name)!, { seed: 1 });
  sim.runUntil({ kind: 'quiet' }, { maxSteps: 1_500, untilSeconds: 600 });
  return [...sim.trace];
}

const TRACES = new Map(SCENARIO_NAMES.map((n) => [n, traceOf(n)]));

describe('RowBuilder', () => {
  it('builds the same rows as buildRows, for every built-in scenario', () => {
    for (const [name, trace] of TRACES) {
      const b = new RowBuilder(true);
      for (const ev of trace) b.add(ev);
      expect(b.data(), name).toEqual(buildRows(trace));
    }
  });

  it('after random steps forward and back, equals a build from scratch of what is left', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIO_NAMES), fc.array(fc.integer({ min: -40, max: 60 }), { minLength: 1, maxLength: 25 }), (name, moves) => {
        const trace = TRACES.get(name)!;
        const b = new RowBuilder(true);
        let n = 0;
        for (const m of moves) {
          n = Math.max(0, Math.min(trace.length, n + m));
          expect(followTrace(b, trace, n)).toBe(true);
          expect(b.data()).toEqual(buildRows(trace.slice(0, n)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('refuses to follow a trace whose front moved (the window slid), so the caller rebuilds', () => {
    const trace = TRACES.get('lost-final-ack')!;
    const b = new RowBuilder(true);
    followTrace(b, trace, 10);
    expect(followTrace(b, trace.slice(3), 8)).toBe(false);
  });

  it('cannot take events back unless asked to keep the undo log', () => {
    expect(() => new RowBuilder(false).truncate(0)).toThrow(/undoable/);
  });
});

describe('followTrace after a step back that replayed events as new objects', () => {
  it('keeps the rows of the unchanged prefix and rebuilds only the replayed tail', () => {
    const trace = TRACES.get('lost-final-ack')!;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: trace.length }), fc.integer({ min: 1, max: trace.length }), (length, keep) => {
        const b = new RowBuilder(true);
        followTrace(b, trace, length);
        // Events from `keep` on are copies, as a replay from a checkpoint makes them.
        const replayed = trace.map((ev, i) => (i >= Math.min(keep, length) ? { ...ev } : ev));
        const back = Math.max(1, length - 3);
        expect(followTrace(b, replayed, back)).toBe(true);
        expect(b.events.slice(0, Math.min(keep, back)).every((ev, i) => ev === trace[i])).toBe(true);
        expect(b.events.slice(Math.min(keep, back)).every((ev, i) => ev === replayed[Math.min(keep, back) + i])).toBe(true);
        expect(b.data()).toEqual(buildRows(replayed.slice(0, back)));
      }),
      { numRuns: 100 },
    );
  });
});
