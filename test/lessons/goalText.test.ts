/**
 * goalText says every condition kind, flag and count in plain words, and never shows the data's
 * own spelling (kind names, `nth`, alert ids, JSON) to the learner.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { goalText, nthPhrase, segmentNoun } from '../../src/lessons/goalText.js';
import { loadCourse } from '../../src/lessons/course.js';
import type { Condition } from '../../src/sim/condition.js';

const LESSONS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lessons');

/** Spellings of the data language that must never reach a learner. */
const RAW = /\bnth\b|\bkind\b|old-duplicate-accepted|\(time \d+\)|\bundefined\b|NaN|[{}[\]`*]|\bretransmission: |\bexact\b/;

describe('goalText', () => {
  const cases: Array<[Condition, string]> = [
    [{ kind: 'state', host: 'client', state: 'TIME_WAIT' }, 'the client moves to TIME_WAIT'],
    [{ kind: 'state', host: 'server', state: 'LAST_ACK', fromState: 'CLOSE_WAIT' }, 'the server moves from CLOSE_WAIT to LAST_ACK'],
    [{ kind: 'state', state: 'CLOSING' }, 'either end moves to CLOSING'],
    [{ kind: 'state', host: 'client', state: 'TIME_WAIT', nth: 200 }, 'the client moves to TIME_WAIT for the 200th time'],
    [{ kind: 'segment', on: 'send', from: 'client', flags: ['FIN'], retransmission: true }, 'the client retransmits its FIN'],
    [{ kind: 'segment', on: 'send', from: 'client', flags: ['FIN'], retransmission: false }, 'the client sends a FIN (a first transmission, not a retransmission)'],
    [{ kind: 'segment', on: 'send', flags: ['FIN'], retransmission: true }, 'a FIN is retransmitted'],
    [{ kind: 'segment', on: 'send', from: 'server', flags: ['RST'] }, 'the server sends an RST'],
    [{ kind: 'segment', on: 'send', from: 'server', flags: ['SYN', 'ACK'] }, 'the server sends a SYN,ACK'],
    [{ kind: 'segment', on: 'send', from: 'client', flags: ['ACK'], exact: true }, 'the client sends a bare ACK (no data, no other flags)'],
    [{ kind: 'segment', on: 'send', from: 'client', data: true, retransmission: true }, 'the client retransmits its data'],
    [{ kind: 'segment', on: 'deliver', from: 'client', flags: ['RST'] }, 'an RST from the client reaches the server'],
    [{ kind: 'segment', on: 'deliver', from: 'server', flags: ['FIN'], retransmission: true, nth: 2 }, 'a retransmitted FIN from the server reaches the client for the second time'],
    [{ kind: 'segment', on: 'drop', from: 'server', flags: ['FIN'] }, 'a FIN from the server is lost in the network'],
    [{ kind: 'segment', on: 'drop' }, 'a segment is lost in the network'],
    [{ kind: 'app', host: 'server', event: 'connected', nth: 2 }, 'the server application sees its connection established for the second time'],
    [{ kind: 'app', host: 'client', event: 'EADDRINUSE' }, 'the client application gets an "address already in use" error (EADDRINUSE)'],
    [{ kind: 'app', event: 'eof' }, 'an application reads end of file (the peer has closed its side)'],
    [{ kind: 'timer', host: 'client', timer: '2MSL', action: 'start' }, 'the client starts its 2MSL timer'],
    [{ kind: 'timer', host: 'client', timer: '2MSL', action: 'restart' }, 'the client restarts its 2MSL timer'],
    [{ kind: 'timer', host: 'server', timer: 'RTO', action: 'expire', nth: 3 }, "the server's retransmission timer expires for the third time"],
    [{ kind: 'timer', timer: 'RTO', action: 'cancel' }, 'a retransmission timer is cancelled'],
    [{ kind: 'alert', alert: 'old-duplicate-accepted' }, 'an old duplicate from an earlier connection is accepted by a newer one'],
    [{ kind: 'time', seconds: 61.5 }, 'the clock reaches 61.5 s'],
    [{ kind: 'quiet' }, 'nothing is left to happen'],
  ];
  it.each(cases)('%j reads "%s"', (c, text) => {
    expect(goalText(c)).toBe(text);
  });

  it('names flags as the ladder does, with the right article', () => {
    expect(segmentNoun({ flags: ['ACK', 'FIN'] })).toBe('a FIN');
    expect(segmentNoun({ flags: ['FIN', 'ACK'], exact: true })).toBe('a FIN,ACK (and no other flags)');
    expect(segmentNoun({ flags: ['ACK', 'RST'] })).toBe('an RST,ACK');
    expect(segmentNoun({ flags: ['SYN'], exact: true })).toBe('a SYN (with no other flags)');
    expect(segmentNoun({ data: false })).toBe('a segment with no data');
    expect(segmentNoun({ flags: ['FIN'], data: true })).toBe('a FIN carrying data');
  });

  it('says counts as ordinals', () => {
    expect(nthPhrase(undefined)).toBe('');
    expect(nthPhrase(1)).toBe('');
    expect(nthPhrase(3)).toBe(' for the third time');
    expect(['11th', '12th', '13th', '21st', '22nd', '23rd', '101st'].map((s) => nthPhrase(Number.parseInt(s, 10)))).toEqual(
      ['11th', '12th', '13th', '21st', '22nd', '23rd', '101st'].map((s) => ` for the ${s} time`),
    );
  });

  it('says every goal and condition of the course without raw syntax', async () => {
    const { lessons, diagnostics } = await loadCourse(LESSONS);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    let n = 0;
    for (const lesson of lessons) {
      for (const [i, step] of lesson.steps.entries()) {
        const conds: Condition[] = [];
        if (step.kind === 'run' || step.kind === 'predict') conds.push(step.until);
        if (step.kind === 'challenge') conds.push(step.goal);
        for (const c of conds) {
          const text = goalText(c);
          n++;
          expect(text, `lesson ${lesson.number} step ${i + 1}`).not.toMatch(RAW);
          expect(text.length).toBeGreaterThan(8);
        }
      }
    }
    expect(n).toBeGreaterThan(20);
  });
});
