import { describe, expect, it } from 'vitest';
import { toLadder } from '../../src/export/ladder.js';
import { wrapText } from '../../src/diagram/format.js';
import { lostFinalAckTrace, loopingTrace } from './fixtures.js';

const width = (text: string) => Math.max(...text.split('\n').map((l) => l.length));
/** The line of the ladder holding `needle`. */
const lineWith = (text: string, needle: string | RegExp) => text.split('\n').find((l) => (typeof needle === 'string' ? l.includes(needle) : needle.test(l))) ?? '';

describe('ASCII ladder', () => {
  const ladder = toLadder(lostFinalAckTrace());

  it('fits in 80 columns by default, and in whatever width it is given (60 at least)', () => {
    expect(width(ladder)).toBeLessThanOrEqual(80);
    expect(width(toLadder(loopingTrace()))).toBeLessThanOrEqual(80);
    expect(width(toLadder(lostFinalAckTrace(), { width: 60 }))).toBeLessThanOrEqual(60);
    expect(width(toLadder(lostFinalAckTrace(), { width: 120 }))).toBeLessThanOrEqual(120);
    expect(width(toLadder(lostFinalAckTrace(), { width: 20 }))).toBeLessThanOrEqual(60);
  });

  it('is plain ASCII', () => {
    expect(ladder).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('draws each segment as a staircase from its sender to its receiver, labelled beside its first bend', () => {
    expect(lineWith(ladder, 'SYN seq=1000')).toMatch(/\|-+\. SYN seq=1000/);
    expect(lineWith(ladder, 'SYN,ACK')).toMatch(/SYN,ACK seq=5000 ack=1001 \.-+\|/);
    const syn = ladder.split('\n').findIndex((l) => l.includes('SYN seq=1000'));
    expect(ladder.split('\n')[syn + 1]).toMatch(/'-+>\|/);
  });

  it('writes state changes beside the line of the endpoint that changed', () => {
    expect(lineWith(ladder, 'FIN seq=1012')).toMatch(/FIN_WAIT_1 \|/);
    expect(ladder).toMatch(/\| SYN_RECEIVED$/m);
  });

  it('ends the lost final ACK in an x where it was lost, marks the resent FIN, notes the 2MSL timer', () => {
    expect(lineWith(ladder, /x lost at r1/)).toMatch(/'-+x lost at r1/);
    expect(ladder).toContain('R FIN seq=5001 ack=1013');
    expect(ladder).toMatch(/t2MSL ?4m ?00s/);
    expect(lineWith(ladder, 't2MSL fired')).toMatch(/242\.100s t2MSL fired \|/);
  });

  it('collapses the long idle stretch of TIME_WAIT into one row', () => {
    expect(ladder).toMatch(/: 3m 59s idle :/);
    expect(ladder.split('\n').length).toBeLessThan(50);
  });

  it('shows a looping segment caught, and the perturbation wrapped, not cut', () => {
    const loop = toLadder(loopingTrace());
    // Wrapped onto rows of its own: every word there, in order.
    const words = loop.split('\n').map((l) => l.slice(22, -1).trim()).join(' ');
    expect(words).toContain('* hold the data segment in a loop for 3 laps');
    expect(loop).toMatch(/-x at r2/);
  });

  it('draws the routers as lines of their own in the network view', () => {
    const net = toLadder(loopingTrace(), { network: true });
    expect(net.split('\n')[0]).toMatch(/client :1500 +r1 +r2 +server/);
    expect(net).toMatch(/\|\s+:\s+.*:\s+\|/);
  });
});

describe('word wrap', () => {
  it('wraps on word boundaries and splits a word longer than a line', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
  });
});
