import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Simulation, getScenario } from '../../src/sim/index.js';
import { exportRun } from '../../src/ui/exportRun.js';

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
