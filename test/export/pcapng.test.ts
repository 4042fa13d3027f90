/**
 * pcapng export: the blocks are well formed (walked back here byte by byte), there is one
 * interface per capture point, every packet carries a comment, and tshark reads the file with
 * nothing malformed and shows the comments as frame.comment. Without tshark the tool checks are
 * skipped with a reason, except under CI, where .ci/run installs it and its absence fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toPcapng, PCAPNG_POINTS } from '../../src/export/pcapng.js';
import { getScenario, Simulation, type Perturbation, type TraceEvent } from '../../src/sim/index.js';

const hasTshark = spawnSync('tshark', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasTshark && process.env.CI) throw new Error('tshark is required in CI (.ci/run installs it)');

const dir = mkdtempSync(join(tmpdir(), 'tcp-timewait-pcapng-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** lost-final-ack (the client's last ACK is lost at r2) with the server's FIN duplicated. */
function run(): readonly TraceEvent[] {
  const spec = getScenario('lost-final-ack')!;
  const extra: Perturbation[] = [{ kind: 'duplicate', match: { from: 'server', flags: ['FIN'] } }];
  const sim = Simulation.create(spec, { perturbations: extra });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: spec.until });
  return sim.trace;
}

interface Block {
  type: number;
  body: DataView;
}

function blocks(bytes: Uint8Array): Block[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Block[] = [];
  let off = 0;
  while (off < bytes.length) {
    const type = v.getUint32(off, true);
    const len = v.getUint32(off + 4, true);
    expect(len % 4).toBe(0);
    expect(v.getUint32(off + len - 4, true)).toBe(len);
    out.push({ type, body: new DataView(bytes.buffer, bytes.byteOffset + off + 8, len - 12) });
    off += len;
  }
  expect(off).toBe(bytes.length);
  return out;
}

/** The comment option (code 1) of an Enhanced Packet Block body. */
function epbComment(body: DataView): string | undefined {
  let off = 20 + ((body.getUint32(12, true) + 3) & ~3);
  while (off < body.byteLength) {
    const code = body.getUint16(off, true);
    const len = body.getUint16(off + 2, true);
    if (code === 0) return undefined;
    if (code === 1) return new TextDecoder().decode(new Uint8Array(body.buffer, body.byteOffset + off + 4, len));
    off += 4 + ((len + 3) & ~3);
  }
  return undefined;
}

const trace = run();
const bytes = toPcapng(trace);
const file = join(dir, 'lost-final-ack.pcapng');
writeFileSync(file, bytes);

describe('toPcapng', () => {
  const all = blocks(bytes);
  const epbs = all.filter((b) => b.type === 6);

  it('is a section header, one interface per capture point, then one packet block per packet seen', () => {
    expect(all[0]!.type).toBe(0x0a0d0d0a);
    expect(all[0]!.body.getUint32(0, true)).toBe(0x1a2b3c4d);
    expect(all.slice(1, 1 + PCAPNG_POINTS.length).map((b) => b.type)).toEqual([1, 1, 1, 1]);
    const seen = trace.filter((e) => e.kind === 'send' || e.kind === 'deliver' || e.kind === 'hop' || e.kind === 'drop').length;
    expect(epbs).toHaveLength(seen);
  });

  it('puts each packet on the interface of the node that saw it', () => {
    const drop = trace.find((e) => e.kind === 'drop')!;
    const i = epbs.findIndex((b) => epbComment(b.body)?.startsWith('lost at'));
    expect(PCAPNG_POINTS[epbs[i]!.body.getUint32(0, true)]).toBe(drop.host);
  });

  it.each([
    ['the lost final ACK', /^lost at r2 \(perturbation\); segment #\d+, incarnation 1, born 0\.85 s, age 0\.040 s$/],
    ['a network-made copy', /^duplicate of #\d+; segment #\d+, incarnation 1, born /],
    ['a plain segment', /^segment #1, incarnation 1, born 0\.10 s, age 0\.000 s$/],
  ])('comments %s', (_what, pattern) => {
    expect(epbs.map((b) => epbComment(b.body)).some((c) => c !== undefined && pattern.test(c))).toBe(true);
  });

  it('gives every packet a comment', () => {
    expect(epbs.every((b) => epbComment(b.body) !== undefined)).toBe(true);
  });
});

if (!hasTshark) console.warn('pcapng: the tshark checks are skipped because tshark is not installed');

describe.skipIf(!hasTshark)('tshark reads the pcapng', () => {
  const tshark = (...args: string[]): string =>
    execFileSync('tshark', ['-r', file, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

  it('finds no malformed packet', () => {
    expect(tshark('-Y', '_ws.malformed').trim()).toBe('');
    expect(tshark().trim().split('\n')).toHaveLength(blocks(bytes).filter((b) => b.type === 6).length);
  });

  it('shows the comments as frame.comment, on the four named interfaces', () => {
    const rows = tshark('-Y', 'frame.comment', '-T', 'fields', '-e', 'frame.interface_name', '-e', 'frame.comment').trim().split('\n');
    expect(rows.some((r) => /^r2\tlost at r2 \(perturbation\); /.test(r))).toBe(true);
    expect(rows.some((r) => /\tduplicate of #\d+; /.test(r))).toBe(true);
    expect(new Set(rows.map((r) => r.split('\t')[0]))).toEqual(new Set(PCAPNG_POINTS));
  });
});
