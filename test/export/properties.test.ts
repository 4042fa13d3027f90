/**
 * Every export stays well-formed on arbitrary traces: random segments (lost, looping,
 * retransmitted, with awkward payloads), state changes, timers and notes with awkward text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toJsonLines } from '../../src/export/jsonLines.js';
import { toLadder } from '../../src/export/ladder.js';
import { noteWidth } from '../../src/diagram/layout.js';
import { toMermaid } from '../../src/export/mermaid.js';
import { toPcap } from '../../src/export/pcap.js';
import { toText } from '../../src/export/text.js';
import { toSvg } from '../../src/diagram/svg.js';
import { byClass, parseXml } from '../diagram/xmlCheck.js';
import { TCP_STATES } from '../../src/sim/tcp/states.js';
import type { Flag } from '../../src/sim/types.js';
import { TraceBuilder } from './fixtures.js';
import { checkSequenceDiagram } from './mermaidGrammar.js';
import { decodeIpv4Tcp, readPcap } from './pcapReader.js';
import { internetChecksum } from '../../src/export/pcap/checksum.js';

const host = fc.constantFrom('client' as const, 'server' as const);
const awkward = fc.string({ unit: fc.constantFrom('a', ' ', '#', ';', '%', '<', '>', ':', '\n', '-', 'x', '|', '"', '\\'), maxLength: 30 });
const op = fc.oneof(
  fc.record({
    kind: fc.constant('segment' as const),
    host,
    flags: fc.subarray(['SYN', 'FIN', 'RST', 'PSH', 'ACK'] as Flag[]),
    seq: fc.integer({ min: 0, max: 0xffffffff }),
    ack: fc.integer({ min: 0, max: 0xffffffff }),
    data: fc.string({ maxLength: 40 }),
    fate: fc.constantFrom('deliver', 'drop-r1', 'drop-r2', 'loop', 'loop-die'),
    retx: fc.boolean(),
    dt: fc.integer({ min: 0, max: 300_000 }),
  }),
  fc.record({
    kind: fc.constant('state' as const),
    host,
    from: fc.constantFrom(...TCP_STATES),
    to: fc.constantFrom(...TCP_STATES),
    dt: fc.integer({ min: 0, max: 100_000_000 }),
  }),
  fc.record({
    kind: fc.constant('timer' as const),
    host,
    timer: fc.constantFrom('RTO' as const, '2MSL' as const),
    action: fc.constantFrom('start' as const, 'restart' as const, 'expire' as const, 'cancel' as const),
    dt: fc.integer({ min: 0, max: 5_000_000 }),
  }),
  fc.record({ kind: fc.constant('note' as const), host, text: awkward, dt: fc.integer({ min: 0, max: 5_000_000 }) }),
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function build(ops: Op[]) {
  const b = new TraceBuilder();
  let t = 0;
  let last = 0;
  for (const o of ops) {
    t += o.dt / 1e6;
    if (o.kind === 'segment') {
      const extra = { data: o.data, ...(o.retx && last ? { retransmitOf: last } : {}) };
      const opts = {
        deliver: {},
        loop: { loopLaps: 2 },
        'loop-die': { loopLaps: 1, dropAt: 'r2' as const, reason: 'ttl-expired' as const },
        'drop-r1': { dropAt: 'r1' as const },
        'drop-r2': { dropAt: 'r2' as const },
      }[o.fate];
      last = b.segment(o.host, o.flags, o.seq, o.ack, t, { extra, ...opts }).id;
    } else if (o.kind === 'state') b.state(t, o.host, o.from, o.to);
    else if (o.kind === 'timer') b.timer(t, o.host, o.timer, o.action, t + 1);
    else {
      b.app(t, o.host, 'data', o.text);
      b.perturb(t, o.host, 'drop', o.text);
    }
  }
  return b.build();
}

const traces = fc.array(op, { maxLength: 25 }).map(build);

describe('exports of arbitrary traces', () => {
  it('the ladder never exceeds its width', () => {
    fc.assert(
      fc.property(traces, fc.integer({ min: 60, max: 140 }), (trace, width) => {
        const lines = toLadder(trace, { width }).split('\n');
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
        // Every row between the header and the legend keeps both vertical lines in place.
        const w = Math.max(60, width);
        const clientCol = 9 + noteWidth(w);
        const serverCol = w - noteWidth(w) - 2;
        const end = lines.indexOf('');
        for (const l of lines.slice(2, end)) {
          expect([l[clientCol], l[serverCol]]).toEqual([expect.stringMatching(/[|:]/), expect.stringMatching(/[|:]/)]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the Mermaid diagram always passes the grammar check, one message per segment sent', () => {
    fc.assert(
      fc.property(traces, (trace) => {
        const r = checkSequenceDiagram(toMermaid(trace));
        const sends = trace.filter((e) => e.kind === 'send').length;
        const lateArrivals = new Set(trace.filter((e) => e.kind === 'hop' && e.looping).map((e) => (e as { seg: { id: number } }).seg.id)).size;
        expect(r.messages).toBe(sends + lateArrivals);
      }),
      { numRuns: 150 },
    );
  });

  it('the SVG is always well-formed XML, one arrow per segment sent, every number finite', () => {
    fc.assert(
      fc.property(traces, fc.integer({ min: 60, max: 200 }), (trace, width) => {
        const text = toSvg(trace, { width });
        expect(text).not.toMatch(/NaN|Infinity/);
        expect(byClass(parseXml(text), 'segment')).toHaveLength(trace.filter((e) => e.kind === 'send').length);
      }),
      { numRuns: 100 },
    );
  });

  it('the pcap has one valid packet per send, checksums verifying', () => {
    fc.assert(
      fc.property(traces, (trace) => {
        const f = readPcap(toPcap(trace));
        expect(f.packets).toHaveLength(trace.filter((e) => e.kind === 'send').length);
        for (const p of f.packets) {
          expect(internetChecksum(p.bytes.subarray(0, 20))).toBe(0);
          expect(decodeIpv4Tcp(p.bytes).totalLength).toBe(p.bytes.length);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('JSON lines and text have one line per reported event and parse back', () => {
    fc.assert(
      fc.property(traces, (trace) => {
        const json = toJsonLines(trace);
        const lines = json ? json.trimEnd().split('\n') : [];
        expect(lines).toHaveLength(trace.filter((e) => e.kind !== 'hop').length);
        for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
        expect(toText(trace, { hops: 'none' }).split('\n').filter(Boolean)).toHaveLength(lines.length);
      }),
      { numRuns: 100 },
    );
  });
});
