/**
 * The BUILT CLI's live lab in a real terminal at 80x24, with real sockets: "who waits" shows the
 * client's and then the server's socket in TIME_WAIT; after q, no socket of the lab is left in
 * LISTEN. Quitting in the middle of the minute-long "how long" ends the program at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProcNetTcp } from '../../src/lab/procNetTcp.js';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

const hasProc = existsSync('/proc/net/tcp');

function listeningPorts(): Set<number> {
  const table = [...parseProcNetTcp(readFileSync('/proc/net/tcp', 'utf8')), ...parseProcNetTcp(existsSync('/proc/net/tcp6') ? readFileSync('/proc/net/tcp6', 'utf8') : '')];
  return new Set(table.filter((s) => s.state === 'LISTEN').map((s) => s.local.port));
}

describe.skipIf(!hasTmux || !hasProc)('the live lab in a real terminal (needs tmux and /proc/net/tcp)', () => {
  let t: TmuxTerminal;
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it('who waits at 80x24, then q: exit 0 and no LISTEN socket of the lab left', async () => {
    t.start('who', 'lab', { columns: 80, rows: 24 });
    await t.until((s) => s.includes('1 Who waits') && s.includes('Press enter'), 'the lab screen');
    t.keys('1');
    const s = await t.until((x) => (x.match(/the kernel agrees/g) ?? []).length === 2, 'both closes, checked against the simulator');
    expect(s).toMatch(/Client closes first[\s\S]*client\s+TIME_WAIT\s+⏲ \d+\.\d\d s left[\s\S]*server\s+CLOSED/);
    expect(s).toMatch(/Server closes first[\s\S]*client\s+CLOSED[\s\S]*server\s+TIME_WAIT/);
    const lines = s.split('\n');
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    const ports = [...s.matchAll(/server 127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
    expect(ports).toHaveLength(2);
    t.keys('q');
    const end = await t.exited('who');
    expect(end.code).toBe(0);
    const listening = listeningPorts();
    for (const p of ports) expect(listening.has(p), `port ${p} still in LISTEN`).toBe(false);
  });

  it('without a socket table the lab says what it needs at once, and q still quits cleanly', async () => {
    t.start('none', 'lab', { columns: 80, rows: 24, env: { TCP_TIMEWAIT_LAB_PROC: '/nonexistent-proc' } });
    const s = await t.until((x) => x.includes('1 Who waits'), 'the lab screen');
    expect(s).toContain('no socket table');
    expect(s.replace(/\s+/g, ' ')).toContain('The live lab needs a readable socket table: /proc/net/tcp on Linux');
    t.keys('q');
    expect((await t.exited('none')).code).toBe(0);
  });

  it('q in the middle of "how long" ends the program at once and closes its server', async () => {
    t.start('long', 'lab', { columns: 80, rows: 24 });
    await t.until((s) => s.includes('1 Who waits'), 'the lab screen');
    t.keys('2');
    const s = await t.until((x) => /since the close/.test(x) && /kernel\s+█/.test(x), 'the live countdown');
    expect(s).toMatch(/simulator\s+█+░*\s+\d+\.\d\d s left/);
    t.keys('C-c');
    const end = await t.exited('long', 5_000);
    expect(end.code).toBe(0);
    expect(end.sttyAfter).toBe(end.sttyBefore);
  });
});
