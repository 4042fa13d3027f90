import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { internetChecksum, onesComplementSum } from '../../src/export/pcap/checksum.js';
import { buildIpv4Header, parseIpv4 } from '../../src/export/pcap/ipv4.js';
import { buildTcpSegment, pseudoHeader } from '../../src/export/pcap/tcpHeader.js';

const hex = (s: string): Uint8Array => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((h) => parseInt(h, 16)));

describe('Internet checksum', () => {
  it('matches the worked example of RFC 1071 §3', () => {
    // 00 01 f2 03 f4 f5 f6 f7 sums to 0xddf2; the checksum is its complement.
    const bytes = hex('0001 f203 f4f5 f6f7');
    expect(onesComplementSum(bytes)).toBe(0xddf2);
    expect(internetChecksum(bytes)).toBe(0x220d);
  });

  it('pads an odd trailing byte with zero on the right', () => {
    expect(onesComplementSum(Uint8Array.of(0x01))).toBe(0x0100);
    expect(onesComplementSum(Uint8Array.of(0x12, 0x34, 0x56))).toBe(0x1234 + 0x5600);
  });

  it('folds carries back in (end-around carry)', () => {
    expect(onesComplementSum(hex('ffff 0001'))).toBe(0x0001);
    expect(internetChecksum(hex('ffff ffff'))).toBe(0x0000);
  });

  it('summing parts equals summing their concatenation when the first parts are even', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }).map((a) => a.subarray(0, a.length & ~1)), fc.uint8Array({ maxLength: 41 }), (a, b) => {
        const joined = new Uint8Array(a.length + b.length);
        joined.set(a);
        joined.set(b, a.length);
        expect(internetChecksum(a, b)).toBe(internetChecksum(joined));
      }),
    );
  });
});

describe('IPv4 header', () => {
  it('reproduces a well-known header byte for byte (checksum b861)', () => {
    // The usual textbook example: 192.168.0.1 -> 192.168.0.199, UDP, TTL 64, DF, total length 115.
    const h = buildIpv4Header({ src: parseIpv4('192.168.0.1'), dst: parseIpv4('192.168.0.199'), ttl: 64, id: 0, payloadLength: 95, protocol: 17 });
    expect(Buffer.from(h).toString('hex')).toBe('4500007300004000' + '4011b861' + 'c0a80001' + 'c0a800c7');
  });

  it('verifies to 0xffff with the checksum in place, whatever the fields', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 4, maxLength: 4 }),
        fc.uint8Array({ minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 1400 }),
        (src, dst, ttl, id, len) => {
          const h = buildIpv4Header({ src, dst, ttl, id, payloadLength: len });
          expect(onesComplementSum(h)).toBe(0xffff);
        },
      ),
    );
  });

  it('rejects what is not a dotted quad', () => {
    expect(() => parseIpv4('1.2.3')).toThrow();
    expect(() => parseIpv4('1.2.3.256')).toThrow();
    expect(parseIpv4('206.168.112.219')).toEqual(Uint8Array.of(206, 168, 112, 219));
  });
});

describe('TCP checksum', () => {
  const client = parseIpv4('12.106.32.254');
  const server = parseIpv4('206.168.112.219');

  it('gives the value tcpdump reported as correct for the SYN 12.106.32.254.1500 > 206.168.112.219.21 seq 1000', () => {
    const seg = buildTcpSegment({ srcIp: client, dstIp: server, srcPort: 1500, dstPort: 21, seq: 1000, ack: 0, flags: ['SYN'], window: 65535, payload: new Uint8Array() });
    expect(new DataView(seg.buffer).getUint16(16)).toBe(0x391e);
  });

  it('verifies to 0xffff over pseudo-header, header and payload (odd lengths too)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 61 }), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (payload, seq, ack) => {
        const seg = buildTcpSegment({ srcIp: client, dstIp: server, srcPort: 1500, dstPort: 21, seq, ack, flags: ['PSH', 'ACK'], window: 1000, payload });
        // With its checksum in place the whole sums to 0xffff, so checksumming it again gives 0.
        expect(internetChecksum(pseudoHeader(client, server, seg.length), seg)).toBe(0);
      }),
    );
  });
});
