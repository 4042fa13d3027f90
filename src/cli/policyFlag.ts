/**
 * `--policy KEY=VALUE`: switch any one policy of src/sim/policy.ts by name, after the preset,
 * e.g. `--policy timestamps=off --policy tcpTwReuse=1`. Values: on/true, off/false, null,
 * numbers, or a word; each is checked against the same schema as scenario and lesson files.
 */
import { DEFAULT_POLICIES, POLICY_PRESETS, type Policies, type PolicyPresetName } from '../sim/policy.js';
import { policiesSchema } from '../lessons/simSchemas.js';
import { MSL_MAX_SECONDS, SECONDS_MAX } from '../sim/valueBounds.js';
import { checkedDecimal } from './numbers.js';
import { UsageError } from './usageError.js';

function valueOf(text: string): unknown {
  if (text === 'on' || text === 'true') return true;
  if (text === 'off' || text === 'false') return false;
  if (text === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

export function parsePolicyFlag(text: string, flag = '--policy'): Partial<Policies> {
  const eq = text.indexOf('=');
  const key = eq < 0 ? text : text.slice(0, eq);
  const names = Object.keys(DEFAULT_POLICIES);
  if (eq < 0 || !names.includes(key)) {
    throw new UsageError(`${flag}: '${text.slice(0, 60)}' is not accepted; expected KEY=VALUE with KEY one of ${names.join(', ')}`);
  }
  const raw = text.slice(eq + 1);
  let value = valueOf(raw);
  // Booleans written as on/off, and switches whose values are words.
  const kind = typeof DEFAULT_POLICIES[key as keyof Policies];
  if (kind === 'boolean' && typeof value !== 'boolean') value = raw;
  // Switches whose values are words (timeWait=off, delayedAck=off) keep the word.
  if (kind === 'string') value = raw;
  const parsed = policiesSchema.safeParse({ [key]: value });
  if (!parsed.success) {
    const shown = typeof DEFAULT_POLICIES[key as keyof Policies] === 'boolean' ? 'on or off' : `a value like ${JSON.stringify(DEFAULT_POLICIES[key as keyof Policies])}`;
    throw new UsageError(`${flag}: '${raw.slice(0, 40)}' is not accepted for ${key}; expected ${shown}`);
  }
  return parsed.data as Partial<Policies>;
}

/** The flags that set one policy (or a preset) by a friendlier name than --policy's. */
export const POLICY_ALIASES = ['preset', 'msl', 'time-wait', 'time-wait-seconds', 'berkeley', 'rfc1337', 'reuse'] as const;
export type PolicyAlias = (typeof POLICY_ALIASES)[number];

export function isPolicyAlias(name: string): name is PolicyAlias {
  return (POLICY_ALIASES as readonly string[]).includes(name);
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag}: '${value}' is not accepted; expected one of ${allowed.join(', ')}`);
}

/**
 * `--time-wait off`, `--preset linux`, `--rfc1337 on`...: what one such flag sets. `flag` names
 * it in errors (`--time-wait`, or `--compare time-wait` for the same words inside --compare).
 */
export function parsePolicyAlias(name: PolicyAlias, value: string, flag = `--${name}`): Partial<Policies> {
  switch (name) {
    case 'preset':
      return { ...POLICY_PRESETS[oneOf<PolicyPresetName>(flag, value, ['rfc1122', 'bsd', 'linux'])] };
    case 'msl':
      return { mslSeconds: checkedDecimal(flag, `'${value}'`, value, { min: 0, minExclusive: true, max: MSL_MAX_SECONDS }) };
    case 'time-wait':
      return { timeWait: oneOf(flag, value, ['rfc', 'off'] as const) };
    case 'time-wait-seconds':
      return { timeWaitFixedSeconds: checkedDecimal(flag, `'${value}'`, value, { min: 0, minExclusive: true, max: SECONDS_MAX }) };
    case 'berkeley':
      return { berkeleySynInTimeWait: oneOf(flag, value, ['on', 'off'] as const) === 'on' };
    case 'rfc1337':
      return { rstInTimeWait: oneOf(flag, value, ['on', 'off'] as const) === 'on' ? 'ignore' : 'close' };
    case 'reuse':
      return { reuseTimeWait: oneOf(flag, value, ['refuse', 'allow'] as const) };
  }
}
