/**
 * `toSvg` (src/diagram/svg.ts): every built-in scenario gives well-formed XML with one arrow per
 * segment, rows that agree with the terminal ladder, the marks the picture promises (lost,
 * TIME_WAIT, retransmission, copy, one colour per incarnation), and hostile text made harmless.
 */
import { describe, expect, it } from 'vitest';
import { toSvg } from '../../src/diagram/svg.js';
import { fmtSeconds } from '../../src/diagram/format.js';
import { exportTrace, suggestedFileName, toLadder } from '../../src/export/index.js';
import { BUILTIN_SCENARIOS, getScenario, Simulation, type TraceEvent } from '../../src/sim/index.js';
import type { Perturbation } from '../../src/sim/scenario.js';
import { lostFinalAckTrace } from '../export/fixtures.js';
import { allElements, byClass, parseXml, textOf, XmlError, type XmlElement } from './xmlCheck.js';

function run(name: string, timeWait: 'rfc' | 'off' = 'rfc', perturbations: Perturbation[] = []): readonly TraceEvent[] {
  const spec = getScenario(name)!;
  const sim = Simulation.create(spec, { policies: { timeWait }, perturbations });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: spec.until ?? 600 });
  return sim.trace;
}

const segments = (svg: XmlElement) => byClass(svg, 'segment');
const lineOf = (seg: XmlElement) => seg.children.find((c) => c.name === 'line')!;
const labelOf = (svg: XmlElement, id: string) => textOf(byClass(svg, 'label').find((l) => l.attrs['data-seg'] === id)!);
/** Rows of the picture that show a time, and the time. */
const timeRows = (svg: XmlElement) => new Map(byClass(svg, 'time').map((t) => [Number(t.attrs['data-row']), t.text]));

describe('the XML checker the tests rely on', () => {
  it('accepts a small document and rejects each kind of fault', () => {
    expect(parseXml('<svg a="1 &amp; 2"><g/>x &lt; y</svg>').attrs.a).toBe('1 & 2');
    for (const bad of ['<svg>', '<svg></g>', '<svg a="<"/>', '<svg a="1" a="2"/>', '<svg>&nbsp;</svg>', '<svg>a & b</svg>', '<svg>\u001b</svg>', '<svg/><svg/>', '<svg>]]></svg>', '<svg>\ud800</svg>']) {
      expect(() => parseXml(bad), bad).toThrow(XmlError);
    }
  });
});

