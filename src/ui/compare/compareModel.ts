/**
 * Compare view's model, pure: which policy changes the picker offers, the shared clock's
 * moments, and the keyboard state as a reducer (phase, picker cursor, clock position, the run
 * shown below 160 columns, help).
 */
import { POLICY_PRESETS, type Policies, type PolicyPresetName, type TraceEvent } from '../../sim/index.js';
import { eventKey } from '../../compare/eventKey.js';

export interface Variant {
  /** What the picker lists, e.g. "TIME_WAIT off". */
  label: string;
  overrides: Partial<Policies>;
}

/** At or above this width both runs are drawn side by side; below it, one at a time. */
export const SIDE_BY_SIDE_COLUMNS = 160;

/** The changes the sandbox offers, each relative to the policies in force now. */
export function compareVariants(now: Policies): Variant[] {
  const out: Variant[] = [];
  out.push(now.timeWait === 'off' ? { label: 'TIME_WAIT on', overrides: { timeWait: 'rfc' } } : { label: 'TIME_WAIT off', overrides: { timeWait: 'off' } });
  for (const name of ['rfc1122', 'linux', 'bsd'] as PolicyPresetName[]) {
    const preset = POLICY_PRESETS[name];
    const already = Object.entries(preset).every(([k, v]) => now[k as keyof Policies] === v);
    if (!already) out.push({ label: `${name} preset`, overrides: { ...preset } });
  }
  out.push(now.rstInTimeWait === 'ignore' ? { label: 'RFC 1337 off', overrides: { rstInTimeWait: 'close' } } : { label: 'RFC 1337 on', overrides: { rstInTimeWait: 'ignore' } });
  return out;
}

/** Every moment either run has an event at, in order: the shared clock's stops. */
export function lockstepTimes(a: readonly TraceEvent[], b: readonly TraceEvent[]): number[] {
  const times = new Set<number>();
  for (const t of [a, b]) for (const ev of t) if (eventKey(ev) !== null) times.add(ev.at);
  return [...times].sort((x, y) => x - y);
}

export interface CompareState {
  phase: 'pick' | 'view';
  cursor: number;
  /** The chosen variant (an index into the picker's list). */
  chosen: number | null;
  /** Position of the shared clock in lockstepTimes. */
  index: number;
  /** The run shown when there is room for one only. */
  side: 'a' | 'b';
  /** Rows both ladders are scrolled back from "now" (0 follows it); a step follows again. */
  scroll: number;
  help: boolean;
}

export const initialCompareState: CompareState = { phase: 'pick', cursor: 0, chosen: null, index: 0, side: 'a', scroll: 0, help: false };

export type CompareAction =
  | { type: 'cursor'; delta: number; length: number }
  | { type: 'choose' }
  | { type: 'step'; delta: 1 | -1; length: number }
  | { type: 'toStart' }
  | { type: 'toEnd'; length: number }
  | { type: 'switchSide' }
  /** `max`: the most rows there are to scroll back. */
  | { type: 'scroll'; by: number; max: number }
  | { type: 'toggleHelp' }
  /** Esc in the view: back to the picker is not offered; the screen closes (its owner's job). */
  | { type: 'reset' };

export function compareReducer(s: CompareState, a: CompareAction): CompareState {
  switch (a.type) {
    case 'cursor':
      return a.length === 0 ? s : { ...s, cursor: (s.cursor + a.delta + a.length) % a.length };
    case 'choose':
      return { ...s, phase: 'view', chosen: s.cursor, index: 0, side: 'a' };
    case 'step': {
      const index = Math.min(Math.max(0, s.index + a.delta), Math.max(0, a.length - 1));
      return index === s.index && s.scroll === 0 ? s : { ...s, index, scroll: 0 };
    }
    case 'toStart':
      return s.index === 0 && s.scroll === 0 ? s : { ...s, index: 0, scroll: 0 };
    case 'toEnd':
      return { ...s, index: Math.max(0, a.length - 1), scroll: 0 };
    case 'scroll': {
      const scroll = Math.min(Math.max(0, s.scroll + a.by), Math.max(0, a.max));
      return scroll === s.scroll ? s : { ...s, scroll };
    }
    case 'switchSide':
      return { ...s, side: s.side === 'a' ? 'b' : 'a' };
    case 'toggleHelp':
      return { ...s, help: !s.help };
    case 'reset':
      return initialCompareState;
  }
}
