/** Search of the event log (`/`, n, N) and the jumps g / G: the pure parts and the reducer. */
import { describe, expect, it } from 'vitest';
import { getScenario, Simulation } from '../../src/sim/index.js';
import { eventMatches, nextMatch, searchTrace, visibleAfter } from '../../src/ui/eventSearch.js';
import { describeEvent } from '../../src/ui/format.js';
import { lookup } from '../../src/ui/keys/bindings.js';
import { initialUiState, MAX_SEARCH_LENGTH, uiReducer } from '../../src/ui/keys/uiState.js';
import { runContexts } from '../../src/ui/runKeys.js';
import { SimController } from '../../src/ui/simController.js';
import { isVisibleEvent } from '../../src/ui/simTypes.js';

const finished = (name: string) => {
  const sim = Simulation.create(getScenario(name)!, { seed: 1 });
  sim.runUntil({ kind: 'time', seconds: 200 });
  return sim;
};

describe('which events a search finds', () => {
  const sim = finished('lost-final-ack');
  const trace = sim.trace;

  it.each([
    ['FIN', (t: string) => /FIN/i.test(t)],
    ['time_wait', (t: string) => /TIME_WAIT/.test(t)],
    ['seq=5024', (t: string) => t.includes('seq=5024')],
    ['retransmits', (t: string) => t.includes('retransmits')],
  ])('"%s" finds exactly the visible events whose sentence holds it', (pattern, expected) => {
    const found = searchTrace(trace, trace.length, pattern);
    const want = trace.flatMap((ev, i) => (isVisibleEvent(ev) && expected(describeEvent(ev)) ? [i] : []));
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(want);
  });

  it('#N finds segment N only, not #N0', () => {
    const found = searchTrace(trace, trace.length, '#1');
    expect(found.length).toBeGreaterThan(0);
    for (const i of found) expect((trace[i] as { seg: { id: number } }).seg.id).toBe(1);
  });

  it('finds nothing for an empty pattern or a word the run never says', () => {
    expect(searchTrace(trace, trace.length, '   ')).toEqual([]);
    expect(searchTrace(trace, trace.length, 'URG')).toEqual([]);
    expect(eventMatches(trace[0]!, '')).toBe(false);
  });

  it('starts at the newest match; n goes older, N newer, both wrap', () => {
    const m = [3, 8, 12];
    expect(nextMatch(m, null, 'older')).toBe(12);
    expect(nextMatch(m, 12, 'older')).toBe(8);
    expect(nextMatch(m, 3, 'older')).toBe(12);
    expect(nextMatch(m, 8, 'newer')).toBe(12);
    expect(nextMatch(m, 12, 'newer')).toBe(3);
    expect(nextMatch([], null, 'older')).toBeNull();
  });

  it('scrolls the log so that the match is its bottom row', () => {
    const visible = trace.flatMap((ev, i) => (isVisibleEvent(ev) ? [i] : []));
    expect(visibleAfter(trace, trace.length, visible[visible.length - 1]!)).toBe(0);
    expect(visibleAfter(trace, trace.length, visible[visible.length - 4]!)).toBe(3);
  });
});

describe('the search keys', () => {
  it('types every printable key into the prompt, q and ? included; Ctrl+C still quits', () => {
    for (const k of ['q', '?', 'n', 'G', '#', '=', 'space', 'é']) expect(lookup(['search', 'global'], k)?.action).toBe('searchChar');
    expect(lookup(['search', 'global'], 'ctrl+c')?.action).toBe('quit');
    expect(lookup(['search', 'global'], 'enter')?.action).toBe('apply');
  });

  it('takes n and N for matches while a search is active, and gives n back to stepping after esc', () => {
    let ui = initialUiState(['ladder', 'log']);
    expect(lookup([...runContexts(ui, 'sandbox'), 'global'], 'n')?.action).toBe('step');
    ui = uiReducer(ui, { type: 'searchStart' });
    expect(runContexts(ui, 'sandbox')).toEqual(['search']);
    for (const ch of 'FIN') ui = uiReducer(ui, { type: 'searchChar', ch });
    ui = uiReducer(ui, { type: 'searchShow', match: 7, after: 4 });
    expect(ui.search).toEqual({ text: 'FIN', editing: false, match: 7 });
    expect(ui.focus).toBe('log');
    expect(ui.scroll.log).toBe(4);
    expect(lookup([...runContexts(ui, 'sandbox'), 'global'], 'n')?.action).toBe('searchNext');
    expect(lookup([...runContexts(ui, 'sandbox'), 'global'], 'N')?.action).toBe('searchPrev');
    // Other run keys still work during a search.
    expect(lookup([...runContexts(ui, 'sandbox'), 'global'], 'space')?.action).toBe('playPause');
    ui = uiReducer(ui, { type: 'searchEnd' });
    expect(lookup([...runContexts(ui, 'sandbox'), 'global'], 'n')?.action).toBe('step');
  });

  it('bounds the pattern and erases one character at a time', () => {
    let ui = uiReducer(initialUiState(), { type: 'searchStart' });
    for (let i = 0; i < MAX_SEARCH_LENGTH + 10; i++) ui = uiReducer(ui, { type: 'searchChar', ch: 'x' });
    expect(ui.search!.text).toHaveLength(MAX_SEARCH_LENGTH);
    ui = uiReducer(ui, { type: 'searchErase' });
    expect(ui.search!.text).toHaveLength(MAX_SEARCH_LENGTH - 1);
  });
});

describe('g and G', () => {
  it('G plays to the end of the run; g goes back to time 0 with the same trace as a fresh start', () => {
    const sim = Simulation.create(getScenario('lost-final-ack')!, { seed: 1 });
    const c = new SimController(sim);
    const fresh = JSON.stringify(sim.trace);
    c.toEnd();
    expect(sim.isQuiet()).toBe(true);
    const end = finished('lost-final-ack');
    expect(JSON.stringify(sim.trace)).toBe(JSON.stringify(end.trace));
    c.toStart();
    expect(sim.now).toBe(0);
    expect(JSON.stringify(sim.trace)).toBe(fresh);
    expect(c.getState().playing).toBe(false);
  });

  it('G stops at a stop moment (a lesson step that says "play to T")', () => {
    const sim = Simulation.create(getScenario('lost-final-ack')!, { seed: 1 });
    const c = new SimController(sim, { stopAt: (clock) => (clock < 500_000 ? 500_000 : undefined) });
    c.toEnd();
    expect(c.getState().clock).toBe(500_000);
    expect(sim.now).toBeLessThanOrEqual(500_000);
  });
});
