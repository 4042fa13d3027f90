/**
 * `tcp-timewait simulate` flags -> what to run. Parsing only: no file is written here.
 */
import { parseArgs } from 'node:util';
import type { Policies } from '../sim/policy.js';
import type { IsnRule, Perturbation } from '../sim/scenario.js';
import type { CapturePoint } from '../export/index.js';
import { TEXT_FORMATS, type TextFormat } from '../export/index.js';
import { parseHostAt, parseInject, parseSegmentPerturbation } from './selectorSyntax.js';
import { SECONDS_MAX, U32_MAX } from '../sim/valueBounds.js';
import { checkedDecimal, checkedInteger, joinNegativeValues, parseSeed } from './numbers.js';
import { UsageError } from './usageError.js';
import { parsePolicyAlias, parsePolicyFlag, POLICY_ALIASES } from './policyFlag.js';
import { parseCompareFlag } from './compareFlag.js';
import { COMPARE_MIN_WIDTH, COMPARE_WIDTH } from '../compare/sideBySide.js';
import { LIMITS, formatCount } from '../sim/limits.js';

export interface SimulateRequest {
  scenario: string;
  seed: number;
  /** --seed was given (it then overrides a run file's seed). */
  seedGiven?: boolean;
  policies: Partial<Policies>;
  isn?: IsnRule;
  lossRate?: number;
  perturbations: Perturbation[];
  until?: number;
  /** The engine's event budget (LIMITS.events unless --max-events). */
  maxEvents: number;
  format: TextFormat;
  pcap?: string;
  /** Also write pcapng: one interface per capture point, a comment on each packet. */
  pcapng?: string;
  /** Overwrite an existing output file (never through a symlink). */
  force?: boolean;
  capture: CapturePoint;
  width: number;
  /** --compare: what a second run changes; the output then shows both runs. */
  compare?: Partial<Policies>;
}

