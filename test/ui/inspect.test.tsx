/**
 * The segment inspector on a real run: age is time in the network (not time since birth), the
 * MSL flag goes only on a segment that really outlived MSL, every segment of the run can be
 * reached by typing its id, and the simulator's own tags sit apart from the header fields.
 */
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { getScenario, Simulation } from '../../src/sim/index.js';
import { Inspect, inspectItems, segmentAge } from '../../src/ui/components/Inspect.js';
import { footerBindings, lookup } from '../../src/ui/keys/bindings.js';
import { helpLines } from '../../src/ui/components/HelpScreen.js';
import { initialUiState, nextTypedId, uiReducer } from '../../src/ui/keys/uiState.js';
import { runContexts } from '../../src/ui/runKeys.js';
import { SimController } from '../../src/ui/simController.js';
import { SimContext } from '../../src/ui/useSimulation.js';
import { stripAnsi } from './harness.js';

/** The wandering-duplicate run to its end with MSL 2 s: segment #4 circles for 6 s. */
function finishedRun(): SimController {
  const sim = Simulation.create(getScenario('wandering-duplicate')!, { seed: 1, policies: { mslSeconds: 2 } });
  while (!sim.isQuiet()) sim.step();
  return new SimController(sim);
}

const show = (ctrl: SimController, cursor: number, typed = '') => {
  const r = render(
    <SimContext.Provider value={ctrl}>
      <Inspect cursor={cursor} typed={typed} width={80} height={21} />
    </SimContext.Provider>,
  );
  const f = stripAnsi(r.lastFrame() ?? '');
  r.unmount();
  return f;
};

describe('Inspect', () => {
  it('measures age from birth to delivery, and flags only what outlived MSL', () => {
    const ctrl = finishedRun();
    const st = ctrl.getState();
    const items = inspectItems(st.snapshot.inFlight, st.trace);
    const byId = (id: number) => items.find((it) => it.seg.id === id)!;
    // The SYN was delivered 50 ms after its birth, long before now (several MSLs): its age stays 50 ms.
    expect(st.clock - byId(1).seg.born).toBeGreaterThan(10e6);
    expect(segmentAge(byId(1), st.clock)).toBe(50_000);
    // The looping data segment spent about 6 s in the network.
    expect(segmentAge(byId(4), st.clock)).toBeGreaterThan(2e6);

    const syn = show(ctrl, items.indexOf(byId(1)));
    expect(syn).toMatch(/50ms within MSL \(in the network; MSL 2s\)/);
    expect(syn).not.toContain('older than MSL');
    const dup = show(ctrl, items.indexOf(byId(4)));
    expect(dup).toContain('older than MSL');
  });

  it('lists every segment of the run, not only the newest twelve', () => {
    const ctrl = finishedRun();
    const st = ctrl.getState();
    const ids = inspectItems(st.snapshot.inFlight, st.trace).map((it) => it.seg.id);
    const sent = new Set(st.trace.flatMap((ev) => (ev.kind === 'send' ? [ev.seg.id] : [])));
    expect(ids.length).toBeGreaterThan(12);
    for (const id of sent) expect(ids).toContain(id);
  });

  it('keeps the simulator tags apart from the header fields', () => {
    const ctrl = finishedRun();
    const f = show(ctrl, 0).split('\n');
    const headers = f.findIndex((l) => l.includes('TCP/IP headers'));
    const tags = f.findIndex((l) => l.includes("simulator's own tags"));
    const incarnation = f.findIndex((l) => /incarnation\s+#\d/.test(l));
    const ttl = f.findIndex((l) => l.includes('window / TTL'));
    expect(headers).toBeGreaterThan(0);
    expect(ttl).toBeGreaterThan(headers);
    expect(ttl).toBeLessThan(tags);
    expect(incarnation).toBeGreaterThan(tags);
    expect(f.length).toBeLessThanOrEqual(21);
  });

  it('says when a typed id matches no segment', () => {
    const ctrl = finishedRun();
    expect(show(ctrl, 0, '4')).toMatch(/#4$/m);
    expect(show(ctrl, 0, '999')).toContain('no segment #999');
  });

  it('types ids digit by digit, starting afresh past the largest id', () => {
    expect(nextTypedId('', '1', 30)).toBe('1');
    expect(nextTypedId('1', '2', 30)).toBe('12');
    expect(nextTypedId('12', '7', 30)).toBe('7');
    expect(nextTypedId('12', 'backspace', 30)).toBe('1');
    expect(nextTypedId('0', '5', 30)).toBe('5');
  });

  it('routes digits to the inspector only, and clears the typed id on moving or closing', () => {
    let ui = uiReducer(initialUiState(), { type: 'open', overlay: 'inspect' });
    expect(lookup(runContexts(ui, 'sandbox'), '7')?.action).toBe('typeId');
    expect(lookup(runContexts(uiReducer(ui, { type: 'open', overlay: 'perturb' }), 'sandbox'), '7')?.action).not.toBe('typeId');
    ui = uiReducer(ui, { type: 'typeId', typed: '12', index: 5 });
    expect([ui.typed, ui.cursor]).toEqual(['12', 5]);
    ui = uiReducer(ui, { type: 'typeId', typed: '123' });
    expect([ui.typed, ui.cursor]).toEqual(['123', 5]);
    expect(uiReducer(ui, { type: 'cursor', delta: 1, length: 20 }).typed).toBe('');
    expect(uiReducer(ui, { type: 'close' }).typed).toBe('');
  });

  it('documents the id keys in the help of every screen with pickers, and in the footer', () => {
    const help = helpLines(['sandbox', 'run', 'list', 'global']).map((l) => l.text);
    expect(help).toContain('inspect: type a segment id to jump to it');
    expect(footerBindings(['inspect', 'list', 'global']).map((b) => b.action)).toContain('typeId');
  });
});
