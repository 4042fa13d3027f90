/**
 * Re-using a 4-tuple still in TIME_WAIT under the `linux` preset (tcp_twsk_unique,
 * __inet_check_established, inet_hash_connect), and timestamps (RFC 7323, RFC 6191).
 */
import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS, Simulation, getScenario, type Policies, type ScenarioSpec, type TraceEvent } from '../../../src/sim/index.js';

type Ev<K extends TraceEvent['kind']> = Extract<TraceEvent, { kind: K }>;

function run(spec: ScenarioSpec, policies: Partial<Policies>, until = spec.until ?? 300): readonly TraceEvent[] {
  const sim = Simulation.create(spec, { policies: { ...POLICY_PRESETS.linux, ...policies } });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: until });
  return sim.trace;
}
const apps = (t: readonly TraceEvent[], host: string) => t.filter((e): e is Ev<'app'> => e.kind === 'app' && e.host === host);
const syns = (t: readonly TraceEvent[], host: string) =>
  t.filter((e): e is Ev<'send'> => e.kind === 'send' && e.host === host && e.seg.flags.join() === 'SYN' && e.seg.retransmitOf === undefined);

describe('connect() onto our own TIME_WAIT pair from an explicit port', () => {
  const spec = getScenario('new-incarnation')!;
  it('without SO_REUSEADDR: EADDRINUSE', () => {
    const t = run(spec, {});
    expect(apps(t, 'client').map((e) => e.event)).toContain('EADDRINUSE');
  });
  it('with SO_REUSEADDR and timestamps: connects at once, ISS = old SND.NXT + 65537, and the old TIME_WAIT is gone', () => {
    const t = run(spec, { reuseTimeWait: 'allow' });
    const [first, second] = syns(t, 'client');
    const oldFin = t.find((e): e is Ev<'send'> => e.kind === 'send' && e.host === 'client' && e.seg.flags.includes('FIN'))!;
    const oldSndNxt = oldFin.seg.seq + 1;
    expect(second!.seg.seq).toBe(oldSndNxt + 65537);
    expect(first!.seg.tsval).toBeDefined();
    expect(second!.seg.tsecr).toBeGreaterThan(0); // TS.Recent carried over from the old connection
    const gone = t.find((e) => e.kind === 'state' && e.host === 'client' && e.from === 'TIME_WAIT')!;
    expect(gone).toMatchObject({ to: 'CLOSED' });
    expect(gone.at).toBe(second!.at);
    expect(apps(t, 'client').filter((e) => e.event === 'connected')).toHaveLength(2);
  });
  it('with SO_REUSEADDR but no timestamps: EADDRNOTAVAIL, and TIME_WAIT runs its 60 s', () => {
    const t = run(spec, { reuseTimeWait: 'allow', timestamps: false });
    expect(apps(t, 'client').map((e) => e.event)).toContain('EADDRNOTAVAIL');
    expect(syns(t, 'client')).toHaveLength(1);
  });
  it('the rfc1122 preset keeps RFC 1122: EADDRINUSE while in TIME_WAIT', () => {
    const sim = Simulation.create(spec, { policies: POLICY_PRESETS.rfc1122 });
    sim.runUntil({ kind: 'quiet' }, { untilSeconds: 300 });
    expect(apps(sim.trace, 'client').map((e) => e.event)).toContain('EADDRINUSE');
  });
});

