import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { getScenario, Simulation } from '../../src/sim/index.js';
import { SimController, SPEEDS } from '../../src/ui/simController.js';
import { SimContext, shallowEqual, useSimSelector, useSimulation } from '../../src/ui/useSimulation.js';
import { renderSized } from './harness.js';

const make = () => Simulation.create(getScenario('normal-close')!, { seed: 1 });

describe('useSimSelector', () => {
  it('re-renders a panel only when its slice changes', async () => {
    const ctrl = new SimController(make(), { speedIndex: 0 });
    const renders = { log: 0, clock: 0 };
    function Log() {
      const n = useSimSelector((s) => ({ len: s.traceLength }));
      renders.log++;
      return <Text>{`events ${n.len}`}</Text>;
    }
    function Clock() {
      const c = useSimSelector((s) => s.clock);
      renders.clock++;
      return <Text>{`clock ${c}`}</Text>;
    }
    const r = render(
      <SimContext.Provider value={ctrl}>
        <Log />
        <Clock />
      </SimContext.Provider>,
    );
    const flush = () => new Promise((res) => setImmediate(res));
    await flush();
    ctrl.step(); // to the SYN: something is in flight, so ticks move the clock without events
    await flush();
    const log0 = renders.log;
    const clock0 = renders.clock;
    ctrl.play();
    for (let i = 0; i < 5; i++) {
      ctrl.tick(1); // 1 ms of wall time at x0.01: 10 us, no event due
      await flush();
    }
    expect(renders.clock).toBeGreaterThan(clock0);
    expect(renders.log).toBe(log0);
    ctrl.pause();
    ctrl.step();
    await flush();
    expect(renders.log).toBeGreaterThan(log0);
    expect(r.lastFrame()).toMatch(/events \d+/);
    r.unmount();
  });

  it('compares slices shallowly', () => {
    expect(shallowEqual({ a: 1, b: 'x' }, { a: 1, b: 'x' })).toBe(true);
    expect(shallowEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(shallowEqual([1, 2], [1, 2])).toBe(true);
    expect(shallowEqual({ a: {} }, { a: {} })).toBe(false);
  });
});

describe('useSimulation', () => {
  it('owns the wall-clock timer: playing advances the run until it pauses or ends', async () => {
    let ctrl: SimController | null = null;
    function Probe() {
      const [sim] = useState(make);
      const c = useSimulation(sim, { speedIndex: SPEEDS.length - 1 });
      ctrl = c;
      return (
        <SimContext.Provider value={c}>
          <Status />
        </SimContext.Provider>
      );
    }
    function Status() {
      const s = useSimSelector((st) => ({ playing: st.playing, quiet: st.quiet, n: st.traceLength }));
      return <Text>{`${s.playing ? 'playing' : 'stopped'} ${s.quiet ? 'quiet' : 'busy'} ${s.n}`}</Text>;
    }
    const r = renderSized(<Probe />);
    await r.waitFor('stopped busy 0');
    ctrl!.play();
    await r.waitFor(/playing busy \d+/);
    await r.waitFor('stopped quiet', 'the run to end by itself', 30_000);
    r.unmount();
  });
});
