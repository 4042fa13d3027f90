/**
 * What the perturb menu offers, as data: for each in-flight segment (and the next segment each
 * endpoint will send) drop / duplicate / delay / loop; and the global switches. Every entry is a
 * MenuAction of src/lessons/uiActions.ts, so the menu offers exactly what the lesson linter
 * accepts in a worked solution. Entries that need a number (MSL, a delay, a loop's length, a
 * count of copies) carry its range; the number is typed, then `entryPerturbation` builds the
 * Perturbation.
 */
import { timeWaitSeconds, type Policies } from '../sim/policy.js';
import type { Perturbation } from '../sim/scenario.js';
import type { HostName } from '../sim/types.js';
import type { SimSnapshot } from '../sim/view.js';
import {
  CRASH_REBOOT_SECONDS,
  describeRange,
  menuPerturbation,
  OP_RANGE,
  RANGES,
  SEGMENT_OPS,
  type MenuAction,
  type SegmentOp,
  type SegmentTarget,
  type ValueRange,
} from '../lessons/uiActions.js';
import { segLabel, segMarks } from './format.js';

export interface MenuEntry {
  label: string;
  action: MenuAction;
  /** The number this entry asks for before it applies, and how to ask. */
  ask?: { range: ValueRange; prompt: string };
  /** What is applied when no number is typed (or the entry asks none). */
  perturbation: Perturbation;
}

const OP_WORDS: Record<SegmentOp, string> = { drop: 'drop      ', duplicate: 'duplicate…', delay: 'delay…    ', loop: 'loop…     ' };
const OP_PROMPTS: Record<SegmentOp, string> = {
  drop: '',
  duplicate: 'How many extra copies?',
  delay: 'Hold it up for how many seconds?',
  loop: 'Keep it looping for how many seconds?',
};

function segmentActions(what: string, target: SegmentTarget): MenuEntry[] {
  return SEGMENT_OPS.map((op) => {
    const action: MenuAction = { kind: 'segment', op, target };
    const range = OP_RANGE[op];
    const entry: MenuEntry = { label: `${OP_WORDS[op]} ${what}`, action, perturbation: menuPerturbation(action) };
    if (range) entry.ask = { range, prompt: OP_PROMPTS[op] };
    return entry;
  });
}

export function segmentEntries(snap: SimSnapshot): MenuEntry[] {
  const out: MenuEntry[] = [];
  for (const f of snap.inFlight) {
    const dir = f.from === 'client' ? 'client→server' : 'server→client';
    out.push(...segmentActions(`${segMarks(f.seg)}${segLabel(f.seg)} (in flight ${dir}${f.looping ? ', looping' : ''})`, { id: f.seg.id }));
  }
  for (const host of ['client', 'server'] as HostName[]) {
    // The engine applies a selector to segments already in flight first, then to new ones.
    out.push(...segmentActions(`the ${host}'s next segment (in flight, else the next sent)`, { from: host }));
  }
  return out;
}

const entry = (label: string, action: MenuAction): MenuEntry => ({ label, action, perturbation: menuPerturbation(action) });

/**
 * The Global tab. Its entries keep their places whatever the policies are (a switch's label says
 * which way choosing it turns it), so a hint can say where to find one.
 */
export function globalEntries(p: Policies): MenuEntry[] {
  const twNow = p.timeWaitFixedSeconds !== null ? `TIME_WAIT fixed at ${p.timeWaitFixedSeconds} s` : `TIME_WAIT lasts ${timeWaitSeconds(p)} s`;
  return [
    {
      ...entry(`MSL… type a value (now ${p.mslSeconds} s; ${twNow})`, { kind: 'msl', seconds: p.mslSeconds }),
      ask: { range: RANGES.msl, prompt: 'New MSL in seconds?' },
    },
    p.timeWait === 'rfc'
      ? entry('TIME_WAIT: turn off (the ablation: the active closer goes straight to CLOSED)', { kind: 'switch', name: 'timeWait', to: 'off' })
      : entry('TIME_WAIT: turn on (the active closer waits 2×MSL, as RFC 9293 says)', { kind: 'switch', name: 'timeWait', to: 'rfc' }),
    p.berkeleySynInTimeWait
      ? entry('Berkeley rule: turn off (a SYN arriving in TIME_WAIT is answered with an ACK; the wait goes on)', { kind: 'switch', name: 'berkeleySynInTimeWait', to: false })
      : entry('Berkeley rule: turn on (a SYN with a higher sequence number may reopen a TIME_WAIT connection)', { kind: 'switch', name: 'berkeleySynInTimeWait', to: true }),
    p.rstInTimeWait === 'close'
      ? entry('RST in TIME_WAIT: ignore it (the RFC 1337 fix)', { kind: 'switch', name: 'rstInTimeWait', to: 'ignore' })
      : entry('RST in TIME_WAIT: let it end TIME_WAIT (what RFC 1337 warns about)', { kind: 'switch', name: 'rstInTimeWait', to: 'close' }),
    p.reuseTimeWait === 'refuse'
      ? entry('reuse of a 4-tuple still in TIME_WAIT: allow it', { kind: 'switch', name: 'reuseTimeWait', to: 'allow' })
      : entry('reuse of a 4-tuple still in TIME_WAIT: refuse it (EADDRINUSE)', { kind: 'switch', name: 'reuseTimeWait', to: 'refuse' }),
    p.abortSegment === 'rst'
      ? entry('an abort sends RST,ACK (as Linux does)', { kind: 'switch', name: 'abortSegment', to: 'rst-ack' })
      : entry('an abort sends a bare RST (as RFC 9293 says)', { kind: 'switch', name: 'abortSegment', to: 'rst' }),
    entry(`crash the client (reboots after ${CRASH_REBOOT_SECONDS} s)`, { kind: 'crash', host: 'client' }),
    entry(`crash the server (reboots after ${CRASH_REBOOT_SECONDS} s)`, { kind: 'crash', host: 'server' }),
    entry('reconnect the client from the same port', { kind: 'reconnect', host: 'client' }),
  ];
}

