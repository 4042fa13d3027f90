/**
 * What a learner can do with the perturb menu, as data: the one place that says which
 * Perturbations the keys can produce. The menu (src/ui/perturbMenu.ts) builds its entries from
 * `menuPerturbation`, and the linter accepts a challenge's worked solution only when every action
 * in it is one of these (`asMenuAction`), so "the solution works" implies "a learner can do it".
 *
 * No UI here: lessons may not depend on the screen, only the screen on this.
 */
import type { Condition } from '../sim/condition.js';
import type { Policies } from '../sim/policy.js';
import type { Perturbation, SegmentSelector } from '../sim/scenario.js';
import type { HostName } from '../sim/types.js';

/** A number the learner types into the menu, and what it may be. */
export interface ValueRange {
  min: number;
  max: number;
  integer: boolean;
  /** Shown after the number: "s" or "" (a count). */
  unit: string;
  /** Used when Enter is pressed on an empty prompt (none: a value must be typed). */
  fallback?: number;
}

export const RANGES = {
  msl: { min: 0.1, max: 600, integer: false, unit: 's' },
  delay: { min: 0.1, max: 60, integer: false, unit: 's', fallback: 2 },
  loop: { min: 0.5, max: 300, integer: false, unit: 's', fallback: 20 },
  copies: { min: 1, max: 10, integer: true, unit: '', fallback: 1 },
} as const satisfies Record<string, ValueRange>;

/** How long a crashed host stays down: the menu offers this one value. */
export const CRASH_REBOOT_SECONDS = 5;

/** "0.1 to 600 s", "1 to 10". */
export function describeRange(r: ValueRange): string {
  return `${r.min} to ${r.max}${r.unit ? ` ${r.unit}` : ''}${r.integer ? ' (a whole number)' : ''}`;
}

export function inRange(r: ValueRange, v: number): boolean {
  return Number.isFinite(v) && v >= r.min && v <= r.max && (!r.integer || Number.isInteger(v));
}

/** Read what the learner typed: a value in range, or a one-line reason it is not one. */
export function parseTyped(r: ValueRange, text: string): { value: number } | { error: string } {
  if (text === '') {
    if (r.fallback !== undefined) return { value: r.fallback };
    return { error: `Type a number from ${describeRange(r)}.` };
  }
  const v = /^\d*\.?\d*$/.test(text) && text !== '.' ? Number(text) : NaN;
  if (!Number.isFinite(v)) return { error: `"${text}" is not a number: type ${describeRange(r)}.` };
  if (!inRange(r, v)) return { error: `${text} is outside the allowed range: ${describeRange(r)}.` };
  return { value: v };
}

export type SegmentOp = 'drop' | 'duplicate' | 'delay' | 'loop';
export const SEGMENT_OPS: readonly SegmentOp[] = ['drop', 'duplicate', 'delay', 'loop'];
/** The typed value each segment operation asks for (drop asks none). */
export const OP_RANGE: Record<SegmentOp, ValueRange | undefined> = { drop: undefined, duplicate: RANGES.copies, delay: RANGES.delay, loop: RANGES.loop };

/** A segment in flight (by its id), or "the next segment this host sends". */
export type SegmentTarget = { id: number } | { from: HostName };

/** The on/off switches of the Global tab, each with its two values. */
export const SWITCHES = {
  timeWait: ['rfc', 'off'],
  berkeleySynInTimeWait: [true, false],
  rstInTimeWait: ['close', 'ignore'],
  reuseTimeWait: ['refuse', 'allow'],
  abortSegment: ['rst', 'rst-ack'],
} as const satisfies { [K in keyof Policies]?: readonly Policies[K][] };
export type SwitchName = keyof typeof SWITCHES;
export const SWITCH_NAMES = Object.keys(SWITCHES) as SwitchName[];

export type MenuAction =
  | { kind: 'segment'; op: SegmentOp; target: SegmentTarget; value?: number }
  | { kind: 'msl'; seconds: number }
  | { kind: 'switch'; name: SwitchName; to: Policies[SwitchName] }
  | { kind: 'crash'; host: HostName }
  | { kind: 'reconnect'; host: HostName };

/** The Perturbation a menu action applies: the menu and the linter both go through here. */
export function menuPerturbation(a: MenuAction): Perturbation {
  switch (a.kind) {
    case 'segment': {
      const match: SegmentSelector = 'id' in a.target ? { id: a.target.id } : { from: a.target.from };
      const v = a.value ?? OP_RANGE[a.op]?.fallback;
      switch (a.op) {
        case 'drop':
          return { kind: 'drop', match };
        case 'duplicate':
          return { kind: 'duplicate', match, copies: v ?? 1 };
        case 'delay':
          return { kind: 'delay', match, by: v ?? RANGES.delay.fallback };
        case 'loop':
          return { kind: 'loop', match, for: v ?? RANGES.loop.fallback };
      }
      break;
    }
    case 'msl':
      // Only the MSL: a fixed TIME_WAIT (Linux) stays fixed, as it does on Linux.
      return { kind: 'policy', set: { mslSeconds: a.seconds } };
    case 'switch':
      return { kind: 'policy', set: { [a.name]: a.to } };
    case 'crash':
      return { kind: 'crash', host: a.host, rebootAfter: CRASH_REBOOT_SECONDS };
    case 'reconnect':
      return { kind: 'reconnect', host: a.host };
  }
}

