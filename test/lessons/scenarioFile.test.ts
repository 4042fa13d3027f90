import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioFile, parseScenario, readScenarioFile } from '../../src/lessons/scenarioFile.js';
import { formatDiagnostic } from '../../src/lessons/diagnostics.js';
import { Simulation } from '../../src/sim/index.js';

const GOOD = `name: my-close
title: My close
description: A client that closes after one exchange.
isn: { rule: fixed, client: 1000, server: 5000 }
policies: { mslSeconds: 10 }
script:
  - { host: server, call: listen, at: 0 }
  - { host: client, call: connect, at: 0.1, port: 1500 }
  - { host: client, call: close, when: { host: client, event: connected }, after: 0.2 }
  - { host: server, call: close, when: { host: server, event: eof } }
perturbations:
  - kind: drop
    match: { from: client, flags: [FIN] }
until: 60
`;

describe('scenario files', () => {
  it('parses a valid file into a ScenarioSpec the simulation runs', async () => {
    const r = parseScenario(GOOD, 'my.yaml');
    expect(r.diagnostics).toEqual([]);
    const sim = Simulation.create(r.spec!);
    const run = sim.runUntil({ kind: 'timer', host: 'client', timer: '2MSL', action: 'expire' }, { untilSeconds: 60 });
    expect(run.reached).toBe(true);
    // MSL 10 s from the file: TIME_WAIT lasts 20 s.
    const start = sim.trace.find((e) => e.kind === 'timer' && e.timer === '2MSL' && e.action === 'start')!;
    expect(run.event!.at - start.at).toBe(20_000_000);
    // The file's drop made the client resend its FIN.
    expect(sim.trace.some((e) => e.kind === 'send' && e.seg.from === 'client' && e.seg.flags.includes('FIN') && e.seg.retransmitOf !== undefined)).toBe(true);
  });

  it('reports every error with file:line:col and what was expected', () => {
    const bad = GOOD.replace('call: connect', 'call: dial').replace('flags: [FIN]', 'flags: [FIN, URG]').replace('until: 60', 'until: soon');
    const msgs = parseScenario(bad, 'bad.yaml').diagnostics.map(formatDiagnostic);
    expect(msgs).toEqual([
      'bad.yaml:8:27: found "dial", expected one of listen, connect, send, close, shutdown, abort, read for "call"',
      'bad.yaml:13:41: found "URG", expected one of SYN, FIN, RST, PSH, ACK',
      'bad.yaml:14:8: found "soon", expected a number for "until"',
    ]);
  });

  it('checks addresses and the MSL when the file loads, not at export time', () => {
    const withNet = GOOD.replace('policies: { mslSeconds: 10 }', 'policies: { mslSeconds: 0 }\nnetwork: { clientIp: not-an-ip, serverIp: 10.0.0.256 }');
    expect(parseScenario(withNet, 'n.yaml').diagnostics.map(formatDiagnostic)).toEqual([
      'n.yaml:5:25: found number 0, expected a number > 0 for "mslSeconds"',
      'n.yaml:6:22: found "not-an-ip", expected an IPv4 address such as 10.0.0.1 for "clientIp"',
      'n.yaml:6:43: found "10.0.0.256", expected an IPv4 address such as 10.0.0.1 for "serverIp"',
    ]);
    const huge = GOOD.replace('mslSeconds: 10', 'mslSeconds: 1e308');
    expect(parseScenario(huge, 'h.yaml').diagnostics.map(formatDiagnostic)).toEqual(['h.yaml:5:25: found number 1e+308, expected a number <= 3600 for "mslSeconds"']);
    expect(parseScenario(GOOD.replace('serverIp', 'x').replace('policies:', 'network: { clientIp: 10.1.2.3 }\npolicies:'), 'ok.yaml').diagnostics).toEqual([]);
  });

  it('reports YAML syntax errors and unreadable files', async () => {
    expect(parseScenario('name: [x\n', 's.yaml').diagnostics.map(formatDiagnostic)[0]).toMatch(/^s\.yaml:\d+:\d+: found invalid YAML .*, expected well-formed YAML$/);
    const r = await loadScenarioFile('/no/such/dir/s.yaml');
    expect(formatDiagnostic(r.diagnostics[0]!)).toMatch(/^\/no\/such\/dir\/s\.yaml:1:1: found an unreadable file/);
  });

  it('readScenarioFile throws one message listing every problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scn-'));
    const file = join(dir, 's.yaml');
    await writeFile(file, 'name: x\ntitle: 3\nscript: []\n');
    await expect(readScenarioFile(file)).rejects.toThrow(new RegExp(`${file}:2:8: found number 3, expected text for "title"\\n${file}:1:1: found no "description"`));
    await writeFile(file, GOOD);
    await expect(readScenarioFile(file)).resolves.toMatchObject({ name: 'my-close', until: 60 });
  });
});
