/**
 * `--compare KEY=VALUE[,KEY=VALUE...]`: what the second run of a comparison changes. Each KEY is
 * one of the policy flags' own names (`time-wait=off`, `preset=linux`, `rfc1337=on`, `msl=60`)
 * or any policy by its --policy name (`timestamps=off`); the values are read by the same
 * parsers as those flags. A preset goes first, so `preset=linux,msl=60` changes one of its values.
 */
import type { Policies } from '../sim/policy.js';
import { isPolicyAlias, parsePolicyAlias, parsePolicyFlag } from './policyFlag.js';
import { UsageError } from './usageError.js';

export function parseCompareFlag(text: string): Partial<Policies> {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) {
    throw new UsageError(`--compare: '${text.slice(0, 60)}' is not accepted; expected KEY=VALUE[,KEY=VALUE...], e.g. --compare time-wait=off`);
  }
  const presetFirst = [...items].sort((x, y) => Number(!x.startsWith('preset=')) - Number(!y.startsWith('preset=')));
  const out: Partial<Policies> = {};
  for (const item of presetFirst) {
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    if (eq >= 0 && isPolicyAlias(key)) Object.assign(out, parsePolicyAlias(key, item.slice(eq + 1), `--compare ${key}`));
    else Object.assign(out, parsePolicyFlag(item, '--compare'));
  }
  return out;
}
