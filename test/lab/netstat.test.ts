/** The macOS / BSD `netstat -an -p tcp` reader (states only: that format has no timers). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNetstat, parseNetstatLine } from '../../src/lab/netstat.js';

const sample = readFileSync(new URL('../fixtures/lab/netstat-macos.txt', import.meta.url), 'utf8');

describe('parseNetstat', () => {
  const table = parseNetstat(sample);
  it('reads each socket line, skipping the headers', () => {
    expect(table.map((s) => [s.local.ip, s.local.port, s.remote.port, s.state])).toEqual([
      ['127.0.0.1', 52814, 52813, 'TIME_WAIT'],
      ['127.0.0.1', 52813, 52812, 'ESTABLISHED'],
      ['127.0.0.1', 52813, 0, 'LISTEN'],
      ['::1', 52820, 52819, 'TIME_WAIT'],
      ['::', 7000, 0, 'LISTEN'],
      ['192.168.1.20', 52790, 443, 'SYN_SENT'],
      ['127.0.0.1', 52800, 52801, 'FIN_WAIT_2'],
    ]);
  });
  it('has no timers', () => {
    expect(table.every((s) => s.timer === 'none' && s.timerSeconds === 0)).toBe(true);
  });
  it.each([['tcp4 0 0 127.0.0.1.1 127.0.0.1.2 SYN_RCVD', 'SYN_RECEIVED'], ['udp4 0 0 *.53 *.*', null], ['tcp4 0 0 127.0.0.1.99999 *.* LISTEN', null]])('%s', (line, state) => {
    expect(parseNetstatLine(line)?.state ?? null).toBe(state);
  });
});
