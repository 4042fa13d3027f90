/**
 * The pcaps of real runs, read back by real tools. tcpdump and tshark decode every packet;
 * each one is checked against the trace event it came from (flags, seq/ack, TTL, length,
 * time); tshark validates IP and TCP checksums and reports nothing malformed; and Wireshark's
 * TCP analysis recognises the server's resent FIN as a retransmission.
 *
 * .ci/run installs tcpdump and tshark from Debian's packages. Elsewhere, without them, these
 * tests are skipped, unless CI is set, where their absence is a failure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capturedPackets, type CapturedPacket, type CapturePoint } from '../../src/export/pcap/capture.js';
import { toPcap } from '../../src/export/pcap.js';
import { getScenario, Simulation, type Perturbation, type TraceEvent } from '../../src/sim/index.js';

const has = (tool: string): boolean => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;
const toolsPresent = has('tcpdump') && has('tshark');
if (!toolsPresent && process.env.CI) throw new Error('tcpdump and tshark are required in CI (.ci/run installs them)');

const POINTS: CapturePoint[] = ['sender', 'client', 'server', 'r1', 'r2'];
const dir = mkdtempSync(join(tmpdir(), 'tcp-timewait-pcap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** normal-close, with the server's FIN duplicated by the network and an old segment injected. */
const PERTURBED = 'normal-close+duplicate+inject';
const EXTRA: Perturbation[] = [
  { kind: 'duplicate', match: { from: 'server', flags: ['FIN'] } },
  { kind: 'inject', at: 0.3, segment: { from: 'client', flags: ['PSH', 'ACK'], seq: 900, ack: 4000, data: 'old', incarnation: 0, born: 0 } },
];

function run(name: string): readonly TraceEvent[] {
  const perturbed = name === PERTURBED;
  const spec = getScenario(perturbed ? 'normal-close' : name);
  if (!spec) throw new Error(`no built-in scenario ${name}`);
  const sim = Simulation.create(spec, perturbed ? { perturbations: EXTRA } : {});
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: spec.until });
  return sim.trace;
}

function writeCapture(name: string, trace: readonly TraceEvent[], point: CapturePoint): string {
  const file = join(dir, `${name}-${point}.pcap`);
  writeFileSync(file, toPcap(trace, { capture: point }));
  return file;
}

interface TcpdumpPacket {
  time: string;
  ttl: number;
  src: string;
  dst: string;
  flags: string;
  checksum: string;
  seq?: string;
  ack?: number;
  length: number;
}

/** `tcpdump -nn -v -S -tt`: an IP line, then an indented TCP line (then maybe payload lines). */
function tcpdump(file: string): TcpdumpPacket[] {
  const out = execFileSync('tcpdump', ['-nn', '-v', '-S', '-tt', '-r', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const lines = out.split('\n');
  const packets: TcpdumpPacket[] = [];
  for (let i = 0; i < lines.length; i++) {
    const ip = /^(\d+\.\d{6}) IP \(tos 0x0, ttl (\d+), id \d+, offset 0, flags \[DF\], proto TCP \(6\), length \d+\)$/.exec(lines[i]!);
    if (!ip) continue;
    const tcp = /^\s+(\S+) > (\S+): Flags \[([^\]]*)\], cksum 0x[0-9a-f]{4} \((\w+)\), (.*)$/.exec(lines[i + 1] ?? '');
    if (!tcp) throw new Error(`tcpdump: no TCP line after ${lines[i]}: ${lines[i + 1]}`);
    const rest = tcp[5]!;
    const p: TcpdumpPacket = {
      time: ip[1]!,
      ttl: Number(ip[2]),
      src: tcp[1]!,
      dst: tcp[2]!,
      flags: tcp[3]!,
      checksum: tcp[4]!,
      length: Number(/length (\d+)/.exec(rest)![1]),
    };
    const seq = /(?:^|, )seq (\d+(?::\d+)?)/.exec(rest);
    if (seq) p.seq = seq[1]!;
    const ack = /(?:^|, )ack (\d+)/.exec(rest);
    if (ack) p.ack = Number(ack[1]);
    packets.push(p);
  }
  return packets;
}

const TSHARK_FIELDS = [
  'frame.number',
  'ip.ttl',
  'tcp.flags',
  'tcp.seq',
  'tcp.ack',
  'tcp.len',
  'ip.checksum.status',
  'tcp.checksum.status',
  '_ws.malformed',
  'tcp.analysis.retransmission',
  '_ws.expert.severity',
];

function tshark(file: string): Record<string, string>[] {
  const args = ['-r', file, '-T', 'fields', '-E', 'separator=|', '-E', 'occurrence=a', '-E', 'aggregator=,'];
  // Validate both checksums (off by default in Wireshark) and show absolute sequence numbers.
  args.push('-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE', '-o', 'tcp.relative_sequence_numbers:FALSE');
  for (const f of TSHARK_FIELDS) args.push('-e', f);
  const out = execFileSync('tshark', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => Object.fromEntries(line.split('|').map((v, i) => [TSHARK_FIELDS[i]!, v])));
}

const FLAG_BITS = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 } as const;
const tcpdumpFlags = (flags: readonly string[]): string =>
  ['FIN', 'SYN', 'RST', 'PSH', 'ACK'].filter((f) => flags.includes(f)).map((f) => (f === 'ACK' ? '.' : f[0])).join('') || 'none';
