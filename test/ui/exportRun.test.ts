import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Simulation, getScenario } from '../../src/sim/index.js';
import { elideMiddle, exportMessage, exportRun } from '../../src/ui/exportRun.js';

function trace() {
  const sim = Simulation.create(getScenario('lost-final-ack')!);
  sim.runUntil({ kind: 'quiet' });
  return sim.trace;
}

describe('the export key', () => {
  it('writes a pcap and a Mermaid file and returns their paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-export-'));
    const [pcap, mmd] = await exportRun(trace(), dir, 'run one');
    expect(pcap).toBe(join(dir, 'run-one.pcap'));
    expect(readFileSync(pcap!).readUInt32LE(0)).toBe(0xa1b2c3d4);
    expect(readFileSync(mmd!, 'utf8')).toMatch(/^sequenceDiagram/);
  });

  it('never overwrites an existing file: it takes the next free name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-export-'));
    writeFileSync(join(dir, 'run.pcap'), 'keep me');
    const paths = await exportRun(trace(), dir, 'run');
    expect(paths).toEqual([join(dir, 'run-2.pcap'), join(dir, 'run-2.mmd')]);
    expect(readFileSync(join(dir, 'run.pcap'), 'utf8')).toBe('keep me');
    const again = await exportRun(trace(), dir, 'run');
    expect(again[0]).toBe(join(dir, 'run-3.pcap'));
    expect(readdirSync(dir).sort()).toEqual(['run-2.mmd', 'run-2.pcap', 'run-3.mmd', 'run-3.pcap', 'run.pcap']);
  });
});

describe('where exports go and what the learner is told', () => {
  it('creates a missing export directory, nested, when it first writes', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'tw-export-')), 'a', 'b', 'exports');
    expect(existsSync(dir)).toBe(false);
    const [pcap] = await exportRun(trace(), dir, 'the-close-step12');
    expect(pcap).toBe(join(dir, 'the-close-step12.pcap'));
  });

  it('with no directory given, writes to TCP_TIMEWAIT_EXPORT_DIR, not the current directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-export-env-'));
    const saved = process.env.TCP_TIMEWAIT_EXPORT_DIR;
    process.env.TCP_TIMEWAIT_EXPORT_DIR = dir;
    try {
      const [pcap] = await exportRun(trace(), undefined, 'run');
      expect(pcap).toBe(join(dir, 'run.pcap'));
    } finally {
      if (saved === undefined) delete process.env.TCP_TIMEWAIT_EXPORT_DIR;
      else process.env.TCP_TIMEWAIT_EXPORT_DIR = saved;
    }
  });

  it('names the pair once and the folder with ~ for home', () => {
    const home = '/home/learner';
    const dir = `${home}/.local/share/tcp-timewait/exports`;
    const msg = exportMessage([`${dir}/the-close-step12.pcap`, `${dir}/the-close-step12.mmd`], { home });
    expect(msg).toBe('Exported the-close-step12.pcap + .mmd to ~/.local/share/tcp-timewait/exports');
    expect(msg.length).toBeLessThanOrEqual(78);
  });

  it('elides the middle of a long folder, keeping its start and its end, within 78 columns', () => {
    const dir = '/srv/classes/networking-2026/week-07/student-workspaces/alexandra/tcp/exports';
    const msg = exportMessage([`${dir}/wandering-duplicates-step17-3.pcap`, `${dir}/wandering-duplicates-step17-3.mmd`], { home: '/home/x' });
    expect([...msg].length).toBeLessThanOrEqual(78);
    expect(msg).toMatch(/^Exported wandering-duplicates-step17-3\.pcap \+ \.mmd to \/srv\/.*….*\/exports$/);
  });

  it('fits even when the file name alone is too long', () => {
    const name = 'x'.repeat(120);
    const msg = exportMessage([`/tmp/${name}.pcap`, `/tmp/${name}.mmd`], { home: '/home/x' });
    expect([...msg].length).toBeLessThanOrEqual(78);
    expect(msg).toMatch(/^Exported x+…x+\.pcap \+ \.mmd to \/tmp$/);
  });

  it('elideMiddle keeps short text and cuts long text to the width', () => {
    expect(elideMiddle('short', 10)).toBe('short');
    expect(elideMiddle('abcdefghijkl', 7)).toBe('abc…jkl');
  });
});
