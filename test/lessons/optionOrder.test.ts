import { describe, expect, it } from 'vitest';
import { optionOrder, optionSeed } from '../../src/lessons/optionOrder.js';

const sorted = (a: readonly number[]) => [...a].sort((x, y) => x - y);

describe('optionOrder', () => {
  it('is a permutation of 0..count-1', () => {
    for (const count of [0, 1, 2, 3, 4, 7]) {
      for (let s = 0; s < 50; s++) expect(sorted(optionOrder(count, `seed-${s}`))).toEqual([...Array(count).keys()]);
    }
  });

  it('is the same for the same seed (stable while the learner stays on the step)', () => {
    const seed = optionSeed('learner-a', 'msl', 4, 0, 7);
    expect(optionOrder(3, seed)).toEqual(optionOrder(3, seed));
  });

  it('differs by seed: every order of three options turns up, about equally often', () => {
    const seen = new Map<string, number>();
    for (let a = 0; a < 600; a++) {
      const key = optionOrder(3, optionSeed('learner-a', 'the-close', 3, 0, a)).join('');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(seen.size).toBe(6);
    for (const n of seen.values()) expect(n).toBeGreaterThan(60); // 100 expected each
  });

  it('puts the first file option at each place about equally often across learners', () => {
    const places = [0, 0, 0];
    for (let l = 0; l < 900; l++) places[optionOrder(3, optionSeed(`learner-${l}`, 'review', 4, 2, 0)).indexOf(0)]!++;
    for (const n of places) expect(n).toBeGreaterThan(240); // 300 expected each
  });

  it('another learner, or another attempt, usually sees another order', () => {
    const base = optionOrder(4, optionSeed('learner-a', 'msl', 4, 0, 0)).join('');
    const others = [optionSeed('learner-b', 'msl', 4, 0, 0), optionSeed('learner-a', 'msl', 4, 0, 1), optionSeed('learner-a', 'msl', 4, 1, 0)];
    expect(others.filter((s) => optionOrder(4, s).join('') !== base).length).toBeGreaterThanOrEqual(2);
  });
});
