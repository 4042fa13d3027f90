import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/course.js';
import { timelineAt } from '../../src/lessons/playback.js';
import { asciiLine } from '../../src/diagram/ascii.js';
import { connKey, connTag, stateCounts } from '../../src/diagram/connections.js';
import { fmtDuration, segLabel, segShortLabel } from '../../src/diagram/format.js';
import { crossing } from '../../src/diagram/grid.js';
import { layoutDiagram } from '../../src/diagram/layout.js';
import { toLadder } from '../../src/export/ladder.js';
import { getScenario, SCENARIO_NAMES, Simulation } from '../../src/sim/index.js';
import { layoutLadder } from '../../src/ui/ladder/layoutLadder.js';
import { createTheme } from '../../src/ui/theme.js';
import { segmentRecord } from '../fixtures/segmentRecord.js';

const theme = createTheme({ NO_COLOR: '1' });
const run = (name: string, perturbations: ConstructorParameters<typeof Object>[] = []) => {
  const sim = Simulation.create(getScenario(name)!, { seed: 1, perturbations: perturbations as never });
  while (!sim.isQuiet()) sim.step();
  return sim;
};
const text = (cells: ReadonlyArray<{ ch: string }>) => cells.map((c) => c.ch).join('');

describe('one formatter', () => {
  it.each([
    [['FIN', 'ACK'], 5024, 5025, 0, 'FIN seq=5024 ack=5025', 'F. 5024:5025'],
    [['SYN'], 1000, 0, 0, 'SYN seq=1000', 'S 1000:1001'],
    [['PSH', 'ACK'], 1001, 5001, 5, 'PSH seq=1001 ack=5001 len=5', 'P. 1001:1006'],
    [['ACK'], 1006, 5025, 0, 'ACK seq=1006 ack=5025', '. ack 5025'],
    [['RST', 'ACK'], 7, 8, 0, 'RST,ACK seq=7 ack=8', 'R. ack 8'],
  ] as const)('%j seq=%i: long and short labels', (flags, seq, ack, len, long, short) => {
    const seg = { flags: [...flags], seq, ack, len };
    expect(segLabel(seg)).toBe(long);
    expect(segShortLabel(seg)).toBe(short);
  });

  it('durations: compact for the screen, spaced for prose', () => {
    expect(fmtDuration(59_200_000)).toBe('59.2s');
    expect(fmtDuration(240_000_000)).toBe('4m 00s');
    expect(fmtDuration(1_500)).toBe('1.5ms');
    expect(fmtDuration(58_150_000, ' ')).toBe('58.1 s');
  });

  it('the UI and export modules re-export the same functions', async () => {
    const ui = await import('../../src/ui/format.js');
    const ex = await import('../../src/export/format.js');
    expect(ui.segLabel).toBe(segLabel);
    expect(ex.segmentLabel).toBe(segLabel);
    expect(ui.fmtDuration).toBe(fmtDuration);
  });
});

describe('connections', () => {
  it('are keyed by client address and incarnation, tagged by port', () => {
    const s = segmentRecord(1, 'server', ['ACK'], 1, 2, 0);
    expect(connKey(s)).toBe(`${s.dst}#${s.incarnation}`);
    expect(connTag('10.0.0.1:1501#1')).toBe(':1501');
    expect(connTag('10.0.0.1:1500#3')).toBe(':1500#3');
  });

  it('counts states like ss -s', () => {
    expect(stateCounts(['TIME_WAIT', 'ESTABLISHED', 'TIME_WAIT'])).toBe('2 TIME_WAIT, 1 ESTABLISHED');
    expect(stateCounts([])).toBe('');
  });
});

