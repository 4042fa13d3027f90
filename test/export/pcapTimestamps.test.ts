/** The timestamps option (RFC 7323 §3.2) in exported packets, as tcpdump and Wireshark read it. */
import { describe, expect, it } from 'vitest';
import { ipPacketFor } from '../../src/export/pcap.js';
import { tcpdumpLine } from '../../src/export/text.js';
import { segmentJson } from '../../src/export/jsonLines.js';
import type { SegmentRecord } from '../../src/sim/index.js';

const seg: SegmentRecord = {
  id: 1, src: '12.106.32.254:1500', dst: '206.168.112.219:21', from: 'client', flags: ['PSH', 'ACK'],
  seq: 1001, ack: 5001, len: 2, window: 65535, data: 'hi', ttl: 64, incarnation: 1, born: 0,
};

describe('timestamps option in exports', () => {
  it('a segment with TSval/TSecr gets a 32-byte TCP header: NOP, NOP, kind 8, length 10, TSval, TSecr', () => {
    const ip = ipPacketFor({ ...seg, tsval: 123456, tsecr: 654321 });
    const tcp = ip.subarray(20);
    expect(tcp[12]! >> 4).toBe(8); // data offset: 8 words
    expect([...tcp.subarray(20, 24)]).toEqual([1, 1, 8, 10]);
    const v = new DataView(tcp.buffer, tcp.byteOffset);
    expect(v.getUint32(24)).toBe(123456);
    expect(v.getUint32(28)).toBe(654321);
    expect(new TextDecoder().decode(tcp.subarray(32))).toBe('hi');
    expect(ip.length).toBe(20 + 32 + 2);
  });
  it('without the option the header stays 20 bytes', () => {
    const tcp = ipPacketFor(seg).subarray(20);
    expect(tcp[12]! >> 4).toBe(5);
  });
  it('JSON lines carry tsval and tsecr only when present', () => {
    expect(segmentJson({ ...seg, tsval: 100, tsecr: 50 })).toMatchObject({ tsval: 100, tsecr: 50 });
    expect(segmentJson(seg)).not.toHaveProperty('tsval');
  });
  it('the text format prints it as tcpdump does', () => {
    expect(tcpdumpLine({ ...seg, tsval: 100, tsecr: 50 })).toContain('win 65535, options [nop,nop,TS val 100 ecr 50], length 2');
  });
});
