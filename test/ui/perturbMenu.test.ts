import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, type Policies } from '../../src/sim/policy.js';
import { globalEntries, perturbEntries, segmentEntries } from '../../src/ui/perturbMenu.js';
import { snapshotAt, ACK6_IN_FLIGHT } from './fixtures.js';

describe('perturb menu entries', () => {
  it('offers drop, duplicate, delay and loop for each segment in flight and for each host\'s next segment', () => {
    const e = segmentEntries(snapshotAt(1_170_000, [ACK6_IN_FLIGHT]));
    expect(e).toHaveLength(12);
    expect(e.slice(0, 4).map((x) => x.perturbation.kind)).toEqual(['drop', 'duplicate', 'delay', 'loop']);
    expect(e[0]!.perturbation).toEqual({ kind: 'drop', match: { id: ACK6_IN_FLIGHT.seg.id } });
    expect(e[4]!.perturbation).toEqual({ kind: 'drop', match: { from: 'client' } });
    expect(e[8]!.perturbation).toEqual({ kind: 'drop', match: { from: 'server' } });
  });

  it('offers every global switch, each as the opposite of the current policy', () => {
    const kinds = (p: Policies) => globalEntries(p).map((x) => x.label);
    const d = kinds(DEFAULT_POLICIES);
    for (const want of [/MSL 120 s/, /TIME_WAIT off/, /Berkeley rule off/, /RST in TIME_WAIT: ignore/, /reuse .* allow/, /RST,ACK/, /crash the client/, /crash the server/, /reconnect the client/]) {
      expect(d.some((l) => want.test(l)), String(want)).toBe(true);
    }
    const flipped = kinds({ ...DEFAULT_POLICIES, timeWait: 'off', berkeleySynInTimeWait: false, rstInTimeWait: 'ignore', reuseTimeWait: 'allow', abortSegment: 'rst-ack', mslSeconds: 120 });
    for (const want of [/MSL 30 s/, /TIME_WAIT on/, /Berkeley rule on/, /let it end TIME_WAIT/, /refuse it/, /bare RST/]) {
      expect(flipped.some((l) => want.test(l)), String(want)).toBe(true);
    }
    expect(flipped.some((l) => /MSL 120 s/.test(l))).toBe(false);
  });

  it('switches between the two tabs', () => {
    const snap = snapshotAt(0, []);
    expect(perturbEntries(snap, 0)).toEqual(segmentEntries(snap));
    expect(perturbEntries(snap, 1)).toEqual(globalEntries(snap.policies));
  });
});
