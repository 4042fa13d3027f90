import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { heapPop, heapPush, type HeapEntry } from '../../../src/sim/engine/heap.js';

describe('event queue heap', () => {
  it('pops in (time, seq) order: equal times come out in scheduling order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const heap: HeapEntry<number>[] = [];
        times.forEach((time, seq) => heapPush(heap, { time, seq, item: seq }));
        const out: HeapEntry<number>[] = [];
        for (let e = heapPop(heap); e; e = heapPop(heap)) out.push(e);
        const sorted = [...out].sort((a, b) => a.time - b.time || a.seq - b.seq);
        return out.length === times.length && out.every((e, i) => e === sorted[i]);
      }),
      { numRuns: 500 },
    );
  });
});
