import { describe, expect, it } from 'vitest';
import { toText } from '../../src/export/text.js';
import { lostFinalAckTrace, loopingTrace } from './fixtures.js';

describe('tcpdump-like text', () => {
  const text = toText(lostFinalAckTrace());
  const lines = text.trimEnd().split('\n');

  it('writes a segment the way tcpdump does, with the host and the TTL', () => {
    expect(lines).toContain(
      '   1.000000 client send    12.106.32.254.1500 > 206.168.112.219.21: Flags [F.], seq 1012, ack 5001, win 65535, length 0, ttl 64 [#6]',
    );
    expect(text).toContain('Flags [S.], seq 5000, ack 1001');
    expect(text).toContain('Flags [P.], seq 1001:1012, ack 5001, win 65535, length 11');
  });

  it('interleaves state changes, timers, application events and perturbations in time order', () => {
    const idx = (needle: string) => lines.findIndex((l) => l.includes(needle));
    expect(idx('FIN_WAIT_2 -> TIME_WAIT')).toBeGreaterThan(-1);
    expect(idx('2MSL start, fires at 241.100000')).toBeGreaterThan(idx('FIN_WAIT_2 -> TIME_WAIT'));
    expect(idx('perturb drop')).toBeGreaterThan(-1);
    expect(idx('dropped: perturbation')).toBeGreaterThan(idx('perturb drop'));
    expect(text).toContain('retransmission of #8');
    const times = lines.map((l) => Number(l.slice(0, 11)));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('shows routing-loop laps by default, every hop on request, none if asked', () => {
    const loop = loopingTrace();
    expect(toText(loop)).toMatch(/r2 +loop .*ttl 62 \[#1\] -> r1/);
    expect(toText(loop)).not.toContain(' fwd ');
    expect(toText(loop, { hops: 'all' })).toContain(' fwd ');
    expect(toText(loop, { hops: 'none' })).not.toMatch(/ loop +12\./);
    expect(toText(loop)).toMatch(/ loop +12\./);
    expect(toText(loop)).toContain('ALERT   old-duplicate-accepted');
  });
});