const CAPTURES: readonly CapturePoint[] = ['sender', 'client', 'server', 'r1', 'r2'];

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag}: '${value}' is not accepted; expected one of ${allowed.join(', ')}`);
}

/** A flag's value: whole numbers up to 2^32-1, anything else a time in seconds (finite, bounded). */
function num(flag: string, value: string, min: number, integer = false): number {
  return integer
    ? checkedInteger(`--${flag}`, `'${value}'`, value, { min, max: U32_MAX })
    : checkedDecimal(`--${flag}`, `'${value}'`, value, { min, max: SECONDS_MAX });
}

/** The upper bounds of src/sim/limits.ts, checked after the number itself is accepted. */
function atMost(flag: string, n: number, max: number, unit = ''): number {
  if (n > max) throw new UsageError(`--${flag}: ${n} is too large; the most accepted is ${formatCount(max)}${unit}`);
  return n;
}

export function parseSimulateArgs(argv: string[]): SimulateRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      strict: true,
      allowPositionals: false,
      options: {
        scenario: { type: 'string', short: 's' },
        seed: { type: 'string' },
        msl: { type: 'string' },
        preset: { type: 'string' },
        'time-wait': { type: 'string' },
        'time-wait-seconds': { type: 'string' },
        berkeley: { type: 'string' },
        rfc1337: { type: 'string' },
        reuse: { type: 'string' },
        policy: { type: 'string', multiple: true },
        isn: { type: 'string' },
        loss: { type: 'string' },
        until: { type: 'string' },
        'max-events': { type: 'string' },
        format: { type: 'string', short: 'f' },
        pcap: { type: 'string' },
        pcapng: { type: 'string' },
        force: { type: 'boolean' },
        capture: { type: 'string' },
        width: { type: 'string' },
        drop: { type: 'string', multiple: true },
        duplicate: { type: 'string', multiple: true },
        delay: { type: 'string', multiple: true },
        loop: { type: 'string', multiple: true },
        reorder: { type: 'string', multiple: true },
        heal: { type: 'string', multiple: true },
        crash: { type: 'string', multiple: true },
        reconnect: { type: 'string', multiple: true },
        inject: { type: 'string', multiple: true },
        compare: { type: 'string' },
      },
    });
  } catch (e) {
    // node:util's messages already name the option; keep them to one line.
    throw new UsageError(`simulate: ${(e as Error).message.split('\n')[0]} (see tcp-timewait simulate --help)`);
  }
  const v = parsed.values;
  const policies: Partial<Policies> = {};
  // The preset first, so a flag given with it changes one of its values.
  for (const name of POLICY_ALIASES) {
    const value = v[name];
    if (value !== undefined) Object.assign(policies, parsePolicyAlias(name, value));
  }
  for (const text of v.policy ?? []) Object.assign(policies, parsePolicyFlag(text));

  const perturbations: Perturbation[] = [];
  for (const kind of ['drop', 'duplicate', 'delay', 'loop', 'reorder'] as const) {
    for (const text of v[kind] ?? []) perturbations.push(parseSegmentPerturbation(kind, text));
  }
  for (const text of v.heal ?? []) perturbations.push({ kind: 'heal', at: num('heal', text, 0) });
  for (const text of v.crash ?? []) perturbations.push(parseHostAt('--crash', text));
  for (const text of v.reconnect ?? []) perturbations.push(parseHostAt('--reconnect', text));
  for (const text of v.inject ?? []) perturbations.push(parseInject(text));

  const req: SimulateRequest = {
    scenario: v.scenario ?? 'normal-close',
    seed: v.seed === undefined ? 1 : parseSeed(v.seed),
    policies,
    perturbations,
    format: v.format === undefined ? 'text' : oneOf('format', v.format, TEXT_FORMATS),
    capture: v.capture === undefined ? 'sender' : oneOf('capture', v.capture, CAPTURES),
    width: v.width === undefined ? (v.compare === undefined ? 80 : COMPARE_WIDTH) : checkedInteger('--width', `'${v.width}'`, v.width, { min: 40, max: 1000 }),
    maxEvents: v['max-events'] === undefined ? LIMITS.events : atMost('max-events', num('max-events', v['max-events'], 1, true), LIMITS.maxEventsCeiling),
  };
  if (v.isn !== undefined) {
    const rule = oneOf('isn', v.isn, ['fixed', 'clock', 'random'] as const);
    req.isn = rule === 'fixed' ? { rule, client: 1000, server: 5000 } : { rule };
  }
  if (v.loss !== undefined) {
    req.lossRate = checkedDecimal('--loss', `'${v.loss}'`, v.loss, { min: 0, max: 1 }, 'a probability');
    if (req.lossRate >= 1) throw new UsageError(`--loss: '${v.loss}' is not accepted; expected a probability from 0 up to (not including) 1`);
  }
  if (v.until !== undefined) req.until = num('until', v.until, 0); // at most LIMITS.seconds, via SECONDS_MAX
  if (v.pcap !== undefined) {
    if (v.pcap.trim() === '') throw new UsageError(`--pcap: needs a file name, e.g. --pcap run.pcap`);
    req.pcap = v.pcap;
  }
  if (v.pcapng !== undefined) {
    if (v.pcapng.trim() === '') throw new UsageError(`--pcapng: needs a file name, e.g. --pcapng run.pcapng`);
    req.pcapng = v.pcapng;
  }
  req.force = v.force === true;
  if (v.compare !== undefined) {
    req.compare = parseCompareFlag(v.compare);
    if (!['text', 'ladder', 'json'].includes(req.format)) throw new UsageError(`--compare: --format ${req.format} is not accepted; compare prints text or ladder (both ladders side by side) or json`);
    if (req.pcap !== undefined || req.pcapng !== undefined) throw new UsageError('--compare: --pcap and --pcapng are not accepted; a capture holds one run');
    // Two ladders of at least 60 columns and the divider between them.
    if (req.width < COMPARE_MIN_WIDTH) throw new UsageError(`--width: ${req.width} is too narrow for --compare; the least accepted is ${COMPARE_MIN_WIDTH}`);
  }
  if (v.seed !== undefined) req.seedGiven = true;
  return req;
}
