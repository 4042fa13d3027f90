/**
 * `tcp-timewait simulate` flags -> what to run. Parsing only: no file is written here.
 */
import { parseArgs } from 'node:util';
import { POLICY_PRESETS, type Policies, type PolicyPresetName } from '../sim/policy.js';
import type { IsnRule, Perturbation } from '../sim/scenario.js';
import type { CapturePoint } from '../export/index.js';
import { TEXT_FORMATS, type TextFormat } from '../export/index.js';
import { parseHostAt, parseInject, parseSegmentPerturbation } from './selectorSyntax.js';
import { MSL_MAX_SECONDS, SECONDS_MAX, U32_MAX } from '../sim/valueBounds.js';
import { checkedDecimal, checkedInteger, joinNegativeValues, parseSeed } from './numbers.js';
import { UsageError } from './usageError.js';
import { parsePolicyFlag } from './policyFlag.js';
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
      },
    });
  } catch (e) {
    // node:util's messages already name the option; keep them to one line.
    throw new UsageError(`simulate: ${(e as Error).message.split('\n')[0]} (see tcp-timewait simulate --help)`);
  }
  const v = parsed.values;
  const policies: Partial<Policies> = {};
  if (v.preset !== undefined) Object.assign(policies, POLICY_PRESETS[oneOf<PolicyPresetName>('preset', v.preset, ['rfc1122', 'bsd', 'linux'])]);
  if (v.msl !== undefined) policies.mslSeconds = checkedDecimal('--msl', `'${v.msl}'`, v.msl, { min: 0, minExclusive: true, max: MSL_MAX_SECONDS });
  if (v['time-wait'] !== undefined) policies.timeWait = oneOf('time-wait', v['time-wait'], ['rfc', 'off'] as const);
  if (v['time-wait-seconds'] !== undefined) policies.timeWaitFixedSeconds = checkedDecimal('--time-wait-seconds', `'${v['time-wait-seconds']}'`, v['time-wait-seconds'], { min: 0, minExclusive: true, max: SECONDS_MAX });
  if (v.berkeley !== undefined) policies.berkeleySynInTimeWait = oneOf('berkeley', v.berkeley, ['on', 'off'] as const) === 'on';
  if (v.rfc1337 !== undefined) policies.rstInTimeWait = oneOf('rfc1337', v.rfc1337, ['on', 'off'] as const) === 'on' ? 'ignore' : 'close';
  if (v.reuse !== undefined) policies.reuseTimeWait = oneOf('reuse', v.reuse, ['refuse', 'allow'] as const);
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
    width: v.width === undefined ? 80 : checkedInteger('--width', `'${v.width}'`, v.width, { min: 40, max: 1000 }),
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
  if (v.seed !== undefined) req.seedGiven = true;
  return req;
}
