/**
 * Deterministic shuffling keyed by a string, so a question's options come out in the same order
 * every run (no Math.random in the quiz: the same bank must give the same quiz to a test).
 */

/** FNV-1a, 32 bits: a small, well-spread hash of a string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator seeded by a string (mulberry32 step). */
export function seededRandom(key: string): () => number {
  let s = hashString(key);
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], key: string): T[] {
  const out = [...items];
  const rand = seededRandom(key);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Letter ids for options in display order. */
export const OPTION_IDS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

/**
 * Turn a right answer and its distractors into options in a stable shuffled order.
 * Returns the options and the id the right one landed on.
 */
export function arrangeOptions(
  key: string,
  right: { text: string; explanation: string },
  wrong: ReadonlyArray<{ text: string; explanation: string }>,
): { options: Array<{ id: string; text: string; explanation: string }>; answerId: string; order: number[] } {
  const all = [right, ...wrong];
  const order = shuffled(
    all.map((_, i) => i),
    key,
  );
  const options = order.map((i, pos) => ({ id: OPTION_IDS[pos]!, text: all[i]!.text, explanation: all[i]!.explanation }));
  const answerId = OPTION_IDS[order.indexOf(0)]!;
  return { options, answerId, order };
}

/**
 * The same question with its options in a new order for one showing, keyed by the learner and
 * the attempt (e.g. `${learnerId}:${session}:${question.id}`). Option ids are handed out again in
 * display order, and the answer id and per-option outcomes follow their options.
 */
export function reshuffleOptions<Q extends { options: Array<{ id: string; text: string; explanation: string }>; answerId: string; outcomes?: Record<string, unknown> }>(
  q: Q,
  key: string,
): Q {
  const order = shuffled(
    q.options.map((_, i) => i),
    key,
  );
  const options = order.map((i, pos) => ({ ...q.options[i]!, id: OPTION_IDS[pos]! }));
  const newId = (oldId: string) => OPTION_IDS[order.findIndex((i) => q.options[i]!.id === oldId)]!;
  const out: Q = { ...q, options, answerId: newId(q.answerId) };
  if (q.outcomes) {
    out.outcomes = Object.fromEntries(Object.entries(q.outcomes).map(([id, v]) => [newId(id), v]));
  }
  return out;
}
