import { describe, expect, it } from 'vitest';
import { JSON_KINDS, toJsonLines } from '../../src/export/jsonLines.js';
import { lostFinalAckTrace, loopingTrace } from './fixtures.js';

const parse = (text: string) => text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('JSON lines (the headless contract of shared/DESIGN.md)', () => {
  const trace = lostFinalAckTrace();
  const lines = parse(toJsonLines(trace));

  it('has one object per line for every event except internal router hops, in time order', () => {
    expect(lines).toHaveLength(trace.filter((e) => e.kind !== 'hop').length);
    expect(lines.every((l) => (JSON_KINDS as readonly string[]).includes(l.kind as string))).toBe(true);
    const ts = lines.map((l) => l.t as number);
    expect([...ts].sort((a, b) => a - b)).toEqual(ts);
  });

  it('starts every object with t (seconds, a number), kind and host, in that order', () => {
    for (const l of lines) expect(Object.keys(l).slice(0, 3)).toEqual(['t', 'kind', 'host']);
    const expiry = lines.find((l) => l.kind === 'state' && l.to === 'CLOSED' && l.host === 'client')!;
    expect(expiry.t).toBe(242.1);
  });

  it('writes segments with the contract fields, flags in SYN FIN RST PSH ACK order', () => {
    const send = lines.find((l) => l.kind === 'send' && (l.seg as { flags: string[] }).flags.includes('FIN'))!;
    expect(send.host).toBe('client');
    expect(Object.keys(send.seg as object).slice(0, 9)).toEqual(['id', 'src', 'dst', 'flags', 'seq', 'ack', 'len', 'ttl', 'incarnation']);
    expect(send.seg).toMatchObject({ src: '12.106.32.254:1500', dst: '206.168.112.219:21', flags: ['FIN', 'ACK'], seq: 1012, ack: 5001, len: 0, ttl: 64, incarnation: 1 });
    const resent = lines.find((l) => l.kind === 'send' && (l.seg as { retransmitOf?: number }).retransmitOf !== undefined)!;
    expect((resent.seg as { born: number }).born).toBe(1.05);
  });

  it('gives a drop its reason, a state change from/to, a timer its action and expiry in seconds', () => {
    const drop = lines.find((l) => l.kind === 'drop')!;
    expect(drop).toMatchObject({ host: 'r1', reason: 'perturbation', seg: { flags: ['ACK'], seq: 1013, ack: 5002 } });
    expect(lines.find((l) => l.kind === 'state' && l.to === 'TIME_WAIT')).toMatchObject({ host: 'client', from: 'FIN_WAIT_2' });
    expect(lines.find((l) => l.kind === 'timer' && l.timer === '2MSL' && l.action === 'restart')).toMatchObject({ t: 2.1, expires: 242.1 });
    expect(lines.find((l) => l.kind === 'app' && l.event === 'data')).toMatchObject({ host: 'server', data: 'USER anon\r\n' });
  });

  it('reports an old duplicate accepted with its segment and the incarnation it was born in', () => {
    const alert = parse(toJsonLines(loopingTrace())).find((l) => l.kind === 'alert')!;
    expect(alert).toMatchObject({ alert: 'old-duplicate-accepted', bornIn: 1, acceptedBy: 2, seg: { id: 1, incarnation: 1 } });
  });

  it('is byte-identical for the same trace, and the same events in a different run diff line by line', () => {
    expect(toJsonLines(lostFinalAckTrace())).toBe(toJsonLines(lostFinalAckTrace()));
    // Key order does not depend on the order properties were set on the trace objects.
    const shuffled = lostFinalAckTrace().map((e) => Object.fromEntries(Object.entries(e).reverse()) as typeof e);
    expect(toJsonLines(shuffled)).toBe(toJsonLines(trace));
  });

  it('leaves optional keys out rather than writing null', () => {
    expect(toJsonLines(trace)).not.toContain('null');
    expect(toJsonLines([])).toBe('');
  });
});
