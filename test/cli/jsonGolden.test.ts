/**
 * The bytes of `simulate --format json` (and text) are a public contract. This test pins them:
 * every built-in scenario, under the default policies and under --preset linux, plus a few runs
 * with perturbations and a saved run file, against hashes recorded from the engine before its
 * throughput and memory work (issue 17). A change to the engine that changes any byte fails here.
 *
 * Beside the contract's JSON lines and text, each run's pcap as captured at router r1 (the TTL
 * after each hop), its pcapng, and every trace event with every field (hops and steps included,
 * keys sorted) are pinned too: the UI reads those, and they catch a shared record gone wrong.
 *
 * After an intended change to the contract, regenerate the fixture with
 *   UPDATE_GOLDEN=1 npx vitest run test/cli/jsonGolden.test.ts
 * and say in the commit why the bytes changed.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runSimulation, writeTrace } from '../../src/cli/simulateCommand.js';
import { parseSimulateArgs } from '../../src/cli/simulateOptions.js';
import { toPcap, toPcapng } from '../../src/export/index.js';
import { SCENARIO_NAMES, type TraceEvent } from '../../src/sim/index.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/json-golden.json', import.meta.url));
const RUN_FILE = fileURLToPath(new URL('../fixtures/runs/good.yaml', import.meta.url));

const FORMATS = ['json', 'text', 'pcap-r1', 'pcapng', 'trace'] as const;
type Format = (typeof FORMATS)[number];

interface GoldenEntry {
  args: string[];
  format: Format;
  events: number;
  bytes: number;
  sha256: string;
}

/**
 * Churn runs for as long as it is let; two and a half minutes of it is a few thousand
 * connections, long enough for TIME_WAITs to end (60 s under both policy sets).
 */
const CHURN = ['-s', 'churn', '--until', '150'];
/** Churn from a narrow port range, so ports come round again while (and after) in TIME_WAIT. */
const NARROW = ['--policy', 'ephemeralFirst=50000', '--policy', 'ephemeralLast=50150'];

const CASES: string[][] = [
  ...[...SCENARIO_NAMES.map((s) => ['-s', s]), CHURN].flatMap((base) => [base, [...base, '--preset', 'linux']]),
  // Perturbations: a lost segment, a duplicate, a routing loop (TTL falls hop by hop), random loss.
  ['-s', 'lost-final-ack', '--drop', 'from=client,flags=ACK,nth=3'],
  ['-s', 'normal-close', '--duplicate', 'from=server,flags=FIN', '--preset', 'linux'],
  ['-s', 'normal-close', '--loop', 'from=client,data,nth=1,for=6'],
  ['-s', 'churn', '--until', '20', '--loss', '0.05', '--seed', '7'],
  ['-s', 'churn', '--until', '150', ...NARROW],
  ['-s', 'churn', '--until', '150', ...NARROW, '--preset', 'linux', '--policy', 'tcpTwReuse=1'],
  ['-s', RUN_FILE],
];

/** Collects what simulate would write to stdout. */
function collector(): { stream: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, 'utf8'));
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

/** Every event with every field, keys sorted (so only values, not field order, are pinned). */
function canonicalTrace(trace: readonly TraceEvent[]): Buffer {
  const sorted = (v: unknown): unknown =>
    v === null || typeof v !== 'object'
      ? v
      : Array.isArray(v)
        ? v.map(sorted)
        : Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
  return Buffer.from(trace.map((ev) => `${JSON.stringify(sorted(ev))}\n`).join(''), 'utf8');
}

/** Each case runs once; its five outputs are taken from the same finished run. */
const runs = new Map<string, ReturnType<typeof runSimulation>>();
function run(args: string[]): ReturnType<typeof runSimulation> {
  const key = args.join('\0');
  let sim = runs.get(key);
  if (!sim) runs.set(key, (sim = runSimulation(parseSimulateArgs(args))));
  return sim;
}

async function output(args: string[], format: Format): Promise<{ events: number; bytes: Buffer }> {
  const textual = format === 'json' || format === 'text';
  const req = parseSimulateArgs([...args, '--format', textual ? format : 'json']);
  const trace = (await run(args)).trace;
  if (format === 'pcap-r1') return { events: trace.length, bytes: Buffer.from(toPcap(trace, { capture: 'r1' })) };
  if (format === 'pcapng') return { events: trace.length, bytes: Buffer.from(toPcapng(trace)) };
  if (format === 'trace') return { events: trace.length, bytes: canonicalTrace(trace) };
  const out = collector();
  writeTrace(out.stream, trace, req.format, req.width);
  return { events: trace.length, bytes: out.bytes() };
}

async function measure(args: string[], format: Format): Promise<GoldenEntry> {
  const { events, bytes } = await output(args, format);
  return { args: storedArgs(args), format, events, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The run file's path relative to the repository, so the fixture does not name a checkout. */
function storedArgs(args: string[]): string[] {
  return args.map((a) => (a === RUN_FILE ? 'test/fixtures/runs/good.yaml' : a));
}

const keyOf = (e: { args: string[]; format: string }): string => `${e.format} ${e.args.join(' ')}`;

const update = process.env.UPDATE_GOLDEN === '1';

describe('simulate output is byte for byte what it was', () => {
  if (update) {
    it('regenerates the fixture', async () => {
      const entries: GoldenEntry[] = [];
      for (const args of CASES) for (const format of FORMATS) entries.push(await measure(args, format));
      writeFileSync(FIXTURE, `${JSON.stringify(entries, null, 2)}\n`);
    }, 120_000);
    return;
  }

  const golden = new Map((JSON.parse(readFileSync(FIXTURE, 'utf8')) as GoldenEntry[]).map((e) => [keyOf(e), e]));

  it('the fixture covers every case (regenerate it when a case is added)', () => {
    const wanted = CASES.flatMap((args) => FORMATS.map((format) => keyOf({ args: storedArgs(args), format })));
    expect([...golden.keys()].sort()).toEqual(wanted.sort());
  });

  it.each(CASES.flatMap((args) => FORMATS.map((format) => [`${format}: ${storedArgs(args).join(' ')}`, args, format] as const)))(
    '%s',
    async (_name, args, format) => {
      const got = await measure(args, format);
      expect(got).toEqual(golden.get(keyOf(got)));
    },
    60_000,
  );
});
