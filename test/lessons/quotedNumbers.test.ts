/**
 * The lessons quote concrete numbers from the simulator (sequence numbers, times). Lint checks
 * conditions, not prose, so this test pins the quoted numbers: if a scenario changes, it fails
 * and names the lesson whose text must be updated.
 */
import { describe, expect, it } from 'vitest';
import { getScenario, Simulation, type TraceEvent } from '../../src/sim/index.js';
import { POLICY_PRESETS } from '../../src/sim/policy.js';
import type { Perturbation } from '../../src/sim/scenario.js';

function play(name: string, policies: object = {}, perturbations: Perturbation[] = [], until = 400): readonly TraceEvent[] {
  const sim = Simulation.create(getScenario(name)!, { seed: 1, policies: { ...POLICY_PRESETS.bsd, ...policies }, perturbations });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: until });
  return sim.trace;
}
const t = (e: TraceEvent | undefined): number | undefined => (e ? e.at / 1e6 : undefined);
const sent = (tr: readonly TraceEvent[], from: string, flags: string) =>
  tr.filter((e): e is Extract<TraceEvent, { kind: 'send' }> => e.kind === 'send' && e.seg.from === from && e.seg.flags.join(',') === flags);
const state = (tr: readonly TraceEvent[], host: string, to: string) => tr.find((e) => e.kind === 'state' && e.host === host && e.to === to);

describe('numbers quoted by the lessons', () => {
  it('01-the-close, 02-msl, 03-lost-final-ack: the normal close', () => {
    const tr = play('normal-close');
    expect(sent(tr, 'client', 'FIN,ACK')[0]!.seg).toMatchObject({ seq: 1013, ack: 5024 });
    expect(t(sent(tr, 'client', 'FIN,ACK')[0])).toBe(0.55);
    expect(sent(tr, 'server', 'ACK').at(-1)!.seg).toMatchObject({ seq: 5024, ack: 1014 });
    expect(sent(tr, 'server', 'FIN,ACK')[0]!.seg).toMatchObject({ seq: 5024 });
    expect(t(sent(tr, 'server', 'FIN,ACK')[0])).toBe(0.8);
    expect(sent(tr, 'client', 'ACK').at(-1)!.seg).toMatchObject({ seq: 1014, ack: 5025 });
    expect(t(state(tr, 'client', 'FIN_WAIT_2'))).toBe(0.65);
    expect(t(state(tr, 'client', 'TIME_WAIT'))).toBe(0.85);
    expect(t(state(tr, 'server', 'CLOSED'))).toBe(0.9);
    expect(t(state(tr, 'client', 'CLOSED'))).toBe(60.85);
    expect(t(state(tr, 'client', 'CLOSED'))).toBe(60.85);
    expect(t(state(play('normal-close', POLICY_PRESETS.rfc1122), 'client', 'CLOSED'))).toBe(240.85);
    expect(t(state(play('normal-close', { ...POLICY_PRESETS.linux, mslSeconds: 120 }), 'client', 'CLOSED'))).toBe(60.85);
  });

  it('03-lost-final-ack, 07-review: the lost final ACK', () => {
    const tr = play('lost-final-ack');
    const retx = sent(tr, 'server', 'FIN,ACK')[1]!;
    expect(t(retx)).toBe(1.8);
    expect(tr.find((e) => e.kind === 'timer' && e.action === 'restart')).toMatchObject({ at: 1_850_000, expires: 61_850_000 });
    expect(t(state(tr, 'client', 'CLOSED'))).toBe(61.85);
    const off = play('normal-close', { timeWait: 'off' }, [{ kind: 'drop', match: { from: 'client', flags: ['ACK'], exact: true, nth: 3 } }]);
    const rst = sent(off, 'client', 'RST')[0]!;
    expect(rst.seg.seq).toBe(1014);
    expect(t(rst)).toBe(1.85);
    expect(t(off.find((e) => e.kind === 'app' && e.host === 'server' && e.event === 'ECONNRESET'))).toBe(1.9);
  });

  it('04-wandering-duplicates: the looping login', () => {
    const on = play('wandering-duplicate', {}, [], 130);
    expect(t(state(on, 'client', 'TIME_WAIT'))).toBe(1.65);
    expect(t(on.find((e) => e.kind === 'app' && e.event === 'EADDRINUSE'))).toBe(3);
    expect(t(on.filter((e) => e.kind === 'app' && e.host === 'client' && e.event === 'connected')[1])).toBe(63.1);
    const off = play('wandering-duplicate', { timeWait: 'off' }, [], 200);
    const alert = off.find((e) => e.kind === 'alert');
    expect(t(alert)).toBe(6.25);
    expect(alert?.kind === 'alert' && alert.seg).toMatchObject({ seq: 1001, len: 13, data: 'PASS secret\r\n', ttl: 32 });
    expect(t(off.find((e) => e.kind === 'app' && e.event === 'ETIMEDOUT'))).toBeCloseTo(131.1, 5);
  });

  it('05-the-exception: rsh and the Berkeley rule', () => {
    const tr = play('berkeley-exception');
    expect(t(state(tr, 'server', 'TIME_WAIT'))).toBe(0.55);
    expect(sent(tr, 'client', 'SYN')[1]!.seg.seq).toBe(101000);
    expect(t(tr.filter((e) => e.kind === 'app' && e.host === 'server' && e.event === 'connected')[1])).toBe(3.15);
    // Reopened by the Berkeley rule: the server's ISN is the old SND.NXT (5026) + 65537.
    expect(sent(tr, 'server', 'SYN,ACK')[1]!.seg.seq).toBe(5026 + 65537);
    expect(sent(tr, 'server', 'SYN,ACK')[1]!.seg.seq).toBe(70563);
    const off = play('berkeley-exception', { berkeleySynInTimeWait: false });
    expect(sent(off, 'server', 'ACK').find((e) => e.at === 3_050_000)!.seg).toMatchObject({ seq: 5026, ack: 1007 });
    expect(t(off.filter((e) => e.kind === 'app' && e.host === 'server' && e.event === 'connected')[1])).toBe(4.15);
    // Without the rule the server picks a fresh ISN, 100,000 above its first one.
    expect(sent(off, 'server', 'SYN,ACK')[1]!.seg.seq).toBe(105000);
  });

  it('06-in-practice: simultaneous close, abort, reuse', () => {
    const sim = play('simultaneous-close');
    expect(t(state(sim, 'server', 'TIME_WAIT'))).toBe(1.1);
    expect(t(state(sim, 'server', 'CLOSED'))).toBe(61.1);
    const abort = play('abort-rst');
    expect(sent(abort, 'client', 'RST')[0]!.seg.seq).toBe(1013);
    expect(t(abort.find((e) => e.kind === 'app' && e.event === 'ECONNRESET'))).toBe(0.6);
  });
});