type Untimed<P> = P extends unknown ? Omit<P, 'at' | 'afterStep'> : never;

/**
 * One action of a worked solution: a Perturbation, and optionally the point to act at. `at` is a
 * condition, "step (n) until this has happened since the challenge began, then act", which is
 * exactly what a learner does; without it the action is taken at once.
 */
export type SolutionAction = Untimed<Perturbation> & { at?: Condition };

/** Why an action is not something the keys can do, and where in the action it lies. */
export interface UiProblem {
  /** Path inside the action, e.g. ['match', 'nth']. */
  path: (string | number)[];
  found: string;
  expected: string;
}

const MENU_SEGMENT = 'a segment the perturb menu can pick: `match: { from: client }` or `{ from: server }` (its next segment), with `at:` to step until it is in flight';

/** The menu action a solution action stands for, or the first reason the UI cannot do it. */
export function asMenuAction(p: SolutionAction): { action: MenuAction } | { problem: UiProblem } {
  const bad = (path: (string | number)[], found: string, expected: string) => ({ problem: { path, found, expected } });
  if (p.at && (p.at.kind === 'time' || p.at.kind === 'quiet')) {
    return bad(['at'], `an "at" of kind ${p.at.kind}`, 'a point the learner can step to: a state, segment, app, timer or alert condition');
  }
  const extra = (allowed: string[]): string | undefined => Object.keys(p).find((k) => !['kind', 'at', ...allowed].includes(k));
  switch (p.kind) {
    case 'drop':
    case 'duplicate':
    case 'delay':
    case 'loop': {
      const keys = Object.keys(p.match);
      const odd = keys.find((k) => k !== 'from' && k !== 'id');
      if (odd !== undefined) return bad(['match', odd], `a selector with "${odd}" (the menu cannot pick segments that way)`, MENU_SEGMENT);
      if (keys.length !== 1) return bad(['match'], 'a selector with no single "from" or "id"', MENU_SEGMENT);
      const target: SegmentTarget = p.match.id !== undefined ? { id: p.match.id } : { from: p.match.from! };
      const field = { drop: undefined, duplicate: 'copies', delay: 'by', loop: 'for' }[p.kind];
      const o = extra(['match', ...(field ? [field] : [])]);
      if (o !== undefined) return bad([o], `"${o}" in a ${p.kind}`, field ? `only "match" and "${field}" (the menu asks for nothing else)` : 'only "match" (the menu asks for nothing else)');
      const range = OP_RANGE[p.kind];
      const value = field ? (p as unknown as Record<string, number | undefined>)[field] : undefined;
      if (range && value !== undefined && !inRange(range, value)) return bad([field!], `${field} ${value}`, `a value the menu accepts: ${describeRange(range)}`);
      return { action: { kind: 'segment', op: p.kind, target, ...(value !== undefined && { value }) } };
    }
    case 'policy': {
      const keys = Object.keys(p.set) as (keyof Policies)[];
      const allowed = `one of mslSeconds, ${SWITCH_NAMES.join(', ')} (what the Global tab offers)`;
      if (keys.length !== 1) return bad(['set'], `${keys.length} policies in one action`, `one policy per action, ${allowed}`);
      const key = keys[0]!;
      const val = p.set[key];
      if (key === 'mslSeconds') {
        if (!inRange(RANGES.msl, val as number)) return bad(['set', key], `mslSeconds ${String(val)}`, `an MSL the menu accepts: ${describeRange(RANGES.msl)}`);
        return { action: { kind: 'msl', seconds: val as number } };
      }
      if ((SWITCH_NAMES as string[]).includes(key)) return { action: { kind: 'switch', name: key as SwitchName, to: val as Policies[SwitchName] } };
      return bad(['set', key], `the policy "${key}" (no menu entry sets it)`, allowed);
    }
    case 'crash':
      if (p.rebootAfter !== undefined && p.rebootAfter !== CRASH_REBOOT_SECONDS) {
        return bad(['rebootAfter'], `rebootAfter ${p.rebootAfter}`, `the menu's crash, which reboots after ${CRASH_REBOOT_SECONDS} s`);
      }
      return { action: { kind: 'crash', host: p.host } };
    case 'reconnect': {
      const o = extra(['host']);
      if (o !== undefined) return bad([o], `"${o}" in a reconnect`, 'only "host" (the menu reconnects from the same port)');
      return { action: { kind: 'reconnect', host: p.host } };
    }
    default:
      return bad(['kind'], `a "${p.kind}" action (the perturb menu has no such entry)`, 'drop, duplicate, delay, loop, policy, crash or reconnect');
  }
}
