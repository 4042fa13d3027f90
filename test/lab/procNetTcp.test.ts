/** The /proc/net/tcp and tcp6 reader, on samples recorded from a Linux 6.18 machine (x86_64). */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KERNEL_STATES, parseProcLine, parseProcNetTcp, ticksToSeconds, USER_HZ } from '../../src/lab/procNetTcp.js';
import { countByState, findTuple, formatCounts, listenersOn, mirror } from '../../src/lab/socketTable.js';

const fixture = (p: string) => readFileSync(new URL(`../fixtures/lab/${p}`, import.meta.url), 'utf8');

describe('ticksToSeconds', () => {
  it.each([
    ['0000175B', 59.79],
    ['00001770', 60],
    ['00000000', 0],
    ['00000001', 0.01],
    ['zz', 0],
  ])('%s ticks of USER_HZ are %s s', (hex, s) => {
    expect(ticksToSeconds(hex)).toBeCloseTo(s, 6);
  });
  it('is ticks / USER_HZ for any 32-bit value', () => {
    expect(USER_HZ).toBe(100);
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => ticksToSeconds(n.toString(16).padStart(8, '0')) === n / 100));
  });
});

describe('parseProcLine', () => {
  it('reads the TIME_WAIT line of the issue: 03:0000175B is 59.79 s of the TIME_WAIT timer', () => {
    const s = parseProcLine('   2: 0100007F:AF84 0100007F:956D 06 00000000:00000000 03:0000175B 00000000     0        0 0 3 00000000547abf2a');
    expect(s).toMatchObject({ family: 4, local: { ip: '127.0.0.1', port: 0xaf84 }, remote: { ip: '127.0.0.1', port: 0x956d }, state: 'TIME_WAIT', stateCode: 6, timer: 'time-wait' });
    expect(s!.timerSeconds).toBeCloseTo(59.79, 6);
  });

  it.each(Object.entries(KERNEL_STATES))('state %s is %s', (code, name) => {
    const hex = Number(code).toString(16).toUpperCase().padStart(2, '0');
    expect(parseProcLine(`   0: 0100007F:0050 0100007F:1234 ${hex} 00000000:00000000 00:00000000 00000000  1000  0 42 1`)?.state).toBe(name);
  });

  it.each([
    ['00:00000000', 'none', 0],
    ['01:00000014', 'retransmit', 0.2],
    ['02:00001770', 'keepalive', 60],
    ['03:00000001', 'time-wait', 0.01],
    ['04:000000C8', 'zero-window-probe', 2],
  ])('timer field %s is %s with %s s left', (field, kind, secs) => {
    const s = parseProcLine(`   0: 0100007F:0050 0100007F:1234 01 00000000:00000000 ${field} 00000000  1000  0 42 1`);
    expect(s).toMatchObject({ timer: kind, timerSeconds: secs, uid: 1000, inode: 42 });
  });

  it('reads addresses written by a big-endian machine when told so', () => {
    const s = parseProcLine('   0: 7F000001:0050 0A000002:1234 01 00000000:00000000 00:00000000 00000000 0 0 1 1', { littleEndian: false });
    expect(s).toMatchObject({ local: { ip: '127.0.0.1', port: 80 }, remote: { ip: '10.0.0.2', port: 0x1234 } });
  });

  it.each(['', '  sl  local_address rem_address   st tx_queue', 'garbage', '   0: 0100007F:0050 0100007F:1234 FF 00000000:00000000 00:00000000 0 0 0 1', '   0: 01007F:0050 0100007F:1234 01 0:0 00:0 0 0 0 1'])(
    'ignores a line that is not a socket: %j',
    (line) => {
      expect(parseProcLine(line)).toBeNull();
    },
  );

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (t) => {
      parseProcNetTcp(t);
      return true;
    }));
  });
});

describe('recorded /proc/net/tcp sample', () => {
  const table = parseProcNetTcp(fixture('proc/net/tcp'));

  it('has every socket line and no header', () => {
    expect(table).toHaveLength(11);
    expect(countByState(table)).toEqual({ LISTEN: 3, TIME_WAIT: 6, ESTABLISHED: 2 });
    expect(formatCounts(countByState(table))).toBe('LISTEN 3, ESTABLISHED 2, TIME_WAIT 6');
  });

  it('finds a client 4-tuple in TIME_WAIT with its timer in (0, 60] s, and the server side gone', () => {
    const t = { local: { ip: '127.0.0.1', port: 0xb890 }, remote: { ip: '127.0.0.1', port: 0x97ef } };
    const s = findTuple(table, t);
    expect(s?.state).toBe('TIME_WAIT');
    expect(s!.timerSeconds).toBeCloseTo(0x16e6 / 100, 6);
    expect(s!.timerSeconds).toBeGreaterThan(0);
    expect(s!.timerSeconds).toBeLessThanOrEqual(60);
    expect(findTuple(table, mirror(t))).toBeUndefined();
    expect(listenersOn(table, new Set([0x97ef])).map((x) => x.local.port)).toEqual([0x97ef]);
  });

  it('sees both ends of an ESTABLISHED loopback connection', () => {
    const est = table.filter((s) => s.state === 'ESTABLISHED');
    expect(est).toHaveLength(2);
    expect(findTuple(table, mirror(est[0]!))).toBe(est[1]);
  });
});

describe('recorded /proc/net/tcp6 sample', () => {
  const table = parseProcNetTcp(fixture('proc/net/tcp6'));
  it('reads ::1 addresses and the TIME_WAIT timer', () => {
    expect(table.map((s) => [s.family, s.local.ip, s.remote.ip, s.state])).toEqual([
      [6, '::1', '::', 'LISTEN'],
      [6, '::1', '::1', 'TIME_WAIT'],
      [6, '::1', '::1', 'TIME_WAIT'],
    ]);
    expect(table[1]!.timerSeconds).toBeCloseTo(0x16ec / 100, 6);
  });
  it('shows IPv4-mapped addresses as ::ffff:a.b.c.d', () => {
    const s = parseProcLine('   0: 0000000000000000FFFF00000100007F:0050 0000000000000000FFFF00000100007F:1234 06 00000000:00000000 03:00000064 00000000 0 0 0 3');
    expect(s).toMatchObject({ family: 6, local: { ip: '::ffff:127.0.0.1' }, timerSeconds: 1 });
  });
});
