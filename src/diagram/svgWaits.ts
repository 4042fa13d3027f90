/**
 * The TIME_WAIT bars of the SVG ladder: for each time a host's connection sat in TIME_WAIT, a bar
 * beside that host's line from the row it entered the state to the row it left it (or the end of
 * the run), with its length written along it and a tick where the 2MSL timer restarted. Bars that
 * overlap in time (many connections waiting at once) take lanes side by side.
 */
import type { HostName } from '../sim/types.js';
import type { DrawRow } from './layout.js';
import { connKeyOf } from './connections.js';
import { fmtDuration } from './format.js';
import { el, num, textEl, textWidth, xmlText } from './svgText.js';

export interface Wait {
  host: HostName;
  conn: string;
  startRow: number;
  endRow: number;
  /** Simulated times it began and ended (µs); `open` when the run ended first. */
  from: number;
  to: number;
  open: boolean;
  restartRows: number[];
  lane: number;
}

/** Lanes beside one line at most; beyond that, bars share them. */
export const MAX_LANES = 4;
export const LANE_W = 22;
const BAR_W = 6;
const TEXT_SIZE = 10;

/** Every TIME_WAIT in the rows, with its lane. */
export function findWaits(rows: readonly DrawRow[]): Wait[] {
  const waits: Wait[] = [];
  const openNow = new Map<string, Wait>();
  const last = Math.max(0, rows.length - 1);
  for (const [r, row] of rows.entries()) {
    for (const host of ['client', 'server'] as const) {
      const ev = row.notes[host];
      if (!ev || (ev.kind !== 'state' && ev.kind !== 'timer')) continue;
      const conn = connKeyOf(host, ev.conn);
      const id = `${host} ${conn}`;
      if (ev.kind === 'timer') {
        if (ev.timer === '2MSL' && ev.action === 'restart') openNow.get(id)?.restartRows.push(r);
        continue;
      }
      if (ev.from === 'TIME_WAIT' && openNow.has(id)) {
        const w = openNow.get(id)!;
        w.endRow = r;
        w.to = row.at;
        w.open = false;
        openNow.delete(id);
      }
      if (ev.to === 'TIME_WAIT') {
        const w: Wait = { host, conn, startRow: r, endRow: last, from: row.at, to: rows[last]!.at, open: true, restartRows: [], lane: 0 };
        waits.push(w);
        openNow.set(id, w);
      }
    }
  }
  for (const host of ['client', 'server'] as const) {
    const laneEnds: number[] = [];
    for (const w of waits.filter((x) => x.host === host)) {
      let lane = laneEnds.findIndex((end) => end < w.startRow);
      if (lane < 0) lane = laneEnds.length < MAX_LANES ? laneEnds.length : waits.indexOf(w) % MAX_LANES;
      laneEnds[lane] = Math.max(laneEnds[lane] ?? -1, w.endRow);
      w.lane = lane;
    }
  }
  return waits;
}

/** Lanes used beside `host`'s line. */
export function lanesUsed(waits: readonly Wait[], host: HostName): number {
  return waits.reduce((n, w) => (w.host === host ? Math.max(n, w.lane + 1) : n), 0);
}

/**
 * One bar: lanes count outwards from the line (`gap` px away), the words on the far side of the
 * bar, reading upwards.
 */
export function drawWait(w: Wait, lineX: number, gap: number, y: (row: number) => number, colour: string): string {
  const outward = w.host === 'client' ? -1 : 1;
  const near = lineX + outward * (gap + w.lane * LANE_W);
  const barX = outward === 1 ? near : near - BAR_W;
  const top = y(w.startRow);
  const bottom = Math.max(y(w.endRow), top + 4);
  const parts = [
    el('title', {}, xmlText(`TIME_WAIT ${w.open ? 'from' : `for ${fmtDuration(w.to - w.from, ' ')}, from`} ${(w.from / 1e6).toFixed(3)} s${w.open ? ' to the end of the run' : ` to ${(w.to / 1e6).toFixed(3)} s`}`)),
    el('rect', { x: barX, y: top, width: BAR_W, height: bottom - top, fill: colour, 'fill-opacity': 0.3, stroke: colour, 'stroke-width': 1 }),
  ];
  for (const r of w.restartRows) parts.push(el('line', { class: 'restart', x1: barX - 3, y1: y(r), x2: barX + BAR_W + 3, y2: y(r), stroke: colour, 'stroke-width': 2 }));
  const text = `TIME_WAIT ${w.open ? 'until the end' : fmtDuration(w.to - w.from)}`;
  // The words go in the longest stretch of the bar between restart ticks, if they fit there.
  const stops = [top, ...w.restartRows.map(y), bottom].sort((a, b) => a - b);
  let stretch: [number, number] = [top, top];
  for (let i = 1; i < stops.length; i++) if (stops[i]! - stops[i - 1]! > stretch[1] - stretch[0]) stretch = [stops[i - 1]!, stops[i]!];
  if (stretch[1] - stretch[0] >= textWidth(text, TEXT_SIZE) + 12) {
    // Rotated a quarter turn back, a glyph's top points away from the line on the client side.
    const baseline = outward === 1 ? barX + BAR_W + 13 : barX - 5;
    parts.push(textEl({ transform: `translate(${num(baseline)} ${num((stretch[0] + stretch[1]) / 2)}) rotate(-90)`, 'text-anchor': 'middle', fill: colour, 'font-size': TEXT_SIZE, 'font-weight': 'bold' }, text));
  }
  return el('g', { class: 'time-wait', 'data-host': w.host, 'data-conn': w.conn, 'data-rows': `${w.startRow} ${w.endRow}` }, parts.join(''));
}
