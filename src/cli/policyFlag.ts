/**
 * `--policy KEY=VALUE`: switch any one policy of src/sim/policy.ts by name, after the preset,
 * e.g. `--policy timestamps=off --policy tcpTwReuse=1`. Values: on/true, off/false, null,
 * numbers, or a word; each is checked against the same schema as scenario and lesson files.
 */
import { DEFAULT_POLICIES, type Policies } from '../sim/policy.js';
import { policiesSchema } from '../lessons/simSchemas.js';
import { UsageError } from './usageError.js';

function valueOf(text: string): unknown {
  if (text === 'on' || text === 'true') return true;
  if (text === 'off' || text === 'false') return false;
  if (text === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

export function parsePolicyFlag(text: string): Partial<Policies> {
  const eq = text.indexOf('=');
  const key = eq < 0 ? text : text.slice(0, eq);
  const names = Object.keys(DEFAULT_POLICIES);
  if (eq < 0 || !names.includes(key)) {
    throw new UsageError(`--policy: '${text.slice(0, 60)}' is not accepted; expected KEY=VALUE with KEY one of ${names.join(', ')}`);
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
    throw new UsageError(`--policy: '${raw.slice(0, 40)}' is not accepted for ${key}; expected ${shown}`);
  }
  return parsed.data as Partial<Policies>;
}
