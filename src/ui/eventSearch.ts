/**
 * Search of the event log (`/` in the live view, like less or htop): which visible trace events
 * match a pattern, and which one n / N go to next. Pure functions of the trace, so the keys and
 * the screen agree and tests need no rendering.
 *
 * A pattern matches an event's sentence as the log shows it (flags, seq=, ack=, state names,
 * host names), ignoring case. `#N` matches the segment whose id is N, exactly, so `#8` does not
 * also find #80.
 */
import type { TraceEvent } from '../sim/trace.js';
import { describeEvent, fmtSeconds } from './format.js';
import { isVisibleEvent } from './simTypes.js';

function segmentId(ev: TraceEvent): number | undefined {
  return 'seg' in ev && ev.seg ? ev.seg.id : undefined;
}

export function eventMatches(ev: TraceEvent, pattern: string): boolean {
  const p = pattern.trim();
  if (p === '' || !isVisibleEvent(ev)) return false;
  const id = /^#(\d+)$/.exec(p);
  if (id) return segmentId(ev) === Number(id[1]);
  return `${fmtSeconds(ev.at)} ${describeEvent(ev)}`.toLowerCase().includes(p.toLowerCase());
}

/** Trace indices (within the first `length`) of every match, oldest first. */
export function searchTrace(trace: readonly TraceEvent[], length: number, pattern: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < length; i++) if (eventMatches(trace[i]!, pattern)) out.push(i);
  return out;
}

/**
 * The match to show after `from` (a trace index, or null for a fresh search): a fresh search
 * shows the newest match, n goes to the next older one, N to the next newer; both wrap around.
 */
export function nextMatch(matches: readonly number[], from: number | null, direction: 'older' | 'newer'): number | null {
  if (matches.length === 0) return null;
  if (from === null) return matches[matches.length - 1]!;
  if (direction === 'older') {
    for (let i = matches.length - 1; i >= 0; i--) if (matches[i]! < from) return matches[i]!;
    return matches[matches.length - 1]!;
  }
  for (const m of matches) if (m > from) return m;
  return matches[0]!;
}

/** How many visible events come after trace index `i`: the log's scroll that puts `i` at the bottom. */
export function visibleAfter(trace: readonly TraceEvent[], length: number, i: number): number {
  let n = 0;
  for (let k = i + 1; k < length; k++) if (isVisibleEvent(trace[k]!)) n++;
  return n;
}
