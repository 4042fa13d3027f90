/**
 * The Linux column of shared/reference/tcp-rules.md at scenario level: the same built-in
 * scenario under the `rfc1122` preset and the `linux` preset, with the states, the segments sent
 * (flags and seq/ack relations), the timers and what the applications see.
 */
import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS, Simulation, countMatches, getScenario, type PolicyPresetName, type TraceEvent } from '../../../src/sim/index.js';

type Ev<K extends TraceEvent['kind']> = Extract<TraceEvent, { kind: K }>;

function run(name: string, preset: PolicyPresetName, policies = {}): readonly TraceEvent[] {
  const spec = getScenario(name)!;
  const sim = Simulation.create(spec, { policies: { ...POLICY_PRESETS[preset], ...policies } });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: spec.until ?? 300 });
  return sim.trace;
}
const states = (t: readonly TraceEvent[], host: string) => t.flatMap((e) => (e.kind === 'state' && e.host === host ? [e.to] : []));
const apps = (t: readonly TraceEvent[], host: string) => t.flatMap((e) => (e.kind === 'app' && e.host === host ? [e.event] : []));
const sends = (t: readonly TraceEvent[], host: string) => t.filter((e): e is Ev<'send'> => e.kind === 'send' && e.host === host);

describe('orphaned FIN_WAIT_2 (tcp_fin_timeout)', () => {
  it('linux: the client leaves FIN_WAIT_2 for CLOSED 60 s after entering it, sending nothing', () => {
    const t = run('orphan-fin-wait-2', 'linux');
    expect(states(t, 'client')).toEqual(['SYN_SENT', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSED']);
    const fw2 = t.find((e) => e.kind === 'state' && e.host === 'client' && e.to === 'FIN_WAIT_2')!;
    const closed = t.findLast((e) => e.kind === 'state' && e.host === 'client')!;
    expect(closed.at - fw2.at).toBe(60_000_000);
    expect(countMatches(t, { kind: 'timer', host: 'client', timer: 'FIN_WAIT_2', action: 'expire' })).toBe(1);
    expect(sends(t, 'client').filter((e) => e.at > fw2.at)).toEqual([]);
    expect(states(t, 'server').at(-1)).toBe('CLOSE_WAIT');
  });
  it('rfc1122: FIN_WAIT_2 waits for ever', () => {
    const t = run('orphan-fin-wait-2', 'rfc1122');
    expect(states(t, 'client').at(-1)).toBe('FIN_WAIT_2');
  });
  it('after shutdown(SHUT_WR) Linux does not time FIN_WAIT_2 out (the socket is not orphaned)', () => {
    const spec = getScenario('orphan-fin-wait-2')!;
    const shut = { ...spec, script: spec.script.map((a) => (a.call === 'close' ? { ...a, call: 'shutdown' as const } : a)) };
    const sim = Simulation.create(shut, { policies: POLICY_PRESETS.linux });
    sim.runUntil({ kind: 'quiet' }, { untilSeconds: 120 });
    expect(states(sim.trace, 'client').at(-1)).toBe('FIN_WAIT_2');
  });
});

describe('data after close() vs shutdown()', () => {
  it('linux, close(): the data gets RST <SEQ=SEG.ACK>, the client goes to CLOSED without TIME_WAIT, the server sees ECONNRESET', () => {
    const t = run('data-after-close', 'linux');
    expect(states(t, 'client')).toEqual(['SYN_SENT', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSED']);
    const data = t.findLast((e): e is Ev<'deliver'> => e.kind === 'deliver' && e.host === 'client' && e.seg.len > 0)!;
    const rst = sends(t, 'client').find((e) => e.seg.flags.includes('RST'))!;
    expect(rst.seg.flags).toEqual(['RST']);
    expect(rst.seg.seq).toBe(data.seg.ack);
    expect(apps(t, 'client')).not.toContain('eof');
    expect(apps(t, 'client').filter((e) => e === 'data')).toHaveLength(1); // the reply, not the line after close()
    expect(apps(t, 'server')).toContain('ECONNRESET');
    // The server's next send() after the reset: EPIPE.
    expect(apps(t, 'server').slice(apps(t, 'server').indexOf('ECONNRESET'))).toEqual(['ECONNRESET', 'EPIPE']);
    expect(countMatches(t, { kind: 'state', state: 'TIME_WAIT' })).toBe(0);
  });
  it('rfc1122, close(): the data is delivered and the close ends in TIME_WAIT', () => {
    const t = run('data-after-close', 'rfc1122');
    expect(states(t, 'client')).toContain('TIME_WAIT');
    expect(apps(t, 'client').filter((e) => e === 'data')).toHaveLength(3);
    expect(apps(t, 'server')).not.toContain('EPIPE');
  });
  it.each(['linux', 'rfc1122'] as const)('%s, shutdown(SHUT_WR): the data is delivered and ACKed, then TIME_WAIT', (preset) => {
    const t = run('half-close', preset);
    expect(states(t, 'client').slice(0, 5)).toEqual(['SYN_SENT', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT']);
    expect(apps(t, 'client').filter((e) => e === 'data')).toHaveLength(3);
    expect(sends(t, 'client').some((e) => e.seg.flags.includes('RST'))).toBe(false);
  });
});

describe('SYN_SENT meets a TIME_WAIT that refuses its SYN', () => {
  it('linux: RST <SEQ=SEG.ACK> to the stray ACK, then the SYN again about 10 ms later (TCP_TIMEOUT_MIN), which is accepted', () => {
    const t = run('berkeley-exception', 'linux', { berkeleySynInTimeWait: false });
    const second = t.find((e) => e.kind === 'state' && e.host === 'client' && e.to === 'SYN_SENT' && e.at > 2_000_000)!;
    const mine = sends(t, 'client').filter((e) => e.at >= second.at);
    expect(mine.slice(0, 3).map((e) => e.seg.flags.join(','))).toEqual(['SYN', 'RST', 'SYN']);
    expect(mine[2]!.at - mine[1]!.at).toBe(10_000);
    const strayAck = t.find((e): e is Ev<'deliver'> => e.kind === 'deliver' && e.host === 'client' && e.at > second.at)!;
    expect(mine[1]!.seg.seq).toBe(strayAck.seg.ack);
    // The RST at exactly RCV.NXT ends the server's TIME_WAIT, so the resent SYN opens incarnation 2.
    expect(states(t, 'server')).toContain('SYN_RECEIVED');
    expect(apps(t, 'client').filter((e) => e === 'connected')).toHaveLength(2);
  });
  it('rfc1122: the SYN waits for its retransmission timer (1 s)', () => {
    const t = run('berkeley-exception', 'rfc1122');
    const second = t.find((e) => e.kind === 'state' && e.host === 'client' && e.to === 'SYN_SENT' && e.at > 2_000_000)!;
    const syns = sends(t, 'client').filter((e) => e.at >= second.at && e.seg.flags.join() === 'SYN');
    expect(syns[1]!.at - syns[0]!.at).toBe(1_000_000);
  });
});

describe('TIME_WAIT under the linux preset (tcp_timewait_state_process)', () => {
  it('a retransmitted FIN is ACKed and restarts the 60 s timer', () => {
    const t = run('lost-final-ack', 'linux');
    expect(countMatches(t, { kind: 'timer', host: 'client', timer: '2MSL', action: 'restart' })).toBe(1);
    const restart = t.find((e) => e.kind === 'timer' && e.action === 'restart' && e.timer === '2MSL')!;
    const closed = t.findLast((e) => e.kind === 'state' && e.host === 'client')!;
    expect(closed.at - restart.at).toBe(60_000_000);
  });
});

describe('delayed ACK and the three-segment close', () => {
  const closeSegments = (t: readonly TraceEvent[]) => {
    const firstFin = t.findIndex((e) => e.kind === 'send' && e.seg.flags.includes('FIN'));
    return t.slice(firstFin).flatMap((e) => (e.kind === 'send' ? [`${e.host} ${e.seg.flags.join(',')}`] : []));
  };
  it('linux: the ACK of the client FIN waits and rides on the server FIN: FIN, FIN, ACK', () => {
    const t = run('three-segment-close', 'linux');
    expect(closeSegments(t)).toEqual(['client FIN,ACK', 'server FIN,ACK', 'client ACK']);
    expect(countMatches(t, { kind: 'timer', host: 'server', timer: 'DELACK', action: 'cancel' })).toBe(1);
    expect(states(t, 'client')).toEqual(['SYN_SENT', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT', 'CLOSED']);
  });
  it('rfc1122: four segments', () => {
    expect(closeSegments(run('three-segment-close', 'rfc1122'))).toEqual(['client FIN,ACK', 'server ACK', 'server FIN,ACK', 'client ACK']);
  });
  it('linux, when the application is slower than 40 ms: the delayed ACK goes alone (four segments)', () => {
    const t = run('normal-close', 'linux');
    expect(closeSegments(t)).toEqual(['client FIN,ACK', 'server ACK', 'server FIN,ACK', 'client ACK']);
    const fin = t.find((e) => e.kind === 'deliver' && e.host === 'server' && e.seg.flags.includes('FIN'))!;
    const ack = t.find((e) => e.kind === 'send' && e.host === 'server' && e.seg.flags.join() === 'ACK' && e.at >= fin.at)!;
    expect(ack.at - fin.at).toBe(40_000);
  });
});

describe('close() with unread data (tcp_close, data_was_unread)', () => {
  it('linux: RST,ACK at SND.NXT/RCV.NXT instead of a FIN, CLOSED at once, the server sees ECONNRESET', () => {
    const t = run('unread-close', 'linux');
    expect(states(t, 'client')).toEqual(['SYN_SENT', 'ESTABLISHED', 'CLOSED']);
    const reply = t.findLast((e): e is Ev<'deliver'> => e.kind === 'deliver' && e.host === 'client' && e.seg.len > 0)!;
    const mine = sends(t, 'client');
    const rst = mine.find((e) => e.seg.flags.includes('RST'))!;
    expect(rst.seg.flags).toEqual(['RST', 'ACK']);
    // SEQ = SND.NXT (the client's next byte) and ACK = RCV.NXT (just past the unread reply).
    expect(rst.seg.ack).toBe(reply.seg.seq + reply.seg.len);
    expect(rst.seg.seq).toBe(reply.seg.ack);
    expect(mine.some((e) => e.seg.flags.includes('FIN'))).toBe(false);
    expect(apps(t, 'server')).toContain('ECONNRESET');
    expect(states(t, 'server').at(-1)).toBe('CLOSED');
    expect(countMatches(t, { kind: 'state', state: 'TIME_WAIT' })).toBe(0);
    // No timer of the client runs on after the reset.
    const closedAt = t.find((e) => e.kind === 'state' && e.host === 'client' && e.to === 'CLOSED')!.at;
    expect(t.filter((e) => e.kind === 'timer' && e.host === 'client' && e.at > closedAt && e.action !== 'cancel')).toEqual([]);
  });

  it('rfc1122: the same close() sends a FIN and the client ends in TIME_WAIT', () => {
    const t = run('unread-close', 'rfc1122');
    expect(states(t, 'client')).toEqual(['SYN_SENT', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT']);
    expect(sends(t, 'client').some((e) => e.seg.flags.includes('RST'))).toBe(false);
  });

  it('linux: once the application has read the reply, close() is the usual FIN and TIME_WAIT', () => {
    const spec = getScenario('unread-close')!;
    const reads = { ...spec, script: [...spec.script, { host: 'client' as const, call: 'read' as const, when: { host: 'client' as const, event: 'data' as const }, after: 0.1 }] };
    const sim = Simulation.create(reads, { policies: POLICY_PRESETS.linux });
    sim.runUntil({ kind: 'quiet' }, { untilSeconds: 120 });
    expect(states(sim.trace, 'client')).toContain('TIME_WAIT');
    expect(sends(sim.trace, 'client').some((e) => e.seg.flags.includes('RST'))).toBe(false);
  });

  it('linux: shutdown(SHUT_WR) with unread data still sends a FIN (the application may read later)', () => {
    const spec = getScenario('unread-close')!;
    const shut = { ...spec, script: spec.script.map((a) => (a.host === 'client' && a.call === 'close' ? { ...a, call: 'shutdown' as const } : a)) };
    const sim = Simulation.create(shut, { policies: POLICY_PRESETS.linux });
    sim.runUntil({ kind: 'quiet' }, { untilSeconds: 120 });
    expect(sends(sim.trace, 'client').some((e) => e.seg.flags.includes('FIN'))).toBe(true);
    expect(sends(sim.trace, 'client').some((e) => e.seg.flags.includes('RST'))).toBe(false);
  });

  it('a scenario file can say when its application reads, and read', async () => {
    const { parseScenario } = await import('../../../src/lessons/scenarioFile.js');
    const yaml = [
      'name: my-unread',
      'title: Unread',
      'description: The client never reads.',
      'appReads: { client: when-asked }',
      'script:',
      '  - { host: server, call: listen, at: 0 }',
      '  - { host: client, call: connect, at: 0.1, port: 1500 }',
      '  - { host: client, call: read, at: 0.3 }',
    ].join('\n');
    const r = parseScenario(yaml, 'my-unread.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.spec?.appReads).toEqual({ client: 'when-asked' });
  });
});
