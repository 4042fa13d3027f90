/**
 * A deep copy of the engine state for checkpoints. structuredClone does the same job, but it
 * serialises through the host's clone algorithm and was the largest single cost of a long run.
 * The state is a tree (plain objects, arrays and Maps, each owned by one parent: packets live
 * only in the in-flight map and the queue refers to them by id), so no identity map is needed.
 * Objects that are shared but never mutated after creation (addresses) are copied per use.
 */
export function deepCopy<T>(value: T): T {
  return copy(value) as T;
}

function copy(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = copy(v[i]);
    return out;
  }
  if (v instanceof Map) {
    const out = new Map();
    for (const [k, x] of v) out.set(k, copy(x));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k in v as Record<string, unknown>) out[k] = copy((v as Record<string, unknown>)[k]);
  return out;
}
