import { describe, expect, it } from 'vitest';
import type { ProbeCase, ProbeResult, Prober } from '../../src/quiz/probeTypes.js';
import { transitionQuestions } from '../../src/quiz/transitions.js';
import type { SegmentRecord } from '../../src/sim/trace.js';
import type { Flag } from '../../src/sim/types.js';
import { checkTransitionQuestions } from './transitionChecks.js';

// A stand-in prober with a few rows of shared/reference/tcp-rules.md, to test the generator's
// logic apart from the simulator (transitionsSim.test.ts runs it on the real one).
function seg(...flags: Flag[]): SegmentRecord {
  return { id: 1, src: 'a:1', dst: 'b:2', from: 'server', flags, seq: 1, ack: 1, len: 0, window: 1000, data: '', ttl: 64, incarnation: 1, born: 0 };
}
const result = (sent: SegmentRecord[], next: ProbeResult['next'], rule: string): ProbeResult => ({ sent, next, app: [], rule, timers: [] });
const rows: Array<[ProbeCase, ProbeResult]> = [
  [
    { state: 'ESTABLISHED', key: 'close', event: { kind: 'call', call: 'close' }, label: 'ESTABLISHED: the application calls close()', rfc: 'RFC 9293 §3.10.4' },
    result([seg('FIN', 'ACK')], 'FIN_WAIT_1', 'close() (active close)'),
  ],
  [
    { state: 'ESTABLISHED', key: 'fin', event: { kind: 'segment', flags: ['FIN', 'ACK'], seq: 'in-window' }, label: 'ESTABLISHED: a FIN arrives', rfc: 'RFC 9293 §3.10.7.4' },
    result([seg('ACK')], 'CLOSE_WAIT', 'FIN received'),
  ],
  [
    { state: 'TIME_WAIT', key: 'fin-again', event: { kind: 'segment', flags: ['FIN', 'ACK'], seq: 'old' }, label: "TIME_WAIT: the peer's FIN arrives again", rfc: 'RFC 9293 §3.10.7.4' },
    result([seg('ACK')], 'TIME_WAIT', 'no transition'),
  ],
  [
    { state: 'TIME_WAIT', key: 'ack', event: { kind: 'segment', flags: ['ACK'], seq: 'in-window' }, label: 'TIME_WAIT: a bare ACK arrives', rfc: 'RFC 9293 §3.10.7.4' },
    result([], 'TIME_WAIT', 'no transition'),
  ],
  [
    { state: 'TIME_WAIT', key: '2msl', event: { kind: 'timer', timer: '2MSL' }, label: 'TIME_WAIT: the 2MSL timer expires', rfc: 'RFC 9293 §3.10.8' },
    result([], 'CLOSED', '2MSL timer expired'),
  ],
  [
    { state: 'CLOSED', key: 'fin', event: { kind: 'segment', flags: ['FIN', 'ACK'], seq: 'in-window' }, label: 'CLOSED: a FIN arrives', rfc: 'RFC 9293 §3.10.7.1' },
    result([seg('RST')], 'CLOSED', 'no transition'),
  ],
];
let probes = 0;
const fake: Prober = {
  enumerateProbeCases: () => rows.map(([c]) => c),
  probeTransition: (c) => {
    probes++;
    return rows.find(([k]) => k === c)![1];
  },
};

describe('transition questions (stand-in prober)', () => {
  const questions = transitionQuestions(fake);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answerText = (id: string) => {
    const q = byId.get(id)!;
    return q.options.find((o) => o.id === q.answerId)!;
  };

  it('mark the probed outcome as the answer, with unique options and RFC-naming explanations', () => {
    checkTransitionQuestions(questions, fake);
  });

  it('word the question and answer from the case and its outcome', () => {
    expect(answerText('transition:ESTABLISHED:close').text).toBe('Sends FIN,ACK; enters FIN_WAIT_1');
    expect(answerText('transition:TIME_WAIT:fin-again').text).toBe('Sends ACK; stays in TIME_WAIT');
    expect(answerText('transition:TIME_WAIT:ack').text).toBe('Sends nothing; stays in TIME_WAIT');
    expect(byId.get('transition:ESTABLISHED:close')!.prompt).toBe(
      'An endpoint is in ESTABLISHED, and the application calls close(). What does it send, and which state does it enter?',
    );
  });

  it('explain the rule, with background where the code reports "no transition"', () => {
    expect(answerText('transition:ESTABLISHED:close').explanation).toBe('Right. close() (active close) (RFC 9293 §3.10.4).');
    expect(answerText('transition:TIME_WAIT:fin-again').explanation).toMatch(/not acceptable.*It stays in TIME_WAIT \(RFC 9293 §3\.10\.7\.4\)/);
    expect(answerText('transition:CLOSED:fin').explanation).toMatch(/no connection.*reset/);
    expect(answerText('transition:TIME_WAIT:ack').explanation).toMatch(/stays in TIME_WAIT and sends nothing/);
  });

  it('tag lessons by state and event', () => {
    expect(byId.get('transition:TIME_WAIT:fin-again')!.lessons).toEqual(expect.arrayContaining(['lost-final-ack', 'review']));
    expect(byId.get('transition:TIME_WAIT:2msl')!.lessons).toContain('msl');
    expect(byId.get('transition:ESTABLISHED:close')!.lessons).toContain('the-close');
    expect(byId.get('transition:CLOSED:fin')!.lessons).toContain('lost-final-ack');
  });

  it('use the real outcome of another event in the same state as a distractor', () => {
    const texts = byId.get('transition:TIME_WAIT:ack')!.options.map((o) => o.text);
    expect(texts.some((t) => t === 'Sends ACK; stays in TIME_WAIT' || t === 'Sends nothing; enters CLOSED')).toBe(true);
  });

  it('are the same on every generation, probing each case once', () => {
    const before = probes;
    expect(transitionQuestions(fake)).toEqual(questions);
    expect(probes).toBe(before + rows.length);
  });
});
