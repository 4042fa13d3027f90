/**
 * Every export of every built-in scenario, with TIME_WAIT on and off, is well-formed: this is
 * what `simulate --format ...` prints for them.
 */
import { describe, expect, it } from 'vitest';
import { exportTrace, TEXT_FORMATS } from '../../src/export/index.js';
import { JSON_KINDS } from '../../src/export/jsonLines.js';
import { toPcap } from '../../src/export/pcap.js';
import { getScenario, SCENARIO_NAMES, Simulation, type TraceEvent } from '../../src/sim/index.js';
import { checkSequenceDiagram } from './mermaidGrammar.js';
import { readPcap } from './pcapReader.js';

function run(name: string, timeWait: 'rfc' | 'off'): readonly TraceEvent[] {
  const spec = getScenario(name)!;
  const sim = Simulation.create(spec, { policies: { timeWait } });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: spec.until });
  return sim.trace;
}

describe.each(SCENARIO_NAMES.flatMap((n) => [[n, 'rfc'], [n, 'off']] as [string, 'rfc' | 'off'][]))('%s with TIME_WAIT %s', (name, timeWait) => {
  const trace = run(name, timeWait);

  it('the ladder fits 80 columns', () => {
    const ladder = exportTrace(trace, 'ladder');
    for (const line of ladder.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(ladder).toContain('client');
  });

  it('the Mermaid diagram passes the grammar check', () => {
    expect(checkSequenceDiagram(exportTrace(trace, 'mermaid')).messages).toBeGreaterThanOrEqual(trace.filter((e) => e.kind === 'send').length);
  });

  it('JSON lines follow the contract, in time order, the same on a second run', () => {
    const json = exportTrace(trace, 'json');
    const objs = json.trimEnd().split('\n').map((l) => JSON.parse(l) as { t: number; kind: string });
    expect(objs.length).toBe(trace.filter((e) => e.kind !== 'hop').length);
    expect(objs.every((o) => (JSON_KINDS as readonly string[]).includes(o.kind))).toBe(true);
    for (let i = 1; i < objs.length; i++) expect(objs[i]!.t).toBeGreaterThanOrEqual(objs[i - 1]!.t);
    expect(exportTrace(run(name, timeWait), 'json')).toBe(json);
  });

  it('every format renders, and the pcap holds one packet per segment sent', () => {
    for (const f of TEXT_FORMATS) expect(exportTrace(trace, f).length).toBeGreaterThan(0);
    expect(readPcap(toPcap(trace)).packets).toHaveLength(trace.filter((e) => e.kind === 'send').length);
  });
});

describe('a run with a network-made duplicate and an injected old segment', () => {
  const spec = getScenario('normal-close')!;
  const sim = Simulation.create(spec, {
    perturbations: [
      { kind: 'duplicate', match: { from: 'server', flags: ['FIN'] } },
      { kind: 'inject', at: 0.3, segment: { from: 'client', flags: ['PSH', 'ACK'], seq: 900, ack: 4000, data: 'old', incarnation: 0, born: 0 } },
    ],
  });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: spec.until });
  const trace = sim.trace;

  it('the ladder draws the copy and the injected segment, each marked', () => {
    const ladder = exportTrace(trace, 'ladder');
    expect(ladder).toMatch(/D FIN seq=\d+ ack=\d+/);
    // In full, shortened, or as a numbered note under the diagram.
    expect(ladder).toMatch(/PSH seq=900 ack=4000 len=3 injected|P\. 900:903 injected/);
  });

  it('Mermaid shows both as messages, and stays valid', () => {
    const mermaid = exportTrace(trace, 'mermaid');
    expect(mermaid).toMatch(/server->>client: FIN seq=\d+ ack=\d+ \(duplicate\)/);
    expect(mermaid).toContain('client->>server: PSH seq=900 ack=4000 len=3 (injected)');
    expect(() => checkSequenceDiagram(mermaid)).not.toThrow();
  });

  it('the default pcap sees the injected segment enter the network, but not the copy the network made', () => {
    const packets = readPcap(toPcap(trace)).packets;
    expect(packets).toHaveLength(trace.filter((e) => e.kind === 'send').length + 1);
  });
});