describe.each(Object.keys(BUILTIN_SCENARIOS).flatMap((n) => (n === 'churn' ? [[n, 'rfc']] : [[n, 'rfc'], [n, 'off']]) as [string, 'rfc' | 'off'][]))(
  '%s with TIME_WAIT %s',
  (name, timeWait) => {
    const trace = run(name, timeWait);
    const text = toSvg(trace, { title: name });

    it('is one well-formed SVG document with a viewBox and a title, and one arrow per segment sent', () => {
      const svg = parseXml(text);
      expect(svg.name).toBe('svg');
      expect(svg.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
      expect(svg.attrs.viewBox).toMatch(/^0 0 \d+ \d+$/);
      expect(svg.children.find((c) => c.name === 'title')?.text).toBe(name);
      const sent = trace.filter((e) => e.kind === 'send').length;
      const injected = trace.filter((e) => e.kind === 'perturb' && e.perturbation === 'inject').length;
      expect(segments(svg)).toHaveLength(sent + injected);
      // A label meets no arrow, mark or other label; only one along a steep looping arrow may have to.
      for (const l of byClass(svg, 'label')) if (l.attrs['data-hits'] !== '0') expect(textOf(l)).toContain(' · looped ');
      // Everything drawn lies inside the picture.
      const [, , w, h] = svg.attrs.viewBox!.split(' ').map(Number);
      for (const l of allElements(svg).filter((e) => e.name === 'line')) {
        for (const [x, y] of [['x1', 'y1'], ['x2', 'y2']] as const) {
          expect(Number(l.attrs[x])).toBeGreaterThanOrEqual(0);
          expect(Number(l.attrs[x])).toBeLessThanOrEqual(w!);
          expect(Number(l.attrs[y])).toBeLessThanOrEqual(h!);
        }
      }
    });
  },
);

describe('rows: the same as the terminal ladder', () => {
  for (const [name, width] of [['lost-final-ack', 80], ['lost-final-ack', 120], ['wandering-duplicate', 80]] as const) {
    it(`${name} at ${width} columns: each row shows the time the ladder's row shows, and each arrow starts at its send time`, () => {
      const trace = run(name);
      const svg = parseXml(toSvg(trace, { width }));
      const ladder = toLadder(trace, { width }).split('\n');
      // The ladder: two header lines, the rows, a "now" row, a blank line, the legend.
      const rows = ladder.indexOf('', 2) - 3;
      const ladderTimes = new Map<number, string>();
      for (let r = 0; r < rows; r++) {
        const t = /^\s*(\d+\.\d{3}s)/.exec(ladder[r + 2]!)?.[1];
        if (t) ladderTimes.set(r, t);
      }
      expect(timeRows(svg)).toEqual(ladderTimes);

      const times = timeRows(svg);
      const timeAt = (row: number): string => times.get(Math.max(...[...times.keys()].filter((r) => r <= row)))!;
      const sends = new Map(trace.flatMap((e) => (e.kind === 'send' ? [[e.seg.id, e.at] as const] : [])));
      for (const seg of segments(svg)) {
        const [start, end] = seg.attrs['data-rows']!.split(' ').map(Number);
        expect(start!).toBeLessThan(end!);
        expect(end!).toBeLessThan(rows);
        expect(timeAt(start!)).toBe(fmtSeconds(sends.get(Number(seg.attrs['data-seg']))!));
      }
    });
  }
});

describe('lost-final-ack', () => {
  const trace = run('lost-final-ack');
  const svg = parseXml(toSvg(trace));

  it('the lost ACK ends in a cross on r2, and the cross is said in words', () => {
    const lost = segments(svg).filter((s) => s.attrs['data-end'] === 'drop');
    expect(lost).toHaveLength(1);
    expect(labelOf(svg, lost[0]!.attrs['data-seg']!)).toMatch(/^ACK seq=\d+ ack=\d+$/);
    const mark = byClass(lost[0]!, 'lost')[0]!;
    expect(textOf(mark)).toBe('lost at r2');
    const cross = mark.children.filter((c) => c.name === 'line');
    expect(cross).toHaveLength(2);
    // The cross sits on r2's guide line, the one under the "r2" heading.
    const r2 = allElements(svg).find((e) => e.name === 'text' && e.text === 'r2')!;
    const centre = (Number(cross[0]!.attrs.x1) + Number(cross[0]!.attrs.x2)) / 2;
    expect(centre).toBeCloseTo(Number(r2.attrs.x), 0);
    expect(lineOf(lost[0]!).attrs.x2).toBe(String(centre));
  });

  it("the client's TIME_WAIT is a bar from the row it entered the state to the row it left it, with its restart", () => {
    const bars = byClass(svg, 'time-wait');
    expect(bars).toHaveLength(1);
    expect(bars[0]!.attrs['data-host']).toBe('client');
    const states = byClass(svg, 'state').filter((s) => s.attrs['data-host'] === 'client');
    const rowOf = (state: string) => states.find((s) => s.text === state)!.attrs['data-row'];
    expect(bars[0]!.attrs['data-rows']).toBe(`${rowOf('TIME_WAIT')} ${rowOf('CLOSED')}`);
    expect(byClass(bars[0]!, 'restart')).toHaveLength(1);
    expect(textOf(bars[0]!)).toContain('TIME_WAIT 61.0s');
  });

  it('the resent FIN is marked as a retransmission, and the legend explains the marks used', () => {
    const resent = segments(svg).filter((s) => s.attrs['data-retransmission'] === 'yes');
    expect(resent).toHaveLength(1);
    expect(labelOf(svg, resent[0]!.attrs['data-seg']!)).toMatch(/^FIN seq=\d+ ack=\d+ · retransmission$/);
    expect(byClass(svg, 'legend-lost')).toHaveLength(1);
    expect(byClass(svg, 'legend-time-wait')).toHaveLength(1);
    expect(byClass(svg, 'legend-copy')).toHaveLength(0);
  });

  it('no label covers an arrow, a mark or another label', () => {
    for (const l of byClass(svg, 'label')) expect(l.attrs['data-hits'], textOf(l)).toBe('0');
  });

  it('with TIME_WAIT off there is no bar', () => {
    expect(byClass(parseXml(toSvg(run('lost-final-ack', 'off'))), 'time-wait')).toHaveLength(0);
  });
});

describe('incarnations and copies', () => {
  it('two incarnations of one 4-tuple get two colours, each its own throughout, and the legend names both', () => {
    const trace = run('wandering-duplicate', 'off');
    const svg = parseXml(toSvg(trace));
    const colours = new Map<string, Set<string>>();
    for (const s of segments(svg)) {
      const set = colours.get(s.attrs['data-conn']!) ?? new Set();
      set.add(lineOf(s).attrs.stroke!);
      colours.set(s.attrs['data-conn']!, set);
    }
    expect([...colours.keys()]).toEqual(['12.106.32.254:1500#1', '12.106.32.254:1500#2']);
    const [first, second] = [...colours.values()].map((set) => [...set]);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(first![0]).not.toBe(second![0]);
    const legend = byClass(svg, 'legend-conn');
    expect(legend.map(textOf)).toEqual(['client 12.106.32.254:1500, incarnation 1', 'client 12.106.32.254:1500, incarnation 2']);
    expect(legend.map((g) => g.children[0]!.attrs.stroke)).toEqual([first![0], second![0]]);
  });

  it('a copy the network made is dashed and says so', () => {
    const svg = parseXml(toSvg(run('normal-close', 'rfc', [{ kind: 'duplicate', match: { from: 'server', flags: ['FIN'] } }])));
    const copies = segments(svg).filter((s) => s.attrs['data-copy'] === 'yes');
    expect(copies).toHaveLength(1);
    expect(lineOf(copies[0]!).attrs['stroke-dasharray']).toBeDefined();
    expect(labelOf(svg, copies[0]!.attrs['data-seg']!)).toMatch(/ · copy$/);
    expect(byClass(svg, 'legend-copy')).toHaveLength(1);
  });
});

describe('hostile text', () => {
  const HOSTILE = 'x</title><script>alert(1)</script>&amp; "q" \u001b]0;pwned\u0007 \u009b2J \u202eevil\ufffe\ud800';
  const trace = lostFinalAckTrace().map((ev) => {
    if (ev.kind === 'perturb') return { ...ev, detail: HOSTILE };
    if ('seg' in ev && ev.seg) return { ...ev, seg: { ...ev.seg, [ev.seg.from === 'client' ? 'src' : 'dst']: `${HOSTILE}:1500` } };
    return ev;
  }) as TraceEvent[];

  it('is escaped, with control and direction characters left out, and the document stays well-formed', () => {
    const text = toSvg(trace, { title: HOSTILE });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e\ufffe]/);
    const svg = parseXml(text);
    expect(allElements(svg).map((e) => e.name)).not.toContain('script');
    const shown = 'x</title><script>alert(1)</script>&amp; "q" ]0;pwned 2J evil';
    expect(svg.children.find((c) => c.name === 'title')!.text).toBe(shown);
    expect(byClass(svg, 'title')[0]!.text).toBe(shown);
    expect(allElements(svg).some((e) => e.text === `${shown}:1500`)).toBe(true);
    expect(byClass(svg, 'perturbation').map(textOf).join('')).toContain('<script>alert(1)</script>');
  });

  it('a title of any length is cut short in the heading (the picture stays its width), and kept whole in <title>', () => {
    const long = 'a very long title '.repeat(300);
    const svg = parseXml(toSvg(trace, { title: long }));
    expect(svg.children.find((c) => c.name === 'title')!.text).toBe(long);
    expect([...byClass(svg, 'title')[0]!.text]).toHaveLength(100);
    expect(Number(svg.attrs.width)).toBe(Number(parseXml(toSvg(trace)).attrs.width));
  });

  it('the export entry point leaves it as it is: its inert pass finds nothing to change', () => {
    expect(exportTrace(trace, 'svg', { title: HOSTILE })).toBe(toSvg(trace, { title: HOSTILE }));
    expect(exportTrace(trace, 'svg', { width: 120 })).toBe(toSvg(trace, { width: 120 }));
    expect(suggestedFileName('lost-final-ack', 'svg')).toBe('lost-final-ack.svg');
  });
});
