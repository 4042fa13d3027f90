/**
 * "Put these segments in the order they are sent" questions. The segments are a stretch of a
 * real run (runObserver.ts); they are listed under letters in a scrambled order, and each option
 * is an order of the letters. The right order is the run's; a wrong one is explained by the first
 * pair it gets backwards, with what made the later segment happen.
 *
 * API:
 *   ORDER_SPECS                          which stretch of which run each question uses
 *   orderQuestions() -> QuizQuestion[]   id `order:<name>`
 */
import type { SegmentRecord, TraceEvent } from '../sim/trace.js';
import { seconds } from './premise.js';
import { observedRuns } from './runObserver.js';
import { arrangeOptions, shuffled } from './shuffle.js';
import type { LessonId, QuizQuestion } from './types.js';

export interface OrderSpec {
  name: string;
  run: string;
  /** Index of the first endpoint send in the run, and how many segments. */
  first: number;
  count: number;
  intro: string;
  lessons: LessonId[];
  source: string;
}

export const ORDER_SPECS: readonly OrderSpec[] = [
  { name: 'handshake', run: 'normal-close', first: 0, count: 3, intro: 'The client connects to the FTP server.', lessons: ['review'], source: 'RFC 9293 §3.5 (three-way handshake)' },
  { name: 'four-segment-close', run: 'normal-close', first: 7, count: 4, intro: 'The client closes first, then the server.', lessons: ['the-close'], source: 'RFC 9293 §3.6' },
  { name: 'server-closes-first', run: 'berkeley-exception', first: 8, count: 4, intro: 'In an rsh-style exchange the server closed first; the client closes, then connects again from the same port.', lessons: ['the-close', 'the-exception'], source: 'RFC 9293 §3.6; RFC 1122 §4.2.2.13' },
  { name: 'new-incarnation', run: 'berkeley-exception', first: 11, count: 3, intro: 'The server is in TIME_WAIT; the client connects again from the same port, with a higher sequence number.', lessons: ['the-exception'], source: 'RFC 1122 §4.2.2.13' },
  { name: 'lost-fin', run: 'normal-close+drop-first-fin', first: 7, count: 4, intro: "The client closes first, and its first FIN is lost on the way.", lessons: ['lost-final-ack', 'review'], source: 'RFC 9293 §3.6, §3.10.8 (retransmission timeout)' },
  { name: 'abort', run: 'abort-rst', first: 5, count: 3, intro: 'The server sends a reply; the client reads it and then aborts with SO_LINGER 0.', lessons: ['in-practice'], source: 'RFC 9293 §3.10.5' },
];

type Send = Extract<TraceEvent, { kind: 'send' }>;

const LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

function label(seg: SegmentRecord): string {
  const data = seg.len > 0 ? ` with ${seg.len} bytes of data` : '';
  const again = seg.retransmitOf !== undefined ? ', sent again' : '';
  return `the ${seg.from}'s ${seg.flags.join(',')}${data}${again}`;
}

/** Why a segment was sent when it was: what happened in its step just before it. */
function trigger(trace: readonly TraceEvent[], send: Send): string {
  const same = trace.filter((e) => e.step === send.step);
  const got = same.find((e) => e.kind === 'deliver' && e.host === send.host);
  if (got && got.kind === 'deliver') return `it answers ${label(got.seg)}, which arrives only at ${seconds(got.at)}`;
  const timer = same.find((e) => e.kind === 'timer' && e.action === 'expire');
  if (timer) return `it is sent when the retransmission timer fires, at ${seconds(send.at)}`;
  const call = same.find((e) => e.kind === 'state' && /^(close|connect|abort)\(\)/.test(e.cause));
  if (call && call.kind === 'state') return `it is sent when the ${call.host}'s application calls ${call.cause.split('(')[0]}(), at ${seconds(send.at)}`;
  return `it is sent at ${seconds(send.at)}`;
}

/** Wrong orders worth offering: each swaps one adjacent pair, or moves the last segment first. */
function wrongOrders(n: number): number[][] {
  const base = Array.from({ length: n }, (_, i) => i);
  const out: number[][] = [];
  for (let i = 0; i + 1 < n; i++) {
    const o = [...base];
    [o[i], o[i + 1]] = [o[i + 1]!, o[i]!];
    out.push(o);
  }
  out.push([n - 1, ...base.slice(0, n - 1)]);
  return out.slice(0, 3);
}

function question(spec: OrderSpec): QuizQuestion {
  const observed = observedRuns().find((r) => r.run.id === spec.run);
  if (!observed) throw new Error(`order question ${spec.name}: no run "${spec.run}"`);
  const sends = observed.trace.filter((e): e is Send => e.kind === 'send' && (e.host === 'client' || e.host === 'server'));
  const picked = sends.slice(spec.first, spec.first + spec.count);
  if (picked.length !== spec.count) throw new Error(`order question ${spec.name}: the run has too few segments`);
  const id = `order:${spec.name}`;
  // Letters are handed out in a scrambled order, never the sent order.
  let perm = shuffled(picked.map((_, i) => i), id);
  if (perm.every((v, i) => v === i)) perm = [...perm.slice(1), perm[0]!];
  const letterOf = (sentIndex: number) => LETTERS[perm.indexOf(sentIndex)]!;
  const text = (order: number[]) => order.map(letterOf).join(', ');
  const right = {
    text: text(picked.map((_, i) => i)),
    explanation: `In the run: ${picked.map((s, i) => `${letterOf(i)} at ${seconds(s.at)}`).join(', ')}. ${picked
      .slice(1)
      .map((s) => `${letterOf(picked.indexOf(s))}: ${trigger(observed.trace, s)}.`)
      .join(' ')}`,
  };
  const wrong = wrongOrders(picked.length).map((order) => {
    const k = order.findIndex((v, i) => v !== i);
    const early = picked[order[k]!]!;
    return {
      text: text(order),
      explanation: `This puts ${letterOf(order[k]!)} (${label(early.seg)}) before ${letterOf(k)}, which is sent first. ${letterOf(order[k]!)} cannot come earlier: ${trigger(observed.trace, early)}.`,
    };
  });
  const { options, answerId } = arrangeOptions(id, right, wrong);
  return {
    id,
    kind: 'order',
    premise: [
      `From a run of ${observed.run.label}.`,
      spec.intro,
      ...perm.map((sentIndex, pos) => `  ${LETTERS[pos]}. ${label(picked[sentIndex]!.seg)}`),
    ],
    prompt: 'In which order are these segments sent?',
    options,
    answerId,
    lessons: spec.lessons.includes('review') ? spec.lessons : [...spec.lessons, 'review'],
    topic: `Segment order: ${spec.name.replace(/-/g, ' ')}`,
    source: `${spec.source}; simulator run (${observed.run.label})`,
    sequence: { run: spec.run, steps: picked.map((s) => s.step) },
  };
}

export function orderQuestions(): QuizQuestion[] {
  return ORDER_SPECS.map(question);
}
