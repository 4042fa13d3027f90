/** asciicast v2 text: the header line, then output lines whose times never go back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toAsciicast } from '../../src/export/asciicast.js';

describe('toAsciicast', () => {
  it('writes a version 2 header and one [time, "o", data] line per chunk', () => {
    const text = toAsciicast({ width: 80, height: 24, title: 'demo' }, [
      { time: 0, data: '\u001b[1mhi' },
      { time: 0.5, data: '' },
      { time: 1.25, data: 'there\n' },
    ]);
    const [h, ...rest] = text.trimEnd().split('\n');
    expect(JSON.parse(h!)).toEqual({ version: 2, width: 80, height: 24, title: 'demo' });
    expect(rest.map((l) => JSON.parse(l))).toEqual([
      [0, 'o', '\u001b[1mhi'],
      [1.25, 'o', 'there\n'],
    ]);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('never lets time go back, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ time: fc.double({ min: 0, max: 1e4, noNaN: true }), data: fc.string({ minLength: 1 }) })), (out) => {
        const times = toAsciicast({ width: 80, height: 24 }, out)
          .trimEnd()
          .split('\n')
          .slice(1)
          .map((l) => (JSON.parse(l) as [number])[0]);
        expect(times).toHaveLength(out.length);
        for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]!);
      }),
    );
  });
});
