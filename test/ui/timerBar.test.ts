/**
 * Timer bars on a shared, labelled scale: a 60 s and a 240 s wait look different, the bar drains
 * as time passes, and the bar's width does not depend on the numbers printed beside it.
 */
import { describe, expect, it } from 'vitest';
import { barCells, scaleBar, scaleLabel, timerScale, TWO_MSL_SCALE } from '../../src/ui/components/TimerBar.js';

const S = 1_000_000;
const cells = (b: ReturnType<typeof scaleBar>) => [...b.solid].length + b.track.length + b.rest.length;
const trackLen = (b: ReturnType<typeof scaleBar>) => [...b.solid].length + b.track.length;

describe('timer scale', () => {
  it('reaches 4 min whenever a 2MSL timer shows, and fits the longest timer otherwise', () => {
    expect(timerScale([{ name: '2MSL', total: 60 * S }])).toBe(TWO_MSL_SCALE);
    expect(timerScale([{ name: '2MSL', total: 240 * S }])).toBe(TWO_MSL_SCALE);
    expect(timerScale([{ name: '2MSL', total: 600 * S }])).toBe(600 * S);
    expect(timerScale([{ name: 'RTO', total: 1 * S }])).toBe(1 * S);
    expect(timerScale([{ name: 'RTO', total: 3 * S }])).toBe(5 * S);
    expect(timerScale([{ name: 'RTO', total: 1 * S }, { name: '2MSL', total: 60 * S }])).toBe(TWO_MSL_SCALE);
    expect(scaleLabel(TWO_MSL_SCALE)).toBe('4m');
    expect(scaleLabel(30 * S)).toBe('30s');
  });

  it('draws 60 s as a quarter of a 4 min bar, and both full when they start', () => {
    const n = 12;
    const short = scaleBar(60 * S, 60 * S, TWO_MSL_SCALE, n);
    const long = scaleBar(240 * S, 240 * S, TWO_MSL_SCALE, n);
    expect(trackLen(short)).toBe(3);
    expect(trackLen(long)).toBe(12);
    expect(short.solid).toBe('███');
    expect(cells(short)).toBe(n);
    expect(cells(long)).toBe(n);
  });

  it('drains as the wait runs out, to an eighth of a cell', () => {
    const n = 12;
    const at = (left: number) => scaleBar(left * S, 240 * S, TWO_MSL_SCALE, n);
    expect(at(240).solid).toBe('█'.repeat(12));
    expect(at(120).solid).toBe('█'.repeat(6));
    expect(at(120).track).toBe('░'.repeat(6));
    expect(at(130).solid).toBe('██████▌');
    expect(at(0.5).solid).toBe('▏'); // not yet fired: never drawn empty
    expect(at(0).solid).toBe('');
    for (const left of [0, 0.5, 10, 119, 240]) expect(cells(at(left))).toBe(n);
  });

  it('gives panels a column apart the same bar width', () => {
    expect(barCells(39)).toBe(barCells(40));
    expect(barCells(45)).toBe(barCells(47));
    for (const w of [20, 39, 80]) expect(barCells(w) + 26).toBeLessThanOrEqual(Math.max(w, 30));
  });
});
