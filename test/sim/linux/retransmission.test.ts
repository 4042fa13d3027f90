/**
 * Linux's retransmission timing under the `linux` preset: RFC 6298's estimator with the 200 ms
 * floor (tcp_rtt_estimator, __tcp_set_rto), the tail-loss probe (tcp_schedule_loss_probe) and
 * the exponential back-off (tcp_retransmit_timer). The `rfc1122` preset keeps 1, 2, 4, ... s.
 */
import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS, Simulation, getScenario, type Policies, type ScenarioSpec, type TraceEvent } from '../../../src/sim/index.js';

/** lost-final-ack with every final ACK lost, so the server keeps resending its FIN. */
function allFinalAcksLost(network?: ScenarioSpec['network']): ScenarioSpec {
  const base = getScenario('lost-final-ack')!;
  const spec: ScenarioSpec = {
    ...base,
    perturbations: [{ kind: 'drop', match: { from: 'client', flags: ['ACK'], exact: true, senderState: ['TIME_WAIT', 'CLOSED'], every: true } }],
  };
  if (network) spec.network = network;
  return spec;
}

function finResends(spec: ScenarioSpec, policies: Partial<Policies>): number[] {
  const sim = Simulation.create(spec, { policies });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: 200 });
  const fins = sim.trace.filter((e): e is Extract<TraceEvent, { kind: 'send' }> => e.kind === 'send' && e.host === 'server' && e.seg.flags.includes('FIN'));
  const first = fins[0]!.at;
  return fins.slice(1).map((e) => Math.round((e.at - first) / 1000) / 1000);
}

describe('retransmission timing (linux preset)', () => {
  it('on a loopback-like path the FIN is resent at about +0.21, 0.42, 0.83, 1.67, 3.33, 6.79 s, as the kernel does', () => {
    const loopback = { linkDelays: [0.00005, 0.00005, 0.00005] as [number, number, number] };
    const got = finResends(allFinalAcksLost(loopback), POLICY_PRESETS.linux);
    const kernel = [0.21, 0.42, 0.83, 1.67, 3.33, 6.79];
    expect(got.length).toBeGreaterThanOrEqual(kernel.length);
    kernel.forEach((k, i) => expect(Math.abs(got[i]! - k) / k, `resend ${i + 1}: ${got[i]} vs ${k}`).toBeLessThan(0.1));
  });

  it('on the default path (RTT 100 ms) the RTO is SRTT + 200 ms and the first resend is the tail-loss probe', () => {
    const got = finResends(allFinalAcksLost(), POLICY_PRESETS.linux);
    expect(got.slice(0, 4)).toEqual([0.3, 0.6, 1.2, 2.4]);
  });

  it('rfc1122 keeps 1 s doubling: +1, 3, 7, 15, 31, 63 s', () => {
    expect(finResends(allFinalAcksLost(), POLICY_PRESETS.rfc1122)).toEqual([1, 3, 7, 15, 31, 63]);
  });

  it('RFC 6298 alone (no probe) floors the RTO at 1 s', () => {
    expect(finResends(allFinalAcksLost(), { rtoEstimator: 'rfc6298' }).slice(0, 3)).toEqual([1, 3, 7]);
  });

  it('the tail-loss probe does not count toward the give-up limit', () => {
    const got = finResends(allFinalAcksLost(), POLICY_PRESETS.linux);
    expect(got.length).toBe(1 + (POLICY_PRESETS.linux.maxRetransmissions ?? 6));
  });
});