describe('the grid', () => {
  it('crossing arrows meet in ┼, and heads stay heads', () => {
    expect(crossing('─', '╮')).toBe('┼');
    expect(crossing('╰', '─')).toBe('┼');
    expect(crossing('─', '─')).toBe('─');
    expect(crossing('▶', '─')).toBe('▶');
  });

  it('draws the ftp exchange crossings with ┼ and no label touching an arrow', () => {
    const sim = run('lost-final-ack');
    const g = layoutDiagram({ trace: sim.trace, inFlight: [], clock: sim.now, width: 120 });
    const lines = g.lines.map(text);
    expect(lines.some((l) => l.includes('┼'))).toBe(true);
    for (const l of lines) expect(l).not.toMatch(/[─╮╭╰╯][A-Za-z]|[A-Za-z0-9][─╮╭╰╯]/);
  });

  it('wraps an annotation at 80 columns instead of cutting it', () => {
    const sim = run('lost-final-ack');
    const g = layoutDiagram({ trace: sim.trace, inFlight: [], clock: sim.now, width: 80 });
    const words = g.lines.map((l) => l.filter((c) => c.kind === 'label').map((c) => c.ch).join(''));
    const all = [...words, ...g.footnotes].join(' ').replace(/\s+/g, ' ');
    expect(all).toContain('will be lost in the network');
  });

  it('shows the client port in its heading, and r1 and r2 in the network view', () => {
    const sim = run('lost-final-ack');
    const plain = layoutDiagram({ trace: sim.trace, inFlight: [], clock: sim.now, width: 80 });
    expect(text(plain.header)).toMatch(/client :1500 +│? *server/);
    const net = layoutDiagram({ trace: sim.trace, inFlight: [], clock: sim.now, width: 80, network: true });
    expect(text(net.header)).toMatch(/client :1500 +r1 +r2 +server/);
    const dropRow = net.lines.map(text).find((l) => l.includes('✕'))!;
    // The lost ACK's cross sits on r2's line, and says so.
    expect(dropRow).toMatch(/✕ (lost )?at r2/);
    expect(dropRow.indexOf('✕')).toBe(text(net.header).indexOf('r2') + 1);
  });

  it('marks skipped idle time on the ladder', () => {
    const sim = run('normal-close');
    const g = layoutDiagram({ trace: sim.trace, inFlight: [], clock: sim.now, width: 80 });
    expect(g.lines.map(text).join('\n')).toMatch(/⋮ \d+\.\ds idle ⋮/);
  });

  it('mutes and unlabels the connections out of focus, and tags each label with its port', async () => {
    const course = await loadCourse(join(__dirname, '../../lessons'));
    const lesson = course.lessons.find((l) => l.number === 6)!;
    const { sim } = timelineAt(lesson, 14)!;
    const g0 = layoutDiagram({ trace: sim.trace, inFlight: [], clock: sim.now, width: 200 });
    const keys = [...new Set(sim.trace.flatMap((e) => (e.kind === 'send' ? [connKey(e.seg)] : [])))];
    expect(keys.length).toBeGreaterThan(1);
    expect(g0.placed.some((p) => / :\d+/.test(p.full))).toBe(true);
    const g1 = layoutDiagram({ trace: sim.trace, inFlight: [], clock: sim.now, width: 200, focus: keys[0]! });
    const shown = (g: typeof g0) => g.placed.filter((p) => p.how !== 'hidden' && / :\d+/.test(p.full));
    expect(shown(g1).every((p) => p.full.includes(connTag(keys[0]!)))).toBe(true);
  });
});

describe('the TUI and --format ladder draw the same geometry', () => {
  it.each(SCENARIO_NAMES.flatMap((n) => [80, 120, 200].map((w) => [n, w] as const)))('%s at width %i', (name, width) => {
    const sim = run(name);
    const exported = toLadder(sim.trace, { width }).split('\n');
    const clock = sim.trace[sim.trace.length - 1]!.at;
    const tui = layoutLadder({ trace: sim.trace, inFlight: [], clock, width, height: 10_000, scroll: 0, theme });
    const body = exported.slice(2, 2 + tui.lines.length);
    expect(body).toEqual(tui.lines.map((l) => asciiLine(l.map((c) => ({ ch: c.ch, kind: 'blank' as const })))));
  });
});

describe('a search match on the ladder', () => {
  const sim = run('lost-final-ack');
  const first = sim.trace.find((e) => e.kind === 'send')!;
  const id = (first as { seg: { id: number } }).seg.id;
  const view = (highlight: number | null, scroll = 0) =>
    layoutDiagram({ trace: sim.trace, inFlight: [], clock: sim.now, width: 80, height: 8, scroll, highlight });

  it('scrolls a marked segment into a short window, and marks its arrow and label', () => {
    const plain = view(null);
    const lit = view(id);
    expect(plain.scroll).toBe(0);
    expect(lit.scroll).toBeGreaterThan(0);
    const cells = lit.lines.flat();
    expect(cells.some((c) => c.style?.k === 'token' && c.style.name === 'selected' && c.kind === 'arrow')).toBe(true);
    expect(cells.some((c) => c.style?.k === 'token' && c.style.name === 'selected' && c.kind === 'label')).toBe(true);
    expect(plain.lines.flat().some((c) => c.style?.k === 'token' && c.style.name === 'selected')).toBe(false);
  });

  it('keeps the learner’s own scroll when the match is already in view', () => {
    const lit = view(id);
    expect(view(id, lit.scroll).scroll).toBe(lit.scroll);
  });

  it('draws the same cells, only styled, when nothing is marked', () => {
    const a = view(null);
    const b = layoutDiagram({ trace: sim.trace, inFlight: [], clock: sim.now, width: 80, height: 8, scroll: 0 });
    expect(a.lines.map((l) => text(l))).toEqual(b.lines.map((l) => text(l)));
  });
});
