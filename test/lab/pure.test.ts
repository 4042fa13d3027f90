/** The lab's pure parts: explanations, sysctl lines, the screen's fold, text lines, predictions. */
import { describe, expect, it } from 'vitest';
import { explainReconnect, outcomeOf } from '../../src/lab/explain.js';
import { predictClose, predictReconnect } from '../../src/lab/prediction.js';
import { recordLine } from '../../src/lab/recordText.js';
import type { LabRecord } from '../../src/lab/records.js';
import { explainSysctls, parsePortRange, SYSCTLS } from '../../src/lab/sysctls.js';
import { EMPTY_LAB_VIEW, experimentForKey, foldRecord, stepCount } from '../../src/ui/lab/labView.js';

describe('explainReconnect', () => {
  it.each([
    [{ holder: 'client', reuse: false, outcome: 'EADDRINUSE', timestamps: true }, /^EADDRINUSE: the old socket did not set SO_REUSEADDR/],
    [{ holder: 'client', reuse: true, outcome: 'EADDRNOTAVAIL', timestamps: false }, /^EADDRNOTAVAIL: .*no timestamps/],
    [{ holder: 'client', reuse: true, outcome: 'connected', timestamps: true }, /^Connected at once: .*timestamps/],
    [{ holder: 'server', reuse: false, outcome: 'connected', timestamps: true }, /^The server holds TIME_WAIT, so the client's port is free/],
    [{ holder: 'client', reuse: false, outcome: 'other', timestamps: null }, /outside what the lab expects/],
  ] as const)('%j', (c, re) => {
    expect(explainReconnect(c)).toMatch(re);
  });
  it.each([[undefined, 'connected'], ['EADDRINUSE', 'EADDRINUSE'], ['EADDRNOTAVAIL', 'EADDRNOTAVAIL'], ['ECONNREFUSED', 'other']] as const)('outcomeOf(%s) = %s', (code, o) => {
    expect(outcomeOf(code)).toBe(o);
  });
});

describe('sysctls', () => {
  it('explains each setting the issue names, in one line', () => {
    const values: Record<string, string> = { tcp_fin_timeout: '60\n', tcp_tw_reuse: '2\n', tcp_timestamps: '1\n', ip_local_port_range: '32768\t60999\n', tcp_max_tw_buckets: '131072\n', tcp_rfc1337: '0\n' };
    const out = explainSysctls((n) => values[n] ?? null);
    expect(out.map((r) => r.name)).toEqual(['tcp_fin_timeout', 'tcp_tw_reuse', 'tcp_timestamps', 'ip_local_port_range', 'tcp_max_tw_buckets', 'tcp_rfc1337']);
    expect(out.find((r) => r.name === 'ip_local_port_range')).toMatchObject({ value: '32768 60999', explanation: expect.stringContaining('28232') });
    for (const r of out) expect(r.explanation).not.toContain('\n');
  });
  it.each([
    ['tcp_tw_reuse', '0', /never taken over/],
    ['tcp_tw_reuse', '1', /^A new outgoing connection may take over a TIME_WAIT pair older than 1 s when/],
    ['tcp_tw_reuse', '2', /loopback only/],
    ['tcp_timestamps', '0', /^No timestamps/],
    ['tcp_rfc1337', '1', /ignored/],
  ])('%s = %s', (name, v, re) => {
    expect(SYSCTLS.find((s) => s.name === name)!.explain(v)).toMatch(re);
  });
  it('a missing setting says so', () => {
    expect(explainSysctls(() => null).every((r) => r.value === null && r.explanation === 'Not available on this system.')).toBe(true);
  });
  it.each([['32768 60999', [32768, 60999]], ['1024\t65535\n', [1024, 65535]], ['9 1', null], ['x', null], [null, null]] as const)('parsePortRange(%j)', (t, want) => {
    expect(parsePortRange(t)).toEqual(want);
  });
});

describe('the screen fold', () => {
  const start: LabRecord = { experiment: 'how-long', kind: 'start', source: '/proc/net/tcp', timers: true };
  const tick = (e: number): LabRecord => ({ experiment: 'how-long', kind: 'tick', client: 'c', elapsedSeconds: e, state: 'TIME_WAIT', remainingSeconds: 60 - e, predictedRemainingSeconds: 60 - e });
  it('keeps only the latest live tick, and ends the run on done', () => {
    let v = foldRecord(EMPTY_LAB_VIEW, start);
    expect(v.running).toBe('how-long');
    v = foldRecord(foldRecord(v, tick(1)), tick(2));
    expect(v.runs['how-long']!.filter((r) => r.kind === 'tick')).toEqual([tick(2)]);
    v = foldRecord(v, { experiment: 'how-long', kind: 'done' });
    expect(v.running).toBeNull();
    expect(v.runs['how-long']).toHaveLength(3);
  });
  it('a new start clears the previous run of that experiment only', () => {
    const a = foldRecord(foldRecord(EMPTY_LAB_VIEW, start), tick(1));
    const b = foldRecord(a, { experiment: 'settings', kind: 'start', source: 's', timers: true });
    expect(b.runs['how-long']).toHaveLength(2);
    expect(foldRecord(b, start).runs['how-long']).toEqual([start]);
  });
  it('keys 1-5 name the experiments; N steps within 10..2000', () => {
    expect(['1', '2', '3', '4', '5', '6', 'x'].map(experimentForKey)).toEqual(['who-waits', 'how-long', 'reconnect', 'many', 'settings', undefined, undefined]);
    expect(stepCount(200, 1)).toBe(500);
    expect(stepCount(2000, 1)).toBe(2000);
    expect(stepCount(10, -1)).toBe(10);
    expect(stepCount(150, -1)).toBe(100);
  });
});

describe('recordLine', () => {
  it('says how long TIME_WAIT really lasted beside the simulator', () => {
    expect(recordLine({ experiment: 'how-long', kind: 'gone', client: 'c', measuredSeconds: 61.31, firstTimerSeconds: 59.99, predictedSeconds: 60, timedOut: false })).toBe(
      'TIME_WAIT lasted 61.31 s in the kernel; the simulator (linux preset) says 60.00 s',
    );
    expect(recordLine({ experiment: 'many', kind: 'summary', count: 3, failed: 0, counts: { TIME_WAIT: 3 }, machine: { LISTEN: 2, TIME_WAIT: 4 }, ports: { lowest: 5, highest: 9, distinct: 3 }, portRange: [1, 10] })).toBe(
      '3 connections (0 failed): TIME_WAIT 3; whole machine: LISTEN 2, TIME_WAIT 4; ports 5-9, 3 distinct; ephemeral range 1-10',
    );
    expect(recordLine({ experiment: 'many', kind: 'done' })).toBeNull();
  });
});

describe('the simulator predictions (linux preset)', () => {
  it('the end that closes first waits, for 60 s', () => {
    expect(predictClose('client')).toEqual({ closer: 'client', waiter: 'client', timeWaitSeconds: 60 });
    expect(predictClose('server')).toEqual({ closer: 'server', waiter: 'server', timeWaitSeconds: 60 });
  });
  it('a same-port reconnect is refused unless reuse is allowed', () => {
    expect(predictReconnect(false)).toBe('EADDRINUSE');
    expect(predictReconnect(true)).toBe('connected');
  });
});
