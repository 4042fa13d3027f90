import { describe, expect, it } from 'vitest';
import { layoutLadder, travelled } from '../../src/ui/ladder/layoutLadder.js';
import { buildRows } from '../../src/ui/ladder/ladderRows.js';
import { createTheme } from '../../src/ui/theme.js';
import { ACK6_IN_FLIGHT, LOOPING, LOST_ACK_TRACE } from './fixtures.js';

const theme = createTheme({ NO_COLOR: '1' });
const text = (width: number, height: number, scroll = 0, inFlight = [ACK6_IN_FLIGHT]) => {
  const g = layoutLadder({ trace: LOST_ACK_TRACE, inFlight, clock: 1_170_000, width, height, scroll, theme });
  return { g, lines: [g.header, ...g.lines].map((l) => l.map((c) => c.ch).join('')) };
};

describe('ladder layout', () => {
  it('draws client and server lines with labelled segments, a lost one ending in ✕', () => {
    const { lines } = text(100, 40);
    const all = lines.join('\n');
    expect(lines[0]).toMatch(/client.*server/);
    expect(all).toContain('FIN seq=1001 ack=5001');
    expect(all).toContain('FIN seq=5001 ack=1002');
    expect(all).toMatch(/✕ lost/);
    expect(all).toContain('↻ FIN seq=5001 ack=1002');
    expect(all).toContain('TIME_WAIT');
    expect(all).toContain('⏲2MSL');
    expect(all).toContain('⏲2MSL↻'); // the restart of 2MSL by the retransmitted FIN
    // Arrows end at the receiver: ▶ next to the server line, ◀ next to the client line.
    expect(all).toMatch(/─▶│/);
    expect(all).toMatch(/│◀─/);
  });

  it('slopes: a segment spanning rows moves steadily towards the receiver', () => {
    const { lines } = text(100, 40);
    const finRow = lines.findIndex((l) => l.includes('FIN seq=1001'));
    const bend = lines[finRow]!.indexOf('╮');
    const next = lines[finRow + 1]!.indexOf('╰');
    expect(bend).toBeGreaterThan(0);
    expect(next).toBe(bend);
  });

  it('shows an in-flight segment on the "now" row, and a looping one with its TTL', () => {
    const { lines } = text(100, 40, 0, [ACK6_IN_FLIGHT, LOOPING]);
    const last = lines[lines.length - 1]!;
    expect(last).toContain('1.170s');
    expect(lines.join('\n')).toMatch(/⟳ TTL 47 looping|⟳/);
    expect(travelled(ACK6_IN_FLIGHT, 1_175_000)).toBeCloseTo(0.2 + 0.6 * 0.5, 5);
  });

  it.each([80, 120, 160])('never draws wider than %i columns, nor taller than asked', (w) => {
    for (const h of [3, 10, 24]) {
      const { lines } = text(w, h);
      expect(lines.length).toBeLessThanOrEqual(h);
      for (const l of lines) expect([...l].length).toBeLessThanOrEqual(w);
    }
  });

  it('follows now, and scrolls back (clamped) when asked', () => {
    const rows = buildRows(LOST_ACK_TRACE).rows.length + 1;
    const a = text(100, 6, 0);
    expect(a.g.first).toBe(rows - 5);
    const b = text(100, 6, 3);
    expect(b.g.first).toBe(rows - 8);
    const c = text(100, 6, 10_000);
    expect(c.g.first).toBe(0);
    expect(b.lines.slice(1).join('\n')).not.toBe(a.lines.slice(1).join('\n'));
  });

  it('while following, keeps its view until now runs off the bottom, then jumps leaving room below', () => {
    const at = (n: number, followFrom?: number) =>
      layoutLadder({ trace: LOST_ACK_TRACE.slice(0, n), inFlight: [], clock: LOST_ACK_TRACE[n - 1]!.at, width: 100, height: 7, scroll: 0, theme, followFrom });
    const viewH = 6;
    // Grow the trace one event at a time, feeding each frame's first row to the next, as Ladder does.
    let prev: number | undefined;
    let jumps = 0;
    let kept = 0;
    for (let n = 1; n <= LOST_ACK_TRACE.length; n++) {
      const g = at(n, prev);
      // "now" (the last row) is always on screen.
      expect(g.total - 1).toBeGreaterThanOrEqual(g.first);
      expect(g.total - 1).toBeLessThanOrEqual(g.first + viewH - 1);
      if (prev !== undefined && g.first !== prev) {
        jumps++;
        // A jump leaves a third of the view free below "now".
        expect(g.first).toBe(g.total - viewH + Math.floor(viewH / 3));
      } else if (prev !== undefined && g.total > viewH) kept++;
      prev = g.first;
    }
    expect(jumps).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(jumps);
    // Without a previous frame (or once scrolled back) it is anchored at the bottom as before.
    const last = at(LOST_ACK_TRACE.length);
    expect(last.first).toBe(Math.max(0, last.total - viewH));
    const back = layoutLadder({ trace: LOST_ACK_TRACE, inFlight: [], clock: 1_170_000, width: 100, height: 7, scroll: 2, theme, followFrom: 0 });
    expect(back.first).toBe(Math.max(0, back.total - viewH - 2));
  });

  it('groups notes with the segment event at the same instant and host', () => {
    const { rows } = buildRows(LOST_ACK_TRACE);
    const deliverFin = rows.find((r) => r.seg?.kind === 'deliver' && r.seg.seg.id === 1)!;
    expect(deliverFin.notes.server?.kind).toBe('state');
  });
});

describe('event sentences', () => {
  it('keep application data on one line', async () => {
    const { describeEvent } = await import('../../src/ui/format.js');
    const s = describeEvent({ kind: 'app', at: 0, step: 1, host: 'server', event: 'data', data: 'USER alice\r\n' });
    expect(s).toBe('server application: data "USER alice\\r\\n"');
    expect(s).not.toMatch(/\n/);
  });
});
