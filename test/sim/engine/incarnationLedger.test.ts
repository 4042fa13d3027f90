import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IncarnationLedger } from '../../../src/sim/engine/incarnationLedger.js';

const client = (port: number) => ({ ip: '10.0.0.1', port });
const server = { ip: '10.0.0.2', port: 21 };

describe('incarnation ledger', () => {
  it('finds one tuple from either end, and tells different tuples apart', () => {
    const l = new IncarnationLedger();
    const a = l.tuple(client(50000), server);
    expect(l.tuple(server, client(50000))).toBe(a);
    expect(l.tuple(client(50001), server)).not.toBe(a);
    expect(l.tuple({ ip: '10.0.0.3', port: 50000 }, server)).not.toBe(a);
    l.raise(a, 1);
    expect(l.count(a)).toBe(1);
    expect(l.count(l.tuple(client(50001), server))).toBe(0);
  });

  it('restoring a save gives back exactly the counts of then, however much came after', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3000 }), { maxLength: 400 }),
        fc.array(fc.integer({ min: 1, max: 3000 }), { maxLength: 400 }),
        (before, after) => {
          const l = new IncarnationLedger();
          const bump = (port: number): void => {
            const t = l.tuple(client(port), server);
            l.raise(t, l.count(t) + 1);
          };
          before.forEach(bump);
          const countOf = (port: number): number => l.count(l.tuple(client(port), server));
          const then = before.map(countOf);
          const saved = l.save();
          after.forEach(bump);
          l.save(); // a later save must not change the earlier one
          const check = (): void => {
            expect(before.map(countOf)).toEqual(then);
            // Tuples first seen after the save have had no incarnation then.
            for (const port of after) if (!before.includes(port)) expect(countOf(port)).toBe(0);
          };
          l.restore(saved);
          check();
          // The run goes on from there, and can come back again.
          after.forEach(bump);
          l.restore(saved);
          check();
        },
      ),
      { numRuns: 100 },
    );
  });
});
