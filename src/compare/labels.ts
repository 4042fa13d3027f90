/**
 * Short names for the two policy sets of a comparison, from what the variant changes:
 * "TIME_WAIT on" / "TIME_WAIT off", "rfc1122 preset" / "linux preset", "RFC 1337 off" / "RFC 1337 on".
 */
import { POLICY_PRESETS, type Policies, type PolicyPresetName } from '../sim/index.js';

const PRESET_NAMES = Object.keys(POLICY_PRESETS) as PolicyPresetName[];

/** One policy's value in a word or two. */
export function policyValueLabel<K extends keyof Policies>(key: K, value: Policies[K]): string {
  switch (key) {
    case 'timeWait':
      return value === 'off' ? 'TIME_WAIT off' : 'TIME_WAIT on';
    case 'rstInTimeWait':
      return value === 'ignore' ? 'RFC 1337 on' : 'RFC 1337 off';
    case 'berkeleySynInTimeWait':
      return value ? 'Berkeley rule on' : 'Berkeley rule off';
    case 'mslSeconds':
      return `MSL ${String(value)} s`;
    case 'timeWaitFixedSeconds':
      return value === null ? 'TIME_WAIT 2 x MSL' : `TIME_WAIT ${String(value)} s`;
    case 'reuseTimeWait':
      return value === 'allow' ? 'TIME_WAIT reuse allowed' : 'TIME_WAIT reuse refused';
    default:
      return `${key}=${typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value)}`;
  }
}

/** The preset whose every value `policies` holds, if any. */
function presetOf(policies: Policies, only?: readonly PolicyPresetName[]): PolicyPresetName | undefined {
  return (only ?? PRESET_NAMES).find((name) =>
    Object.entries(POLICY_PRESETS[name]).every(([k, v]) => policies[k as keyof Policies] === v),
  );
}

/**
 * Labels for the base and the variant. A preset in the overrides is named as one; each other
 * override that changes a value is named by its value on each side.
 */
export function sideLabels(base: Policies, variant: Policies, overrides: Partial<Policies>): { a: string; b: string } {
  const a: string[] = [];
  const b: string[] = [];
  let rest = Object.keys(overrides) as Array<keyof Policies>;
  const preset = PRESET_NAMES.find((name) => Object.entries(POLICY_PRESETS[name]).every(([k, v]) => overrides[k as keyof Policies] === v));
  if (preset && presetOf(base, [preset]) === undefined) {
    const own = presetOf(base, PRESET_NAMES.filter((n) => n !== preset));
    a.push(own ? `${own} preset` : `no ${preset} preset`);
    b.push(`${preset} preset`);
    rest = rest.filter((k) => !(k in POLICY_PRESETS[preset]));
  }
  for (const key of rest) {
    if (base[key] === variant[key]) continue;
    a.push(policyValueLabel(key, base[key]));
    b.push(policyValueLabel(key, variant[key]));
  }
  if (b.length === 0) return { a: 'these policies', b: 'the same policies' };
  return { a: a.join(', '), b: b.join(', ') };
}