export const PERTURB_TABS = ['Segment', 'Global'] as const;

export function perturbEntries(snap: SimSnapshot, tab: number): MenuEntry[] {
  return tab === 0 ? segmentEntries(snap) : globalEntries(snap.policies);
}

/** The action with the typed number put in (entries that ask none are returned as they are). */
export function withValue(action: MenuAction, value: number | undefined): MenuAction {
  if (value === undefined) return action;
  if (action.kind === 'msl') return { ...action, seconds: value };
  if (action.kind === 'segment') return { ...action, value };
  return action;
}

/** The prompt line of a typed entry: what to type and what is allowed. */
export function promptLine(e: MenuEntry): string {
  if (!e.ask) return '';
  const r = e.ask.range;
  return `${e.ask.prompt} (${describeRange(r)}${r.fallback !== undefined ? `; Enter alone: ${r.fallback}` : ''})`;
}

const num = (v: number): string => String(Number(v.toFixed(3)));

/**
 * The line shown once an entry is applied: the new state in words ("MSL is now 15 s"), never a
 * before/after pair that reads as a contradiction. `before` is the policies it was chosen under.
 */
export function appliedMessage(action: MenuAction, before: Policies, targetLabel = ''): string {
  switch (action.kind) {
    case 'msl': {
      const tw = before.timeWaitFixedSeconds !== null ? `TIME_WAIT stays fixed at ${before.timeWaitFixedSeconds} s` : `TIME_WAIT lasts ${num(2 * action.seconds)} s`;
      return `Applied: MSL is now ${num(action.seconds)} s (${tw})`;
    }
    case 'switch':
      switch (action.name) {
        case 'timeWait':
          return `Applied: TIME_WAIT is now ${action.to === 'off' ? 'off (closers go straight to CLOSED)' : 'on'}`;
        case 'berkeleySynInTimeWait':
          return `Applied: the Berkeley rule is now ${action.to ? 'on' : 'off'}`;
        case 'rstInTimeWait':
          return action.to === 'ignore' ? 'Applied: an RST in TIME_WAIT is now ignored' : 'Applied: an RST in TIME_WAIT now ends it';
        case 'reuseTimeWait':
          return `Applied: reusing a 4-tuple in TIME_WAIT is now ${action.to === 'allow' ? 'allowed' : 'refused'}`;
        case 'abortSegment':
          return `Applied: an abort now sends ${action.to === 'rst' ? 'a bare RST' : 'RST,ACK'}`;
      }
      break;
    case 'crash':
      return `Applied: the ${action.host} crashes (it reboots after ${CRASH_REBOOT_SECONDS} s)`;
    case 'reconnect':
      return `Applied: the ${action.host} reconnects from the same port`;
    case 'segment': {
      const v = action.value ?? OP_RANGE[action.op]?.fallback;
      const how = action.op === 'drop' ? 'drop' : action.op === 'duplicate' ? `duplicate (${v} extra)` : `${action.op} ${v} s`;
      return `Applied: ${how} ${targetLabel}`;
    }
  }
  return 'Applied';
}

/** The entry's label without its operation word, for the applied message of a segment action. */
export function targetOf(e: MenuEntry): string {
  return e.action.kind === 'segment' ? e.label.slice(OP_WORDS[e.action.op].length + 1) : '';
}
