/**
 * Which keys a mapping may have at a given place in a file, found by walking the zod schema
 * along the data path. Used to turn "unknown key" errors into "expected one of the keys ...
 * (did you mean ...?)" messages.
 */
import type { z } from 'zod';
import type { DataPath } from './yamlSource.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: readonly z.ZodType[];
  discriminator?: string;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(s: z.ZodType): z.ZodType {
  let d = defOf(s);
  while ((d.type === 'optional' || d.type === 'nullable') && d.innerType) {
    s = d.innerType;
    d = defOf(s);
  }
  return s;
}

/** Pick the union member that fits `value` (by discriminator, else the first object member). */
function pick(s: z.ZodType, value: unknown): z.ZodType | undefined {
  const d = defOf(s);
  if (d.type !== 'union' || !d.options) return s;
  if (d.discriminator && value && typeof value === 'object') {
    const want = (value as Record<string, unknown>)[d.discriminator];
    return d.options.find((o) => {
      const lit = defOf(unwrap(o)).shape?.[d.discriminator!];
      return lit && (defOf(lit) as { values?: unknown[] }).values?.includes(want);
    });
  }
  return undefined;
}

export function allowedKeys(root: z.ZodType, data: unknown, path: DataPath): string[] | undefined {
  let s: z.ZodType | undefined = root;
  let v: unknown = data;
  for (const key of path) {
    s = s && pick(unwrap(s), v);
    if (!s) return undefined;
    const d = defOf(unwrap(s));
    if (d.type === 'object') s = d.shape?.[String(key)];
    else if (d.type === 'array') s = d.element;
    else return undefined;
    v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key as string] : undefined;
  }
  s = s && pick(unwrap(s), v);
  if (!s) return undefined;
  const d = defOf(unwrap(s));
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : undefined;
}

/** The closest candidate by edit distance, if it is plausibly a typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
