import { describe, expect, it } from 'vitest';
import { toPcap } from '../../src/export/pcap.js';
import { LINKTYPE_ETHERNET, LINKTYPE_RAW } from '../../src/export/pcap/pcapFile.js';
import type { TraceEvent } from '../../src/sim/trace.js';
import { lostFinalAckTrace, loopingTrace, TraceBuilder } from './fixtures.js';
import { decodeIpv4Tcp, readPcap } from './pcapReader.js';

const FLAG = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 } as const;
const flagByte = (flags: readonly string[]): number => flags.reduce((b, f) => b | FLAG[f as keyof typeof FLAG], 0);
const count = (trace: TraceEvent[], pred: (e: TraceEvent) => boolean): number => trace.filter(pred).length;

describe('pcap file layout', () => {
  it('writes the classic little-endian global header, raw IPv4 by default', () => {
    const file = toPcap(lostFinalAckTrace());
    expect(Array.from(file.subarray(0, 4))).toEqual([0xd4, 0xc3, 0xb2, 0xa1]);
    const f = readPcap(file);
    expect([f.major, f.minor, f.linkType, f.snaplen]).toEqual([2, 4, LINKTYPE_RAW, 65535]);
  });

  it('an empty trace is a valid file with no packets', () => {
    expect(toPcap([]).length).toBe(24);
  });

  it('timestamps are simulated time in seconds and microseconds', () => {
    const trace = lostFinalAckTrace();
    const sends = trace.filter((e) => e.kind === 'send');
    const f = readPcap(toPcap(trace));
    expect(f.packets.map((p) => p.tsSec * 1_000_000 + p.tsUsec)).toEqual(sends.map((e) => e.at));
  });
});

describe('IPv4 and TCP headers', () => {
  it('carry every field of the segment as it left its sender', () => {
    const trace = lostFinalAckTrace();
    const sends = trace.filter((e): e is Extract<TraceEvent, { kind: 'send' }> => e.kind === 'send');
    const packets = readPcap(toPcap(trace)).packets.map((p) => decodeIpv4Tcp(p.bytes));
    expect(packets).toHaveLength(sends.length);
    packets.forEach((p, i) => {
      const seg = sends[i]!.seg;
      expect([p.version, p.ihl, p.protocol, p.dontFragment, p.dataOffset]).toEqual([4, 20, 6, true, 20]);
      expect(`${p.src}:${p.srcPort}`).toBe(seg.src);
      expect(`${p.dst}:${p.dstPort}`).toBe(seg.dst);
      expect(p.ttl).toBe(seg.ttl);
      expect(p.seq).toBe(seg.seq);
      expect(p.ack).toBe(seg.flags.includes('ACK') ? seg.ack : 0);
      expect(p.flags).toBe(flagByte(seg.flags));
      expect(p.window).toBe(seg.window);
      expect(p.payload).toBe(seg.data);
      expect(p.totalLength).toBe(40 + seg.len);
    });
  });

  it('keeps 32-bit sequence numbers whole, near the wrap', () => {
    const b = new TraceBuilder();
    b.segment('client', ['FIN', 'ACK'], 0xffffffff, 0x80000000, 0);
    const [p] = readPcap(toPcap(b.build())).packets.map((x) => decodeIpv4Tcp(x.bytes));
    expect([p!.seq, p!.ack]).toEqual([0xffffffff, 0x80000000]);
  });

  it('gives a network-made copy the IP identification of the original, a retransmission its own', () => {
    const b = new TraceBuilder();
    const orig = b.segment('client', ['PSH', 'ACK'], 1, 1, 0, { extra: { data: 'x' } });
    b.segment('client', ['PSH', 'ACK'], 1, 1, 0.001, { extra: { data: 'x', copyOf: orig.id } });
    b.segment('client', ['PSH', 'ACK'], 1, 1, 1, { extra: { data: 'x', retransmitOf: orig.id } });
    const ids = readPcap(toPcap(b.build())).packets.map((x) => decodeIpv4Tcp(x.bytes).id);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
  });
});

describe('capture points', () => {
  const trace = lostFinalAckTrace();
  const at = (capture: 'sender' | 'client' | 'server' | 'r1' | 'r2') => readPcap(toPcap(trace, { capture })).packets.map((p) => decodeIpv4Tcp(p.bytes));

  it("an endpoint's interface sees what it sends (TTL 64) and what reaches it (TTL lowered twice)", () => {
    const client = at('client');
    const expected =
      count(trace, (e) => e.kind === 'send' && e.host === 'client') + count(trace, (e) => e.kind === 'deliver' && e.host === 'client');
    expect(client).toHaveLength(expected);
    const outgoing = client.filter((p) => p.src === '12.106.32.254');
    const incoming = client.filter((p) => p.src === '206.168.112.219');
    expect(new Set(outgoing.map((p) => p.ttl))).toEqual(new Set([64]));
    expect(new Set(incoming.map((p) => p.ttl))).toEqual(new Set([62]));
  });

  it('the lost final ACK is seen leaving the client, and nowhere after r1', () => {
    const isFinalAck = (p: { flags: number; seq: number; ack: number }) => p.flags === FLAG.ACK && p.seq === 1013 && p.ack === 5002;
    expect(at('sender').filter(isFinalAck)).toHaveLength(2); // the lost one and the answer to the resent FIN
    expect(at('client').filter(isFinalAck)).toHaveLength(2);
    expect(at('r1').filter(isFinalAck)).toHaveLength(1);
    expect(at('r2').filter(isFinalAck)).toHaveLength(1);
    expect(at('server').filter(isFinalAck)).toHaveLength(1);
  });

  it('a router sees each lap of a looping segment, its TTL one lower each time it passes', () => {
    const loop = loopingTrace();
    const laps = readPcap(toPcap(loop, { capture: 'r1' }))
      .packets.map((p) => decodeIpv4Tcp(p.bytes))
      .filter((p) => p.payload === 'RETR x\r\n');
    const hops = count(loop, (e) => e.kind === 'hop' && e.host === 'r1' && e.seg.id === 1);
    expect(laps.length).toBe(hops);
    expect(laps.length).toBeGreaterThan(2);
    for (let i = 1; i < laps.length; i++) expect(laps[i]!.ttl).toBeLessThan(laps[i - 1]!.ttl);
  });

  it('Ethernet framing puts fixed MACs in front of the same IPv4 packet', () => {
    const raw = readPcap(toPcap(trace, { capture: 'r1' }));
    const eth = readPcap(toPcap(trace, { capture: 'r1', linkType: 'ethernet' }));
    expect(eth.linkType).toBe(LINKTYPE_ETHERNET);
    expect(eth.packets).toHaveLength(raw.packets.length);
    eth.packets.forEach((p, i) => {
      expect(Array.from(p.bytes.subarray(12, 14))).toEqual([0x08, 0x00]);
      expect(p.bytes.subarray(14)).toEqual(raw.packets[i]!.bytes);
      // Out of r1 (02:00:00:00:01:01) toward r2 or the client.
      expect(Array.from(p.bytes.subarray(6, 12))).toEqual([2, 0, 0, 0, 1, 1]);
    });
  });
});
