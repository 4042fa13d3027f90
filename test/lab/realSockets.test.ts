/**
 * Real TCP on 127.0.0.1, read back from this machine's /proc/net/tcp. Skipped, with the reason,
 * where there is no /proc/net/tcp (macOS, Windows, a container without /proc).
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/lab/experiments.js';
import { openKernelReader } from '../../src/lab/kernelReader.js';
import type { LabRecord } from '../../src/lab/records.js';
import { LabSession } from '../../src/lab/session.js';
import { listenersOn } from '../../src/lab/socketTable.js';

const hasProc = existsSync('/proc/net/tcp');
const why = 'no /proc/net/tcp on this system: the real-socket lab tests need Linux';

describe.skipIf(!hasProc)(`real sockets on loopback (skipped when ${why})`, () => {
  let session: LabSession;
  afterEach(async () => {
    await session?.closeAll();
  });

  async function run(name: 'who-waits' | 'reconnect' | 'many', count?: number): Promise<LabRecord[]> {
    const choice = openKernelReader();
    if (!choice.ok) throw new Error(choice.reason);
    session = new LabSession();
    const out: LabRecord[] = [];
    await runExperiment(name, session, choice.reader, (r) => out.push(r), count ? { count } : {});
    // The lab never leaves a listener behind.
    expect(listenersOn(await choice.reader.read(), session.serverPorts)).toEqual([]);
    expect(out.at(-1)?.kind).toBe('done');
    return out;
  }

  it('client-first close: the client 4-tuple is in TIME_WAIT with 0 < timer <= 60 s; server-first: the server side', async () => {
    const closes = (await run('who-waits')).filter((r) => r.kind === 'close');
    expect(closes).toHaveLength(2);
    const [a, b] = closes as Array<Extract<LabRecord, { kind: 'close' }>>;
    expect(a).toMatchObject({ closer: 'client', observed: { client: 'TIME_WAIT', waiter: 'client' }, predicted: { waiter: 'client', timeWaitSeconds: 60 }, match: true });
    expect(a!.observed.server).not.toBe('TIME_WAIT');
    expect(a!.observed.timerSeconds).toBeGreaterThan(0);
    expect(a!.observed.timerSeconds).toBeLessThanOrEqual(60);
    expect(b).toMatchObject({ closer: 'server', observed: { server: 'TIME_WAIT', waiter: 'server' }, match: true });
    expect(b!.observed.client).not.toBe('TIME_WAIT');
  });

  it('a same-port reconnect reports the real errno, and the explanation shown matches it', async () => {
    const rs = (await run('reconnect')).filter((r) => r.kind === 'reconnect') as Array<Extract<LabRecord, { kind: 'reconnect' }>>;
    expect(rs.map((r) => [r.holder, r.reuse, r.stateBefore])).toEqual([
      ['client', false, 'TIME_WAIT'],
      ['client', true, 'TIME_WAIT'],
      ['server', false, 'TIME_WAIT'],
    ]);
    // Without reuse the old socket holds the port: bind() fails, as RFC 1122 and the simulator say.
    expect(rs[0]).toMatchObject({ errno: 'EADDRINUSE', outcome: 'EADDRINUSE', predicted: 'EADDRINUSE' });
    expect(rs[0]!.explanation).toMatch(/^EADDRINUSE/);
    // With reuse the answer depends on timestamps: success with them, EADDRNOTAVAIL without.
    expect(['connected', 'EADDRNOTAVAIL']).toContain(rs[1]!.outcome);
    expect(rs[1]!.explanation).toMatch(rs[1]!.outcome === 'connected' ? /^Connected/ : /^EADDRNOTAVAIL/);
    expect(rs[1]!.errno).toBe(rs[1]!.outcome === 'connected' ? null : rs[1]!.outcome);
  });

  it('many connections: all end in TIME_WAIT at the client, within the ephemeral range', async () => {
    const out = await run('many', 50);
    const sum = out.find((r) => r.kind === 'summary') as Extract<LabRecord, { kind: 'summary' }>;
    expect(sum.failed).toBe(0);
    expect(sum.counts.TIME_WAIT).toBe(50);
    expect(sum.machine.TIME_WAIT).toBeGreaterThanOrEqual(50);
    expect(sum.ports?.distinct).toBe(50);
    if (sum.portRange) {
      expect(sum.ports!.lowest).toBeGreaterThanOrEqual(sum.portRange[0]);
      expect(sum.ports!.highest).toBeLessThanOrEqual(sum.portRange[1]);
    }
  });
});
