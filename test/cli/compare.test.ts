/** `simulate --compare` on the built CLI: both ladders side by side, or one JSON document. */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSimulateArgs } from '../../src/cli/simulateOptions.js';
import { ensureBuilt, runCli } from './builtCli.js';

beforeAll(() => ensureBuilt());

interface JsonEvent {
  t: number;
  kind: string;
  host: string;
  seg?: { flags: string[]; retransmitOf?: number };
}
interface Point {
  at: number;
  indexA: number | null;
  indexB: number | null;
  sentence: string;
}
interface CompareDoc {
  format: string;
  a: { label: string; policies: { timeWait: string }; events: JsonEvent[] };
  b: { label: string; policies: { timeWait: string }; events: JsonEvent[] };
  divergence: (Point & { kind: string; earlier?: Point }) | null;
}

const SENTENCE = 'At 1.850 s the retransmitted FIN reaches the client: with TIME_WAIT on the client answers ACK; with TIME_WAIT off it answers RST.';

describe('simulate --compare', () => {
  it('text: both ladders at 160 columns, the divergence marked on both at the retransmitted FIN', () => {
    const r = runCli(['simulate', '-s', 'lost-final-ack', '--compare', 'time-wait=off']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^run A: TIME_WAIT on +\| run B: TIME_WAIT off$/);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(160);
    const mark = lines.find((l) => l.includes('>> diverges'))!;
    expect(mark).toMatch(/>> diverges: client sends ACK.*\|.*>> diverges: client sends RST/);
    expect(r.stdout).toContain(SENTENCE);
  });

  it('--format ladder is the same as text', () => {
    const text = runCli(['simulate', '-s', 'lost-final-ack', '--compare', 'time-wait=off']).stdout;
    expect(runCli(['simulate', '-s', 'lost-final-ack', '--compare', 'time-wait=off', '--format', 'ladder']).stdout).toBe(text);
  });

  it('json: one document with both traces and the divergence at the retransmitted FIN', () => {
    const r = runCli(['simulate', '-s', 'lost-final-ack', '--compare', 'time-wait=off', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as CompareDoc;
    expect(doc.format).toBe('tcp-timewait-compare');
    expect([doc.a.label, doc.b.label]).toEqual(['TIME_WAIT on', 'TIME_WAIT off']);
    expect([doc.a.policies.timeWait, doc.b.policies.timeWait]).toEqual(['rfc', 'off']);
    const d = doc.divergence!;
    expect(d.at).toBe(1.85);
    expect(d.sentence).toBe(SENTENCE);
    const a = doc.a.events[d.indexA!]!;
    const b = doc.b.events[d.indexB!]!;
    expect([a.kind, a.host, a.seg?.flags]).toEqual(['send', 'client', ['ACK']]);
    expect([b.kind, b.host, b.seg?.flags]).toEqual(['send', 'client', ['RST']]);
    const cause = doc.a.events[d.indexA! - 1]!;
    expect(cause.kind === 'deliver' && cause.seg?.flags.includes('FIN') && cause.seg.retransmitOf !== undefined).toBe(true);
    // The events are those of --format json, line for line.
    const plain = runCli(['simulate', '-s', 'lost-final-ack', '--format', 'json']).stdout.trim().split('\n').map((l) => JSON.parse(l) as JsonEvent);
    expect(doc.a.events).toEqual(plain);
  });

  it('the flags of the run apply to both sides (here the preset)', () => {
    const doc = JSON.parse(runCli(['simulate', '-s', 'lost-final-ack', '--preset', 'rfc1122', '--compare', 'preset=bsd', '--format', 'json']).stdout) as CompareDoc;
    expect([doc.a.label, doc.b.label]).toEqual(['rfc1122 preset', 'bsd preset']);
    expect(doc.divergence?.sentence).toContain('starts its 2MSL timer (4m 00s)');
  });

  it.each([
    [['--compare', 'time-wait=off', '--format', 'mermaid'], /^tcp-timewait: --compare: --format mermaid is not accepted/],
    [['--compare', 'time-wait=maybe'], /^tcp-timewait: --compare time-wait: 'maybe' is not accepted; expected one of rfc, off/],
    [['--compare', 'bogus=1'], /^tcp-timewait: --compare: 'bogus=1' is not accepted/],
    [['--compare', 'time-wait=off,'], /^tcp-timewait: --compare: .* expected KEY=VALUE/],
    [['--compare', 'time-wait=off', '--pcap', 'x.pcap'], /^tcp-timewait: --compare: --pcap and --pcapng are not accepted/],
    [['--compare', 'time-wait=off', '--width', '100'], /^tcp-timewait: --width: 100 is too narrow for --compare; the least accepted is 123/],
  ])('%j: one usage line, exit 2', (args, message) => {
    const r = runCli(['simulate', '-s', 'lost-final-ack', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});

describe('--compare parsing: the policy flags own words', () => {
  it.each([
    ['time-wait=off', { timeWait: 'off' }],
    ['rfc1337=on', { rstInTimeWait: 'ignore' }],
    ['msl=60,berkeley=off', { mslSeconds: 60, berkeleySynInTimeWait: false }],
    ['timestamps=on', { timestamps: true }],
    // A preset first, whatever the order, so a value given with it wins.
    ['msl=10,preset=rfc1122', { mslSeconds: 10, timeWaitFixedSeconds: null, berkeleySynInTimeWait: false }],
  ])('%s', (text, want) => {
    expect(parseSimulateArgs(['--compare', text]).compare).toEqual(want);
  });

  it('the run itself keeps its flags, and the width defaults to 160', () => {
    const req = parseSimulateArgs(['--time-wait', 'off', '--compare', 'time-wait=rfc']);
    expect(req.policies).toEqual({ timeWait: 'off' });
    expect(req.width).toBe(160);
    expect(parseSimulateArgs([]).width).toBe(80);
  });
});
