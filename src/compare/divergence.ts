/**
 * Where two runs of one scenario part: walking both traces in time order, the first event that
 * one run has and the other does not. "First" is weighed twice. What a host does that others can
 * see (a segment, an application's error, an alert) is the divergence a learner is shown; a
 * difference only in the inner workings (a state, a timer) that comes before it is kept as
 * `earlier`, the reason behind it. With no visible difference at all, the inner one is the
 * divergence.
 */
import type { Micros, TraceEvent } from '../sim/index.js';
import { eventKey, isBehaviour } from './eventKey.js';
import { divergenceSentence, type SideLabels } from './sentence.js';

/** One point where the runs differ: the time, and each side's event there (undefined: none). */
export interface DivergencePoint {
  at: Micros;
  indexA?: number | undefined;
  indexB?: number | undefined;
  sentence: string;
}

export interface Divergence extends DivergencePoint {
  /** 'behaviour': something on the wire or told to an application; 'internal': a state or timer. */
  kind: 'behaviour' | 'internal';
  /** An inner difference (a state, a timer) before the visible one: why it came. */
  earlier?: DivergencePoint | undefined;
}

interface Mismatch {
  at: Micros;
  indexA?: number | undefined;
  indexB?: number | undefined;
}

/** The first place where the weighed events of the two traces stop matching one for one. */
function firstMismatch(a: readonly TraceEvent[], b: readonly TraceEvent[], weighs: (ev: TraceEvent) => boolean): Mismatch | null {
  const next = (t: readonly TraceEvent[], from: number): number => {
    let i = from;
    while (i < t.length && (eventKey(t[i]!) === null || !weighs(t[i]!))) i++;
    return i;
  };
  let i = next(a, 0);
  let j = next(b, 0);
  while (i < a.length || j < b.length) {
    const ea = a[i];
    const eb = b[j];
    if (ea && eb && eventKey(ea) === eventKey(eb)) {
      i = next(a, i + 1);
      j = next(b, j + 1);
      continue;
    }
    const at = Math.min(ea?.at ?? Infinity, eb?.at ?? Infinity);
    // A side whose next event comes later has nothing at this moment.
    return paired(a, b, { at, indexA: ea && ea.at === at ? i : undefined, indexB: eb && eb.at === at ? j : undefined });
  }
  return null;
}

/**
 * Events of one instant come in an order the policies may change (one run releases the socket
 * before it changes state): when the two events differ in kind, the other side's event of the
 * same kind and host at that instant is the better partner ("TIME_WAIT" against "CLOSED").
 */
function paired(a: readonly TraceEvent[], b: readonly TraceEvent[], m: Mismatch): Mismatch {
  if (m.indexA === undefined || m.indexB === undefined) return m;
  const ea = a[m.indexA]!;
  const eb = b[m.indexB]!;
  if (ea.kind === eb.kind) return m;
  const partner = (t: readonly TraceEvent[], from: number, like: TraceEvent): number | undefined => {
    for (let k = from; k < t.length && t[k]!.at === like.at; k++) if (t[k]!.kind === like.kind && t[k]!.host === like.host) return k;
    return undefined;
  };
  const inB = partner(b, m.indexB + 1, ea);
  if (inB !== undefined) return { ...m, indexB: inB };
  const inA = partner(a, m.indexA + 1, eb);
  return inA !== undefined ? { ...m, indexA: inA } : m;
}

function point(m: Mismatch, a: readonly TraceEvent[], b: readonly TraceEvent[], labels: SideLabels): DivergencePoint {
  const ea = m.indexA === undefined ? undefined : a[m.indexA];
  const eb = m.indexB === undefined ? undefined : b[m.indexB];
  const cause = causeOf(m.indexA === undefined ? b : a, m.indexA ?? m.indexB, (ea ?? eb)!);
  return { at: m.at, indexA: m.indexA, indexB: m.indexB, sentence: divergenceSentence({ at: m.at, a: ea, b: eb, cause, labels }) };
}

/**
 * What the diverging host was answering: a segment that reached it at the same moment just
 * before (the same on both sides, since the traces matched up to here).
 */
function causeOf(trace: readonly TraceEvent[], index: number | undefined, ev: TraceEvent): TraceEvent | undefined {
  if (index === undefined || ev.kind === 'deliver') return undefined;
  for (let i = index - 1; i >= 0; i--) {
    const prev = trace[i]!;
    if (prev.at !== ev.at) return undefined;
    if (prev.kind === 'deliver' && prev.host === ev.host) return prev;
  }
  return undefined;
}

/** The first divergence of run B from run A, or null when they do the same throughout. */
export function findDivergence(a: readonly TraceEvent[], b: readonly TraceEvent[], labels: SideLabels = { a: 'the first policies', b: 'the second' }): Divergence | null {
  const seen = firstMismatch(a, b, isBehaviour);
  const inner = firstMismatch(a, b, () => true);
  if (!seen && !inner) return null;
  if (!seen) return { kind: 'internal', ...point(inner!, a, b, labels) };
  const visible: Divergence = { kind: 'behaviour', ...point(seen, a, b, labels) };
  const before = inner && (inner.at < seen.at || (inner.at === seen.at && (inner.indexA ?? inner.indexB ?? 0) < (seen.indexA ?? seen.indexB ?? 0)));
  if (before) visible.earlier = point(inner!, a, b, labels);
  return visible;
}