const dotted = (addr: string): string => addr.replace(/:(\d+)$/, '.$1');

function expectMatches(expected: CapturedPacket[], dumped: TcpdumpPacket[]): void {
  expect(dumped).toHaveLength(expected.length);
  dumped.forEach((d, i) => {
    const seg = expected[i]!.seg;
    const where = `packet ${i + 1} (#${seg.id})`;
    expect(d.time, where).toBe((expected[i]!.at / 1e6).toFixed(6));
    expect([d.src, d.dst], where).toEqual([dotted(seg.src), dotted(seg.dst)]);
    expect(d.flags, where).toBe(tcpdumpFlags(seg.flags));
    expect(d.ttl, where).toBe(seg.ttl);
    expect(d.checksum, where).toBe('correct');
    expect(d.length, where).toBe(seg.len);
    // tcpdump prints seq only for segments that occupy sequence space or carry an RST.
    const showsSeq = seg.len > 0 || seg.flags.some((f) => f === 'SYN' || f === 'FIN' || f === 'RST');
    expect(d.seq, where).toBe(showsSeq ? (seg.len > 0 ? `${seg.seq}:${seg.seq + seg.len}` : `${seg.seq}`) : undefined);
    expect(d.ack, where).toBe(seg.flags.includes('ACK') ? seg.ack : undefined);
  });
}

function expectClean(expected: CapturedPacket[], rows: Record<string, string>[]): void {
  expect(rows).toHaveLength(expected.length);
  rows.forEach((r, i) => {
    const seg = expected[i]!.seg;
    const where = `frame ${i + 1} (#${seg.id})`;
    expect(r['ip.checksum.status'], where).toBe('1'); // 1 = Good
    expect(r['tcp.checksum.status'], where).toBe('1');
    expect(r['_ws.malformed'], where).toBe('');
    // No expert item at error severity (PI_ERROR = 0x00800000).
    for (const s of (r['_ws.expert.severity'] ?? '').split(',').filter(Boolean)) expect(Number(s), where).toBeLessThan(0x00800000);
    expect(Number(r['ip.ttl']), where).toBe(seg.ttl);
    expect(Number(r['tcp.seq']), where).toBe(seg.seq);
    expect(Number(r['tcp.ack']), where).toBe(seg.flags.includes('ACK') ? seg.ack : 0);
    expect(Number(r['tcp.len']), where).toBe(seg.len);
    expect(Number(r['tcp.flags']), where).toBe(seg.flags.reduce((b, f) => b | FLAG_BITS[f], 0));
  });
}

