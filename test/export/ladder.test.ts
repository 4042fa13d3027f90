import { describe, expect, it } from 'vitest';
import { toLadder } from '../../src/export/ladder.js';
import { drawArrow, wrap } from '../../src/export/ladder/arrow.js';
import { lostFinalAckTrace, loopingTrace } from './fixtures.js';

const width = (text: string) => Math.max(...text.split('\n').map((l) => l.length));
/** The line of the ladder holding `needle`. */
const lineWith = (text: string, needle: string) => text.split('\n').find((l) => l.includes(needle)) ?? '';

describe('ASCII ladder', () => {
  const ladder = toLadder(lostFinalAckTrace());

  it('fits in 80 columns by default, and in whatever width it is given (60 at least)', () => {
    expect(width(ladder)).toBeLessThanOrEqual(80);
    expect(width(toLadder(loopingTrace()))).toBeLessThanOrEqual(80);
    expect(width(toLadder(lostFinalAckTrace(), { width: 60 }))).toBeLessThanOrEqual(60);
    expect(width(toLadder(lostFinalAckTrace(), { width: 120 }))).toBeLessThanOrEqual(120);
    expect(width(toLadder(lostFinalAckTrace(), { width: 20 }))).toBeLessThanOrEqual(60);
  });

  it('draws each segment as an arrow from its sender to its receiver, with its label', () => {
    expect(lineWith(ladder, 'SYN seq=1000')).toMatch(/\|-+ SYN seq=1000 -+>\|/);
    expect(lineWith(ladder, 'SYN,ACK')).toMatch(/\|<-+ SYN,ACK seq=5000 ack=1001 -+\|/);
  });

  it('writes state changes beside the line of the endpoint that changed', () => {
    expect(lineWith(ladder, 'FIN seq=1012')).toMatch(/FIN_WAIT_1 \|/);
    expect(lineWith(ladder, 'SYN,ACK')).toMatch(/\| SYN_RECEIVED$/);
  });

  it('ends the lost final ACK in an x, marks the resent FIN, and draws TIME_WAIT with its 2MSL timer', () => {
    const lost = ladder.split('\n').find((l) => /x ACK seq=1013 ack=5002/.test(l));
    expect(lost).toBeDefined();
    expect(lineWith(ladder, '(retx)')).toContain('FIN seq=5001 ack=1013 (retx)');
    expect(lineWith(ladder, '2MSL starts')).toContain('240 s, fires at 241.1');
    expect(lineWith(ladder, '2MSL restarts')).toContain('fires at 242.1');
    // While the client is in TIME_WAIT its line is ':' instead of '|'.
    expect(lineWith(ladder, '(retx)')).toMatch(/^ {8} {14}:<-/);
    expect(lineWith(ladder, '2MSL timer expires')).toMatch(/CLOSED \|/);
  });

  it('collapses the long idle stretch of TIME_WAIT into one row', () => {
    expect(ladder).toContain('... 239.9 s pass ...');
    expect(ladder.split('\n').length).toBeLessThan(50);
  });

  it('shows a looping segment caught (@), circling, then arriving late with its TTL', () => {
    const loop = toLadder(loopingTrace());
    expect(lineWith(loop, 'PSH seq=2000')).toMatch(/\|-+@ PSH seq=2000/);
    expect(loop).toContain('circles r1<->r2');
    expect(loop).toMatch(/@-+>\|/);
    expect(loop).toContain('late, ttl 56');
    expect(loop).toMatch(/@-+x/);
  });
});

describe('arrow drawing', () => {
  it('puts a label that does not fit beside the shaft, or returns it for its own row', () => {
    const short = drawArrow(40, { direction: 'toServer', from: 0, to: 0.2, endMark: 'x', label: 'ACK seq=1 ack=2' });
    expect(short.body).toMatch(/^-+x ACK seq=1 ack=2 *$/);
    expect(short.body).toHaveLength(40);
    const crowded = drawArrow(20, { direction: 'toClient', from: 1, to: 0, label: 'a label far too long to fit here' });
    expect(crowded.overflow).toBe('a label far too long to fit here');
    expect(crowded.body).toBe(`<${'-'.repeat(19)}`);
  });

  it('wraps notes on word boundaries', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('abcdefghijkl', 5)).toEqual(['abcd~']);
  });
});

describe('repeated notes', () => {
  it('an application retrying every few seconds is one row with a count, in the ladder and in Mermaid', async () => {
    const { TraceBuilder } = await import('./fixtures.js');
    const { toMermaid } = await import('../../src/export/mermaid.js');
    const b = new TraceBuilder();
    b.state(0, 'client', 'FIN_WAIT_2', 'TIME_WAIT');
    for (let t = 3; t <= 23; t += 5) b.app(t, 'client', 'data', 'again');
    b.state(60, 'client', 'TIME_WAIT', 'CLOSED');
    const trace = b.build();
    const ladder = toLadder(trace);
    expect(ladder.match(/again/g)).toHaveLength(1);
    expect(ladder).toContain('app: data "again" (x5, last at 23 s)');
    expect(ladder).toContain('... 37 s pass ...');
    const mermaid = toMermaid(trace);
    expect(mermaid.match(/again/g)).toHaveLength(1);
    expect(mermaid).toContain('(x5, last at 23 s)');
  });
});
