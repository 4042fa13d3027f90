import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seqAdd, seqDiff, seqGe, seqGt, seqInWindow, seqLe, seqLt, seqNorm, SEQ_MODULUS } from '../../src/sim/seq.js';

describe('32-bit sequence arithmetic (RFC 9293 §3.4)', () => {
  it.each([
    [1000, 2000, true],
    [2000, 1000, false],
    [0xffff_fff0, 0x10, true], // across the wrap: 0xfffffff0 comes before 0x10
    [0x10, 0xffff_fff0, false],
    [0, 0x7fff_ffff, true],
    [5, 5, false],
  ])('seqLt(%i, %i) is %s', (a, b, want) => {
    expect(seqLt(a, b)).toBe(want);
    expect(seqGt(b, a)).toBe(want);
  });

  it('adds with wrap-around', () => {
    expect(seqAdd(0xffff_ffff, 1)).toBe(0);
    expect(seqAdd(0xffff_fffe, 5)).toBe(3);
    expect(seqAdd(3, -5)).toBe(0xffff_fffe);
    expect(seqNorm(-1)).toBe(SEQ_MODULUS - 1);
  });

  it('a plain < is wrong at the wrap, which is why the helpers exist', () => {
    expect(0xffff_fff0 < 0x10).toBe(false);
    expect(seqLt(0xffff_fff0, 0x10)).toBe(true);
  });

  it('windows work across the wrap', () => {
    expect(seqInWindow(2, 0xffff_fffe, 10)).toBe(true);
    expect(seqInWindow(0xffff_fffd, 0xffff_fffe, 10)).toBe(false);
    expect(seqInWindow(10, 0xffff_fffe, 10)).toBe(false);
  });

  it('properties: order is antisymmetric and consistent with the distance', () => {
    const seq = fc.integer({ min: 0, max: SEQ_MODULUS - 1 });
    fc.assert(
      fc.property(seq, fc.integer({ min: 1, max: 0x7fff_ffff }), (a, n) => {
        const b = seqAdd(a, n);
        return seqLt(a, b) && !seqLt(b, a) && seqLe(a, b) && seqGe(b, a) && seqDiff(b, a) === n;
      }),
      { numRuns: 2000 },
    );
  });
});
