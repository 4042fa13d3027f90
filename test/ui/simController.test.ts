import { describe, expect, it } from 'vitest';
import { getScenario, Simulation } from '../../src/sim/index.js';
import { IDLE_WALL_SECONDS, SimController, SPEEDS } from '../../src/ui/simController.js';

const make = (name = 'lost-final-ack') => Simulation.create(getScenario(name)!, { seed: 1 });

describe('SimController', () => {
  it('steps one visible event at a time and steps back exactly', () => {
    const sim = make();
    const c = new SimController(sim);
    const seen: number[] = [];
    for (let i = 0; i < 15; i++) {
      c.step();
      seen.push(c.getState().traceLength);
    }
    // Every learner step shows something new.
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!);
    const trace = JSON.stringify(sim.trace);
    const now = sim.now;
    c.step();
    c.stepBack();
    expect(JSON.stringify(sim.trace)).toBe(trace);
    expect(sim.now).toBe(now);
    expect(c.getState().traceLength).toBe(seen[seen.length - 1]);
  });

  it('steps back after playing (no recorded marks) to before the last visible event', () => {
    const sim = make();
    const c = new SimController(sim, { speedIndex: SPEEDS.length - 1 });
    c.play();
    for (let i = 0; i < 5 && c.getState().traceLength < 10; i++) c.tick(50);
    const before = c.getState().traceLength;
    expect(before).toBeGreaterThan(0);
    c.stepBack();
    expect(c.getState().traceLength).toBeLessThan(before);
    expect(c.getState().playing).toBe(false);
  });

  it('plays by wall time at the chosen speed and stops when nothing is left', () => {
    const sim = make('normal-close');
    const c = new SimController(sim);
    c.faster();
    c.slower();
    c.slower();
    expect(c.getState().speedIndex).toBe(1);
    c.play();
    expect(c.getState().playing).toBe(true);
    c.tick(1000);
    // 1 s of wall time at x0.02 is 20 ms of simulated time.
    expect(c.getState().clock).toBeCloseTo(20_000, -2);
    let ticks = 0;
    while (c.tick(50) && ticks < 100_000) ticks++;
    expect(c.getState().quiet).toBe(true);
    expect(c.getState().playing).toBe(false);
  });

  it('compresses idle waits: a 60 s TIME_WAIT passes in about IDLE_WALL_SECONDS of ticks', () => {
    const sim = make('normal-close');
    sim.runUntil({ kind: 'state', host: 'client', state: 'TIME_WAIT' });
    // Let the last segments land so nothing is in flight.
    sim.runUntil({ kind: 'state', host: 'server', state: 'CLOSED' });
    const c = new SimController(sim);
    expect(c.getState().snapshot.inFlight.length).toBe(0);
    c.play();
    let ticks = 0;
    while (c.tick(50) && ticks < 1000) ticks++;
    expect(c.getState().quiet).toBe(true);
    expect(ticks * 50).toBeLessThanOrEqual(IDLE_WALL_SECONDS * 1000 + 500);
  });

  it('without idle skipping, the same wait takes its real (scaled) time', () => {
    const sim = make('normal-close');
    sim.runUntil({ kind: 'state', host: 'server', state: 'CLOSED' });
    const c = new SimController(sim, { skipIdle: false, speedIndex: 6 });
    c.play();
    for (let i = 0; i < 40; i++) c.tick(50);
    expect(c.getState().quiet).toBe(false);
    expect(c.getState().playing).toBe(true);
  });

  it('pauses when shouldPause says so (a lesson goal)', () => {
    const sim = make();
    const c = new SimController(sim, { speedIndex: SPEEDS.length - 1, shouldPause: (s) => s.trace.some((e) => e.kind === 'state' && e.to === 'FIN_WAIT_2') });
    c.play();
    let ticks = 0;
    while (c.tick(50) && ticks < 10_000) ticks++;
    const last = sim.trace[sim.trace.length - 1]!;
    expect(c.getState().playing).toBe(false);
    expect(sim.trace.some((e) => e.kind === 'state' && e.to === 'FIN_WAIT_2')).toBe(true);
    expect(last.at).toBe(sim.now);
    expect(c.getState().quiet).toBe(false);
  });

  it('applies a perturbation and re-reads the snapshot', () => {
    const sim = make('normal-close');
    const c = new SimController(sim);
    let n = 0;
    c.subscribe(() => n++);
    c.perturb({ kind: 'policy', set: { mslSeconds: 60 } });
    expect(n).toBe(1);
    expect(c.getState().snapshot.policies.mslSeconds).toBe(60);
  });

  it('swaps in another simulation, keeping speed', () => {
    const c = new SimController(make());
    c.faster();
    const sim2 = make('normal-close');
    c.setSim(sim2);
    expect(c.getState().sim).toBe(sim2);
    expect(c.getState().speedIndex).toBe(3);
  });
});

describe('SimController stop moment (a lesson step that plays "to 46 s")', () => {
  // normal-close, BSD: events until 0.9 s, then nothing until the 2MSL expiry at 60.85 s.
  const bsd = () => Simulation.create(getScenario('normal-close')!, { seed: 1, policies: { mslSeconds: 30 } });
  const stopAt46 = (clock: number) => (clock < 46e6 ? 46e6 : undefined);

  it('playing stops the clock at the moment, between events, and plays on past it afterwards', () => {
    const c = new SimController(bsd(), { stopAt: stopAt46, speedIndex: SPEEDS.length - 1 });
    c.play();
    for (let i = 0; i < 1000 && c.getState().playing; i++) c.tick(50);
    expect(c.getState().clock).toBe(46e6);
    expect(c.getState().sim.now).toBeLessThan(2e6);
    expect(c.getState().snapshot.hosts.client.connections[0]?.state).toBe('TIME_WAIT');
    c.play();
    for (let i = 0; i < 1000 && c.getState().playing; i++) c.tick(50);
    expect(c.getState().sim.now).toBe(60_850_000);
  });

  it('a step whose next event lies past the moment moves the clock to the moment only', () => {
    const c = new SimController(bsd(), { stopAt: stopAt46 });
    for (let i = 0; i < 50 && c.getState().clock < 1e6; i++) c.step();
    const traceLength = c.getState().traceLength;
    c.step();
    expect(c.getState().clock).toBe(46e6);
    expect(c.getState().traceLength).toBe(traceLength);
    c.step();
    expect(c.getState().clock).toBe(60_850_000);
  });

  it('a moment after the last event still comes: quiet does not end the play before it', () => {
    const c = new SimController(bsd(), { stopAt: (clock) => (clock < 91e6 ? 91e6 : undefined), speedIndex: SPEEDS.length - 1 });
    c.play();
    for (let i = 0; i < 1000 && c.getState().playing; i++) c.tick(50);
    expect(c.getState().clock).toBe(91e6);
    expect(c.getState().quiet).toBe(true);
  });

  it('starts from a given display clock ahead of the simulation', () => {
    const c = new SimController(bsd(), { clock: 5e6 });
    expect(c.getState().clock).toBe(5e6);
    c.refresh(7e6);
    expect(c.getState().clock).toBe(7e6);
  });
});
