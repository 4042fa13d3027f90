/**
 * Run files on the BUILT CLI at 80x24 in tmux: in the sandbox, step, drop a segment from the
 * perturb menu, step on, export with e (which writes NAME.run.yaml beside the pcap), quit; then
 * `sandbox --run` of the written file opens at the same moment with the same hosts, timers and
 * event log. `simulate --scenario` of the same file runs it headless.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/builtCli.js';
import { ensureBuiltCli, hasTmux, TmuxTerminal } from './tmux.js';

let t: TmuxTerminal;

/** The clock in the title line, and the panel from the hosts down through the event log. */
function moment(screen: string): { clock: string; panel: string[] } {
  const lines = screen.split('\n');
  const clock = /t=\d+\.\d+s/.exec(lines[0] ?? '')?.[0] ?? '';
  const from = lines.findIndex((l) => l.startsWith('client 12.'));
  return { clock, panel: lines.slice(from, from + 7).map((l) => l.trimEnd()) };
}

describe.skipIf(!hasTmux)('e2e: export a sandbox run and replay it with sandbox --run', () => {
  beforeAll(() => {
    ensureBuiltCli();
    t = new TmuxTerminal();
  });
  afterAll(() => t?.close());

  it('replays the exported run to the same state', async () => {
    const env = { TCP_TIMEWAIT_CONFIG_DIR: `${t.tmp}/cfg` };
    const out = `${t.tmp}/out`;
    t.start('first', `sandbox --scenario lost-final-ack --export-dir '${out}'`, { columns: 80, rows: 24, env });
    await t.until((s) => s.includes('Sandbox · lost-final-ack'), 'the sandbox');
    await t.pressUntil('n', (s) => s.includes('t=0.300s'), 'the data in flight');
    t.keys('p');
    await t.until((s) => s.includes('Perturb the run'), 'the perturb menu');
    t.keys('Enter');
    await t.until((s) => s.includes('Applied: drop'), 'the drop applied');
    await t.pressUntil('n', (s) => s.includes('FIN_WAIT_1 #1'), 'the client closing');
    t.keys('e');
    const exported = await t.until((s) => s.includes('.run.yaml to'), 'the export message');
    const before = moment(exported);
    expect(before.panel[0]).toMatch(/^client 12\./);
    const runFile = readdirSync(out).find((f) => f.endsWith('.run.yaml'))!;
    const yaml = readFileSync(path.join(out, runFile), 'utf8');
    expect(yaml).toMatch(/^format: tcp-timewait-run\nversion: 1\nscenario: lost-final-ack\n/m);
    expect(yaml).toMatch(/- kind: drop\n(.*\n)*? {4}afterStep: \d+/);
    t.keys('q');
    await t.exited('first');

    t.start('replay', `sandbox --run '${path.join(out, runFile)}'`, { columns: 80, rows: 24, env });
    const replayed = await t.until((s) => s.includes('Sandbox · lost-final-ack · run file') && s.includes('client 12.'), 'the replayed run');
    expect(moment(replayed)).toEqual(before);

    // The same file, headless: the dropped segment is in the trace.
    const r = runCli(['simulate', '--scenario', path.join(out, runFile), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/"kind":"drop".*"reason":"perturbation"/);
  });

  it('refuses a newer-version run file in one line', () => {
    const r = runCli(['sandbox', '--run', 'test/fixtures/runs/newer-version.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tcp-timewait: test/fixtures/runs/newer-version.yaml:2:10: found version 2 (written by a newer tcp-timewait), expected version 1; update tcp-timewait to replay it\n');
  });
});
