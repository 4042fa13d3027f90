/** The divergence sentence, case by case, from hand-built events. */
import { describe, expect, it } from 'vitest';
import { divergenceSentence, markText, segName } from '../../src/compare/sentence.js';
import type { TraceEvent } from '../../src/sim/trace.js';
import { segmentRecord } from '../fixtures/segmentRecord.js';

const labels = { a: 'TIME_WAIT on', b: 'TIME_WAIT off' };
const conn = { local: '12.106.32.254:1500', remote: '206.168.112.219:21', incarnation: 1 };
const at = 1_850_000;
const fin = segmentRecord(12, 'server', ['FIN', 'ACK'], 5024, 1014, 1_800_000, { retransmitOf: 10 });
const reached: TraceEvent = { at, step: 80, host: 'client', kind: 'deliver', seg: fin };
const send = (flags: Array<'ACK' | 'RST' | 'FIN'>, ack = 5025, extra = {}): TraceEvent => ({
  at,
  step: 81,
  host: 'client',
  kind: 'send',
  seg: segmentRecord(13, 'client', flags, 1014, ack, at, extra),
});

describe('divergenceSentence', () => {
  it.each<[string, TraceEvent | undefined, TraceEvent | undefined, TraceEvent | undefined, string]>([
    [
      'send vs send with different flags, answering a segment',
      send(['ACK']),
      send(['RST'], 0),
      reached,
      'At 1.850 s the retransmitted FIN reaches the client: with TIME_WAIT on the client answers ACK; with TIME_WAIT off it answers RST.',
    ],
    [
      'send vs send with the same flags: the labels in full',
      send(['ACK'], 5025),
      send(['ACK'], 5026),
      undefined,
      'At 1.850 s: with TIME_WAIT on the client sends ACK seq=1014 ack=5025; with TIME_WAIT off it sends ACK seq=1014 ack=5026.',
    ],
    [
      'send vs nothing',
      send(['ACK']),
      undefined,
      reached,
      'At 1.850 s the retransmitted FIN reaches the client: with TIME_WAIT on the client answers ACK; with TIME_WAIT off the client sends nothing.',
    ],
    [
      'nothing vs send',
      undefined,
      send(['RST'], 0),
      undefined,
      'At 1.850 s: with TIME_WAIT on the client sends nothing; with TIME_WAIT off the client sends RST.',
    ],
    [
      'state change vs none',
      { at, step: 5, host: 'client', kind: 'state', from: 'FIN_WAIT_2', to: 'TIME_WAIT', conn, cause: 'FIN received' },
      undefined,
      undefined,
      'At 1.850 s: with TIME_WAIT on the client goes from FIN_WAIT_2 to TIME_WAIT; with TIME_WAIT off the client stays in FIN_WAIT_2.',
    ],
    [
      'state vs state',
      { at, step: 5, host: 'client', kind: 'state', from: 'FIN_WAIT_2', to: 'TIME_WAIT', conn, cause: 'FIN received' },
      { at, step: 5, host: 'client', kind: 'state', from: 'FIN_WAIT_2', to: 'CLOSED', conn, cause: 'FIN received' },
      undefined,
      'At 1.850 s: with TIME_WAIT on the client goes from FIN_WAIT_2 to TIME_WAIT; with TIME_WAIT off it goes from FIN_WAIT_2 to CLOSED.',
    ],
    [
      'an application error vs a segment',
      { at, step: 9, host: 'client', kind: 'app', event: 'EADDRINUSE', conn },
      send(['ACK']),
      undefined,
      "At 1.850 s: with TIME_WAIT on the client's application gets EADDRINUSE; with TIME_WAIT off it sends ACK.",
    ],
    [
      'an application error on the other host vs nothing',
      undefined,
      { at, step: 9, host: 'server', kind: 'app', event: 'ECONNRESET', conn },
      undefined,
      "At 1.850 s: with TIME_WAIT on the server's application is told nothing; with TIME_WAIT off the server's application gets ECONNRESET.",
    ],
    [
      'a timer of another length',
      { at, step: 5, host: 'client', kind: 'timer', timer: '2MSL', action: 'start', expires: at + 240_000_000, conn },
      { at, step: 5, host: 'client', kind: 'timer', timer: '2MSL', action: 'start', expires: at + 60_000_000, conn },
      undefined,
      'At 1.850 s: with TIME_WAIT on the client starts its 2MSL timer (4m 00s); with TIME_WAIT off it starts its 2MSL timer (60.0 s).',
    ],
    [
      'an alert vs nothing',
      undefined,
      { at, step: 9, host: 'server', kind: 'alert', alert: 'old-duplicate-accepted', detail: '' },
      undefined,
      'At 1.850 s: with TIME_WAIT on nothing goes wrong; with TIME_WAIT off an old duplicate was accepted at the server.',
    ],
  ])('%s', (_name, a, b, cause, want) => {
    expect(divergenceSentence({ at, a, b, cause, labels })).toBe(want);
  });

  it('names segments as learners know them', () => {
    expect(segName({ flags: ['SYN', 'ACK'], len: 0 })).toBe('SYN,ACK');
    expect(segName({ flags: ['RST', 'ACK'], len: 0 })).toBe('RST,ACK');
    expect(segName({ flags: ['PSH', 'ACK'], len: 5 })).toBe('data');
    expect(segName({ flags: ['FIN', 'ACK'], len: 0 })).toBe('FIN');
  });

  it('marks each ladder with its own side', () => {
    expect(markText('>>', send(['RST'], 0))).toBe('>> diverges: client sends RST');
    expect(markText('◆', undefined)).toBe('◆ diverges: nothing happens here');
  });
});