describe('ephemeral ports and tcp_tw_reuse', () => {
  // churn, paced: a new connection 0.5 s after each reply; three ports make the range run out fast.
  const base = getScenario('churn')!;
  const churn: ScenarioSpec = {
    ...base,
    until: 20,
    script: base.script.map((a) => (a.call === 'connect' && a.when ? { ...a, after: 0.5 } : a)),
  };
  const small = { ephemeralFirst: 50000, ephemeralLast: 50002 };

  it('tcp_tw_reuse=0: three ports in TIME_WAIT exhaust the range, and connect() fails with EADDRNOTAVAIL', () => {
    const t = run(churn, { ...small, tcpTwReuse: 0 });
    expect(syns(t, 'client').map((e) => Number(e.seg.src.split(':')[1]))).toEqual([50000, 50001, 50002]);
    const fail = apps(t, 'client').find((e) => e.event === 'EADDRNOTAVAIL')!;
    expect(fail.detail).toMatch(/ephemeral/);
  });

  it('tcp_tw_reuse=2 (the default) reuses only for loopback peers: the same exhaustion here', () => {
    const t = run(churn, { ...small, tcpTwReuse: 2 });
    expect(apps(t, 'client').map((e) => e.event)).toContain('EADDRNOTAVAIL');
  });

  it('tcp_tw_reuse=1: a port in TIME_WAIT is taken again once its last timestamp is 1 s old, 65537 past the old SND.NXT', () => {
    const t = run(churn, { ...small, tcpTwReuse: 1 });
    const s = syns(t, 'client');
    expect(s.length).toBeGreaterThan(6);
    const ports = s.map((e) => Number(e.seg.src.split(':')[1]));
    expect(new Set(ports)).toEqual(new Set([50000, 50001, 50002]));
    // Every take-over happens at least 1 s after that pair's last timestamp arrived.
    const takeovers = t.filter((e) => e.kind === 'state' && e.host === 'client' && e.from === 'TIME_WAIT' && e.to === 'CLOSED');
    expect(takeovers.length).toBeGreaterThan(3);
    for (const tk of takeovers) {
      if (tk.kind !== 'state') continue;
      const lastIn = t.findLast((e): e is Ev<'deliver'> => e.kind === 'deliver' && e.host === 'client' && e.at <= tk.at && e.seg.dst === tk.conn!.local)!;
      expect(tk.at - lastIn.at).toBeGreaterThanOrEqual(1_000_000);
    }
    // The second use of port 50000 starts 65537 past the first one's last sequence number.
    const uses = s.filter((e) => e.seg.src.endsWith(':50000'));
    const firstFin = t.find((e): e is Ev<'send'> => e.kind === 'send' && e.host === 'client' && e.seg.src.endsWith(':50000') && e.seg.flags.includes('FIN'))!;
    expect(uses[1]!.seg.seq).toBe(firstFin.seg.seq + 1 + 65537);
  });

  it('without timestamps tcp_tw_reuse=1 cannot reuse: exhaustion again', () => {
    const t = run(churn, { ...small, tcpTwReuse: 1, timestamps: false });
    expect(apps(t, 'client').map((e) => e.event)).toContain('EADDRNOTAVAIL');
  });
});

describe('timestamps (RFC 7323) and TIME_WAIT', () => {
  it('PAWS: the wandering duplicate from the old incarnation is refused by the reused pair', () => {
    const spec = getScenario('wandering-duplicate')!;
    const withTs = run(spec, { reuseTimeWait: 'allow' }, 30);
    expect(withTs.some((e) => e.kind === 'alert')).toBe(false);
    const naive = run(spec, { reuseTimeWait: 'allow', timestamps: false, reuseCheck: 'plain' }, 30);
    expect(naive.some((e) => e.kind === 'alert' && e.alert === 'old-duplicate-accepted')).toBe(true);
  });

  it('RFC 6191: a SYN with a LOWER sequence number but a newer timestamp reopens the server TIME_WAIT', () => {
    const base = getScenario('berkeley-exception')!;
    const lower: ScenarioSpec = { ...base, isn: { rule: 'fixed', client: 900_000, server: 5000, step: -800_000 } };
    const t = run(lower, {});
    const reopened = t.find((e) => e.kind === 'state' && e.host === 'server' && e.from === 'TIME_WAIT')!;
    expect(reopened).toMatchObject({ to: 'CLOSED' });
    expect(reopened.kind === 'state' && reopened.cause).toMatch(/newer timestamp/);
    const [, second] = syns(t, 'client');
    const rcvNxt = t.find((e): e is Ev<'send'> => e.kind === 'send' && e.host === 'server' && e.seg.flags.join() === 'ACK' && e.at > 0.5e6)!;
    expect(second!.seg.seq).toBeLessThan(rcvNxt.seg.ack);
    // The server answers with SYN,ACK at once: no ACK, no RST, no retry.
    expect(t.filter((e) => e.kind === 'send' && e.host === 'client' && e.seg.flags.includes('RST'))).toEqual([]);
  });

  it('the same lower SYN without timestamps is refused with an ACK (and, on Linux, the client resets and retries)', () => {
    const base = getScenario('berkeley-exception')!;
    const lower: ScenarioSpec = { ...base, isn: { rule: 'fixed', client: 900_000, server: 5000, step: -800_000 } };
    const t = run(lower, { timestamps: false });
    expect(t.some((e) => e.kind === 'send' && e.host === 'client' && e.seg.flags.join() === 'RST')).toBe(true);
  });

  it('every segment of a linux connection carries TSval and TSecr; with timestamps off none does', () => {
    const on = run(getScenario('normal-close')!, {});
    const sent = on.filter((e): e is Ev<'send'> => e.kind === 'send');
    expect(sent.every((e) => e.seg.tsval !== undefined)).toBe(true);
    expect(sent[0]!.seg.tsecr).toBe(0);
    expect(sent[1]!.seg.tsecr).toBe(sent[0]!.seg.tsval);
    const off = run(getScenario('normal-close')!, { timestamps: false });
    expect(off.some((e) => e.kind === 'send' && e.seg.tsval !== undefined)).toBe(false);
  });
});