describe.skipIf(!toolsPresent)('pcaps of built-in scenarios, read back by tcpdump and tshark', () => {
  for (const name of ['lost-final-ack', 'wandering-duplicate', PERTURBED]) {
    describe(name, () => {
      const trace = run(name);
      for (const point of POINTS) {
        it(`capture at ${point}: every packet's flags, seq/ack, TTL and time match the trace`, () => {
          const expected = capturedPackets(trace, point);
          expect(expected.length).toBeGreaterThan(0);
          expectMatches(expected, tcpdump(writeCapture(name, trace, point)));
        });

        it(`capture at ${point}: tshark finds good checksums and nothing malformed`, () => {
          const expected = capturedPackets(trace, point);
          expectClean(expected, tshark(writeCapture(name, trace, point)));
        });
      }
    });
  }

  it("Wireshark's TCP analysis flags the server's resent FIN in lost-final-ack as a retransmission", () => {
    const trace = run('lost-final-ack');
    for (const point of ['sender', 'server', 'client'] as const) {
      const expected = capturedPackets(trace, point);
      const rows = tshark(writeCapture('lost-final-ack', trace, point));
      const serverFins = expected.flatMap((p, i) => (p.seg.from === 'server' && p.seg.flags.includes('FIN') ? [i] : []));
      expect(serverFins.length, point).toBe(2);
      const [first, second] = serverFins as [number, number];
      expect(expected[second]!.seg.retransmitOf, point).toBe(expected[first]!.seg.id);
      expect(rows[first]!['tcp.analysis.retransmission'], point).toBe('');
      expect(rows[second]!['tcp.analysis.retransmission'], point).not.toBe('');
    }
  });

  it('a router sees every lap of the wandering duplicate, its TTL falling by one per pass', () => {
    const trace = run('wandering-duplicate');
    const looped = trace.find((e) => e.kind === 'hop' && e.looping);
    expect(looped).toBeDefined();
    const id = (looped as Extract<TraceEvent, { kind: 'hop' }>).seg.id;
    for (const point of ['r1', 'r2'] as const) {
      const laps = capturedPackets(trace, point).flatMap((p, i) => (p.seg.id === id ? [i] : []));
      const dumped = tcpdump(writeCapture('wandering-duplicate', trace, point));
      const ttls = laps.map((i) => dumped[i]!.ttl);
      expect(ttls.length, point).toBeGreaterThan(3);
      for (let k = 1; k < ttls.length; k++) expect(ttls[k - 1]! - ttls[k]!, point).toBe(2);
    }
  });

  it('with Ethernet framing, tcpdump and tshark decode the same packets just as cleanly', () => {
    const trace = run('lost-final-ack');
    for (const point of ['sender', 'r1'] as const) {
      const file = join(dir, `lost-final-ack-${point}-ether.pcap`);
      writeFileSync(file, toPcap(trace, { capture: point, linkType: 'ethernet' }));
      const expected = capturedPackets(trace, point);
      expectMatches(expected, tcpdump(file));
      expectClean(expected, tshark(file));
    }
  });

  it('a network-made duplicate reaches the client twice with one IP identification; an injected segment is seen entering', () => {
    const trace = run(PERTURBED);
    const client = capturedPackets(trace, 'client');
    const fins = client.flatMap((p, i) => (p.seg.from === 'server' && p.seg.flags.includes('FIN') ? [i] : []));
    expect(fins).toHaveLength(2);
    const ids = tsharkIds(writeCapture(PERTURBED, trace, 'client'));
    expect(ids[fins[0]!]).toBe(ids[fins[1]!]);
    const sender = tcpdump(writeCapture(PERTURBED, trace, 'sender'));
    expect(sender.filter((p) => p.seq === '900:903')).toHaveLength(1);
  });
});

function tsharkIds(file: string): string[] {
  const out = execFileSync('tshark', ['-r', file, '-T', 'fields', '-e', 'ip.id'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.split('\n').filter(Boolean);
}
