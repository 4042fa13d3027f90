import { describe, expect, it } from 'vitest';
import type { ProbeCase, ProbeResult, Prober } from '../../src/quiz/probeTypes.js';
import type { Occurrence, QuizRunSpec } from '../../src/quiz/runObserver.js';
import { outcomeOf, transitionQuestions } from '../../src/quiz/transitions.js';
import { DEFAULT_POLICIES } from '../../src/sim/policy.js';
import type { SegmentRecord } from '../../src/sim/trace.js';
import type { Flag } from '../../src/sim/types.js';
import { checkTransitionQuestions } from './transitionChecks.js';

// A stand-in prober with a few rows of shared/reference/tcp-rules.md, and stand-in run
// occurrences, to test the generator's logic apart from the simulator (transitionsSim.test.ts
// runs it on the real one).
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
    { state: 'FIN_WAIT_2', key: 'close', event: { kind: 'call', call: 'close' }, label: 'FIN_WAIT_2: the application calls close()', rfc: 'RFC 9293 §3.10.4' },
    result([], 'FIN_WAIT_2', 'no transition'),
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
const RUN: QuizRunSpec = { id: 'stand-in', label: 'a stand-in run', spec: { name: 'stand-in', title: '', description: '', script: [] } };
function occurrence(i: number, override: Partial<Occurrence> = {}): Occurrence {
  const [c, r] = rows[i]!;
  const o = outcomeOf(r);
  return { run: RUN, step: 10 + i, at: 1_000_000 * (i + 1), host: 'client', state: c.state, key: c.key, policies: DEFAULT_POLICIES, sent: o.sent, next: o.next, ...override };
}
// Seen in the "run": close, FIN, repeated FIN, 2MSL. Not seen: the bare ACK in TIME_WAIT, and
// close() in FIN_WAIT_2 (API misuse). One more occurrence disagrees with the probe.
const found: Occurrence[] = [occurrence(0), occurrence(1), occurrence(2), occurrence(4), occurrence(0, { step: 99 }), occurrence(3, { next: 'CLOSED' })];

describe('transition questions (stand-in prober and runs)', () => {
  const questions = transitionQuestions(fake, found);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answerText = (id: string) => {
    const q = byId.get(id)!;
    return q.options.find((o) => o.id === q.answerId)!;
  };

  it('mark the probed outcome as the answer, with unique options and RFC-naming explanations', () => {
    checkTransitionQuestions(questions, fake);
  });

  it('ask only about situations found in a run, once each, and only where the run agrees with the probe', () => {
    expect(questions.map((q) => q.id)).toEqual([
      'transition:ESTABLISHED:close',
      'transition:ESTABLISHED:fin',
      'transition:TIME_WAIT:fin-again',
      'transition:TIME_WAIT:2msl',
    ]);
    expect(byId.has('transition:FIN_WAIT_2:close')).toBe(false);
    expect(byId.has('transition:TIME_WAIT:ack')).toBe(false);
  });

  it('set the premise in the run: which end, its state, the event and when; the prompt asks about that end', () => {
    const q = byId.get('transition:ESTABLISHED:close')!;
    expect(q.premise).toEqual(['From a run of a stand-in run:', 'The client is in ESTABLISHED.', 'Then, at 1.000 s, the application calls close().']);
    expect(q.prompt).toBe('What does the client send, and which state does it enter?');
    expect(q.source).toContain('simulator run (a stand-in run, 1.000 s)');
    expect(q.drawnFrom).toEqual({ run: 'stand-in', step: 10 });
  });

  it('word the answer from the outcome, and explain it in taught words where one is written', () => {
    expect(answerText('transition:ESTABLISHED:close').text).toBe('Sends FIN,ACK; enters FIN_WAIT_1');
    expect(answerText('transition:TIME_WAIT:fin-again').text).toBe('Sends ACK; stays in TIME_WAIT');
    expect(answerText('transition:ESTABLISHED:close').explanation).toMatch(/^close\(\) on an open connection sends a FIN.*\(RFC 9293 §3\.10\.4\)\.$/);
    expect(answerText('transition:TIME_WAIT:fin-again').explanation).toMatch(/final ACK was lost/);
    for (const q of questions) for (const o of q.options) expect(o.explanation).not.toMatch(/^Right/);
  });

  it('tag lessons by state and event', () => {
    expect(byId.get('transition:TIME_WAIT:fin-again')!.lessons).toEqual(expect.arrayContaining(['lost-final-ack', 'review']));
    expect(byId.get('transition:TIME_WAIT:2msl')!.lessons).toContain('msl');
    expect(byId.get('transition:ESTABLISHED:close')!.lessons).toContain('the-close');
  });

  it('are the same on every generation', () => {
    const before = probes;
    expect(transitionQuestions(fake, found)).toEqual(questions);
    expect(probes).toBeGreaterThan(before);
  });
});
