/**
 * The built-in scenarios tell the TIME_WAIT story; these tests hold them to it, with TIME_WAIT
 * on and off so the difference is visible.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, SCENARIO_NAMES, Simulation, countMatches, getScenario, type Policies, type TraceEvent } from '../../src/sim/index.js';

function run(name: string, policies: Partial<Policies> = {}): Simulation {
  const spec = getScenario(name)!;
  const sim = Simulation.create(spec, { policies });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: spec.until });
  return sim;
}

const states = (trace: readonly TraceEvent[], host: string) =>
  trace.filter((e) => e.kind === 'state' && e.host === host).map((e) => (e.kind === 'state' ? e.to : ''));
const sends = (trace: readonly TraceEvent[], host: string) =>
  trace.flatMap((e) => (e.kind === 'send' && e.host === host ? [e] : []));
const appEvents = (trace: readonly TraceEvent[], host: string) =>
  trace.flatMap((e) => (e.kind === 'app' && e.host === host ? [e.event] : []));

describe('built-in scenarios', () => {
  it('every name of the CLI contract exists and runs to quiet', () => {
    for (const name of SCENARIO_NAMES) {
      for (const timeWait of ['rfc', 'off'] as const) {
        const sim = run(name, { timeWait });
        expect(sim.trace.length, name).toBeGreaterThan(10);
      }
    }
    expect(Object.keys(BUILTIN_SCENARIOS)).toEqual(expect.arrayContaining([...SCENARIO_NAMES]));
  });

  it('normal-close: the four-segment close, the client waits 2MSL, then CLOSED', () => {
    const sim = run('normal-close');
    expect(states(sim.trace, 'client')).toEqual(['SYN_SENT', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT', 'CLOSED']);
    expect(states(sim.trace, 'server')).toEqual(['SYN_RECEIVED', 'ESTABLISHED', 'CLOSE_WAIT', 'LAST_ACK', 'CLOSED']);
    const tw = sim.trace.find((e) => e.kind === 'state' && e.to === 'TIME_WAIT')!;
    const closed = sim.trace.findLast((e) => e.kind === 'state' && e.host === 'client')!;
    expect(closed.at - tw.at).toBe(2 * sim.policies.mslSeconds * 1_000_000);
  });

  describe('lost-final-ack', () => {
    it('the server retransmits its FIN from LAST_ACK; TIME_WAIT ACKs it and restarts 2MSL', () => {
      const sim = run('lost-final-ack');
      const serverFins = sends(sim.trace, 'server').filter((e) => e.seg.flags.includes('FIN'));
      expect(serverFins.length).toBe(2);
      expect(serverFins[1]!.seg.retransmitOf).toBe(serverFins[0]!.seg.id);
      const stateWhenResent = sim.trace.findLast((e) => e.kind === 'state' && e.host === 'server' && e.at <= serverFins[1]!.at);
      expect(stateWhenResent).toMatchObject({ to: 'LAST_ACK' });
      // Each FIN copy that reaches the client is answered with an ACK from TIME_WAIT.
      const finDeliveries = sim.trace.filter((e) => e.kind === 'deliver' && e.host === 'client' && e.seg.flags.includes('FIN'));
      const clientAcks = sends(sim.trace, 'client').filter((e) => e.seg.flags.join() === 'ACK' && e.at >= finDeliveries[0]!.at);
      expect(clientAcks.length).toBe(finDeliveries.length);
      expect(countMatches(sim.trace, { kind: 'timer', host: 'client', timer: '2MSL', action: 'restart' })).toBe(1);
      // CLOSED exactly 2MSL after the last FIN received.
      const closed = sim.trace.findLast((e) => e.kind === 'state' && e.host === 'client')!;
      expect(closed).toMatchObject({ to: 'CLOSED' });
      expect(closed.at - finDeliveries.at(-1)!.at).toBe(2 * sim.policies.mslSeconds * 1_000_000);
      expect(appEvents(sim.trace, 'server')).not.toContain('ECONNRESET');
    });

    it('with TIME_WAIT off the client answers the retransmitted FIN with RST and the server sees the reset', () => {
      const sim = run('lost-final-ack', { timeWait: 'off' });
      const rst = sends(sim.trace, 'client').find((e) => e.seg.flags.includes('RST'));
      expect(rst).toBeDefined();
      expect(appEvents(sim.trace, 'server')).toContain('ECONNRESET');
    });

    it('a BSD MSL of 30 s gives TIME_WAIT of 60 s, RFC 1122 gives 240 s, Linux a fixed 60 s', () => {
      const twLength = (p: Partial<Policies>) => {
        const sim = run('normal-close', p);
        const start = sim.trace.find((e) => e.kind === 'timer' && e.timer === '2MSL' && e.action === 'start')!;
        return start.kind === 'timer' ? (start.expires - start.at) / 1e6 : NaN;
      };
      expect(twLength({ mslSeconds: 30 })).toBe(60);
      expect(twLength({ mslSeconds: 120 })).toBe(240);
      expect(twLength({ mslSeconds: 5, timeWaitFixedSeconds: 60 })).toBe(60);
    });
  });

  it('simultaneous-close: both ends pass through CLOSING and both wait in TIME_WAIT', () => {
    const sim = run('simultaneous-close');
    for (const host of ['client', 'server']) {
      expect(states(sim.trace, host)).toEqual(expect.arrayContaining(['FIN_WAIT_1', 'CLOSING', 'TIME_WAIT', 'CLOSED']));
    }
  });

  it('abort-rst: one RST, no FIN, no TIME_WAIT, and the server application sees ECONNRESET', () => {
    const sim = run('abort-rst');
    expect(sends(sim.trace, 'client').filter((e) => e.seg.flags.includes('FIN'))).toEqual([]);
    expect(states(sim.trace, 'client')).not.toContain('TIME_WAIT');
    expect(appEvents(sim.trace, 'server')).toContain('ECONNRESET');
  });

  describe('wandering-duplicate', () => {
    it('with TIME_WAIT the new incarnation waits, and the old segment finds no connection', () => {
      const sim = run('wandering-duplicate');
      expect(countMatches(sim.trace, { kind: 'alert', alert: 'old-duplicate-accepted' })).toBe(0);
      expect(appEvents(sim.trace, 'client')).toContain('EADDRINUSE');
      const data = sim.trace.flatMap((e) => (e.kind === 'app' && e.host === 'server' && e.event === 'data' ? [e] : []));
      expect(data.map((e) => [e.conn?.incarnation, e.data])).toEqual([
        [1, 'PASS secret\r\n'],
        [2, 'USER bob\r\n'],
      ]);
    });

    it('with TIME_WAIT off the old segment is accepted by the new incarnation and corrupts it', () => {
      const sim = run('wandering-duplicate', { timeWait: 'off' });
      const alert = sim.trace.find((e) => e.kind === 'alert');
      expect(alert).toMatchObject({ alert: 'old-duplicate-accepted', bornIn: 1, acceptedBy: 2 });
      const data = sim.trace.flatMap((e) => (e.kind === 'app' && e.host === 'server' && e.event === 'data' ? [e] : []));
      expect(data.map((e) => [e.conn?.incarnation, e.data])).toContainEqual([2, 'PASS secret\r\n']);
    });
  });

  it('new-incarnation: EADDRINUSE while in TIME_WAIT; reuse allowed opens incarnation 2', () => {
    expect(appEvents(run('new-incarnation').trace, 'client')).toContain('EADDRINUSE');
    const reused = run('new-incarnation', { reuseTimeWait: 'allow' });
    expect(reused.trace.some((e) => e.kind === 'state' && e.to === 'ESTABLISHED' && e.conn.incarnation === 2)).toBe(true);
  });

  it('berkeley-exception: the server accepts the greater SYN at once, and refuses it with the rule off', () => {
    const on = run('berkeley-exception');
    const reopen = on.trace.find((e) => e.kind === 'state' && e.host === 'server' && e.from === 'TIME_WAIT');
    expect(reopen).toMatchObject({ to: 'CLOSED' });
    expect(reopen?.kind === 'state' && reopen.cause).toMatch(/Berkeley/);
    const off = run('berkeley-exception', { berkeleySynInTimeWait: false });
    const refusal = off.trace.find((e) => e.kind === 'send' && e.host === 'server' && e.seg.flags.join() === 'ACK' && e.at > 3e6);
    expect(refusal, 'the refused SYN is answered with an ACK').toBeDefined();
    const firstSyn2 = off.trace.find((e) => e.kind === 'deliver' && e.host === 'server' && e.seg.flags.join() === 'SYN' && e.seg.incarnation === 2)!;
    const accepted = off.trace.find((e) => e.kind === 'state' && e.host === 'server' && e.to === 'SYN_RECEIVED' && e.conn.incarnation === 2)!;
    expect(accepted.at).toBeGreaterThan(firstSyn2.at);
  });
});
