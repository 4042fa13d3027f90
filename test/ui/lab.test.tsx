/**
 * The live lab's screen, over a recorded /proc sample (test/fixtures/lab/proc): no real socket is
 * opened here. The experiment run is scripted from the recorded table; the settings experiment
 * runs for real against the recorded sysctls.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/lab/experiments.js';
import { openKernelReader, NO_KERNEL_TABLE } from '../../src/lab/kernelReader.js';
import type { LabRecord } from '../../src/lab/records.js';
import { findTuple, mirror } from '../../src/lab/socketTable.js';
import { LabScreen, type RunLab } from '../../src/ui/lab/LabScreen.js';
import { ThemeContext, createTheme } from '../../src/ui/theme.js';
import { renderApp, tempDir } from './appHelpers.js';
import { renderSized, type Rendered } from './harness.js';

const PROC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'lab', 'proc');
const CLIENT = { local: { ip: '127.0.0.1', port: 0xb890 }, remote: { ip: '127.0.0.1', port: 0x97ef } };

/** who-waits and how-long as the recorded table shows them; settings for real. */
const scripted: RunLab = async (name, session, reader, emit, opts) => {
  if (name === 'settings') return runExperiment(name, session, reader, emit, opts);
  emit({ experiment: name, kind: 'start', source: reader.source, timers: reader.timers });
  const table = await reader.read();
  const c = findTuple(table, CLIENT)!;
  const s = findTuple(table, mirror(CLIENT));
  if (name === 'who-waits') {
    emit({
      experiment: 'who-waits',
      kind: 'close',
      closer: 'client',
      client: '127.0.0.1:47248',
      server: '127.0.0.1:38895',
      observed: { client: c.state, server: s?.state ?? 'CLOSED', waiter: 'client', timerSeconds: c.timerSeconds },
      predicted: { waiter: 'client', timeWaitSeconds: 60 },
      match: true,
    });
  }
  if (name === 'how-long') {
    emit({ experiment: 'how-long', kind: 'tick', client: '127.0.0.1:47248', elapsedSeconds: 1.3, state: c.state, remainingSeconds: c.timerSeconds, predictedRemainingSeconds: 58.7 });
    emit({ experiment: 'how-long', kind: 'gone', client: '127.0.0.1:47248', measuredSeconds: 60.42, firstTimerSeconds: c.timerSeconds, predictedSeconds: 60, timedOut: false });
  }
  emit({ experiment: name, kind: 'done' } as LabRecord);
};

let r: Rendered | undefined;
afterEach(() => {
  r?.unmount();
  r = undefined;
});

function renderLab(extra: Partial<Parameters<typeof LabScreen>[0]> = {}, onMenu = () => {}): Rendered {
  return renderSized(
    <ThemeContext.Provider value={createTheme({ NO_COLOR: '1' })}>
      <LabScreen columns={80} rows={24} onMenu={onMenu} reader={openKernelReader({ procRoot: PROC })} run={scripted} procRoot={PROC} {...extra} />
    </ThemeContext.Provider>,
  );
}

describe('the lab screen over a recorded /proc sample', () => {
  it('shows the experiments and runs "who waits" with key 1: the client waits, with its timer', async () => {
    r = renderLab();
    await r.waitFor('1 Who waits');
    const first = r.frame();
    expect(first).toContain('read from /proc/net/tcp');
    expect(first).toContain('Press enter to run it.');
    r.press('1');
    const f = await r.waitFor('the kernel agrees');
    expect(f).toContain('Client closes first');
    expect(f).toMatch(/client\s+TIME_WAIT\s+⏲ 58\.62 s left/);
    expect(f).toMatch(/server\s+CLOSED/);
    expect(f).toContain('simulator (linux): the client waits 60 s');
    expect(f.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('how long: the kernel countdown beside the simulator, then how long it really lasted', async () => {
    r = renderLab();
    await r.waitFor('1 Who waits');
    r.press('2');
    const f = await r.waitFor('really lasted');
    expect(f).toMatch(/kernel\s+░+\s+0\.00 s left/);
    expect(f).toContain("TIME_WAIT really lasted 60.42 s in your kernel; the simulator's 2MSL is 60.00 s.");
  });

  it('your settings: every sysctl of the recorded sample, explained', async () => {
    r = renderLab();
    await r.waitFor('1 Who waits');
    r.press('5');
    const f = await r.waitFor('tcp_rfc1337 = 0');
    for (const line of ['tcp_fin_timeout = 60', 'tcp_tw_reuse = 2', 'tcp_timestamps = 1', 'ip_local_port_range = 32768 60999', 'tcp_max_tw_buckets = 131072']) expect(f).toContain(line);
    expect(f).toContain('on loopback only');
  });

  it('+ and - choose N for many connections, within 10..2000', async () => {
    r = renderLab();
    await r.waitFor('Many (200)');
    r.press('+', '+', '+', '+');
    await r.waitFor('Many (2000)');
    r.press('-', '-', '-', '-', '-', '-', '-', '-');
    await r.waitFor('Many (10)');
  });

  it('starting another experiment stops the running one and closes its sockets', async () => {
    const sessions: Array<{ name: string; closed: () => boolean }> = [];
    const slow: RunLab = async (name, session, reader, emit, opts) => {
      sessions.push({ name, closed: () => session.closed });
      if (name !== 'how-long') return scripted(name, session, reader, emit, opts);
      emit({ experiment: name, kind: 'start', source: reader.source, timers: true });
      emit({ experiment: 'how-long', kind: 'tick', client: '127.0.0.1:47248', elapsedSeconds: 3, state: 'TIME_WAIT', remainingSeconds: 57, predictedRemainingSeconds: 57 });
      while (!opts.cancelled?.()) await new Promise((res) => setTimeout(res, 5));
    };
    r = renderLab({ run: slow });
    await r.waitFor('1 Who waits');
    r.press('2');
    await r.waitFor('3 s since the close');
    r.press('1');
    await r.waitFor('the kernel agrees');
    // The countdown waits until its session is closed: only the new start can have closed it.
    expect(sessions.map((x) => x.name)).toEqual(['how-long', 'who-waits']);
    expect(sessions[0]!.closed()).toBe(true);
    r.press('right');
    const f = await r.waitFor('another experiment');
    expect(f.replace(/\s+/g, ' ')).toContain('The experiment stopped: another experiment (Who waits) was started');
  });

  it('without a socket table: one clear line, no crash', async () => {
    r = renderLab({ reader: { ok: false, reason: NO_KERNEL_TABLE } });
    await r.waitFor('no socket table');
    r.press('1');
    const f = await r.waitFor('needs a readable socket table');
    expect(f).toMatch(/tcp-timewait\s+sandbox/);
  });

  it('m goes back to the menu', async () => {
    let left = 0;
    r = renderLab({}, () => left++);
    await r.waitFor('1 Who waits');
    r.press('m');
    await new Promise((res) => setTimeout(res, 20));
    expect(left).toBe(1);
  });
});

describe('the menu entry', () => {
  it('"Your own kernel" is on the menu and y opens the lab', async () => {
    const t = tempDir();
    try {
      r = renderApp({ configDir: t.dir });
      const menu = await r.waitFor('Your own kernel');
      expect(menu).toContain('TIME_WAIT live on this machine');
      r.press('y');
      await r.waitFor('1 Who waits', 'the lab screen');
      r.press('m');
      await r.waitFor('Your own kernel', 'back at the menu');
    } finally {
      r?.unmount();
      r = undefined;
      t.done();
    }
  });
});
