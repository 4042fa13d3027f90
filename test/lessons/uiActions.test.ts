/** What the perturb menu can do, as the linter sees it: solution actions in, menu actions or reasons out. */
import { describe, expect, it } from 'vitest';
import { asMenuAction, menuPerturbation, type SolutionAction } from '../../src/lessons/uiActions.js';

const problemAt = (a: SolutionAction) => {
  const r = asMenuAction(a);
  return 'problem' in r ? r.problem.path : undefined;
};

describe('asMenuAction', () => {
  it('accepts what the menu offers and maps it back to the same Perturbation', () => {
    const ok: SolutionAction[] = [
      { kind: 'drop', match: { from: 'client' } },
      { kind: 'drop', match: { id: 7 } },
      { kind: 'duplicate', match: { from: 'server' }, copies: 3 },
      { kind: 'delay', match: { from: 'client' }, by: 4 },
      { kind: 'loop', match: { from: 'client' }, for: 6 },
      { kind: 'policy', set: { mslSeconds: 0.5 } },
      { kind: 'policy', set: { timeWait: 'off' } },
      { kind: 'policy', set: { berkeleySynInTimeWait: true } },
      { kind: 'reconnect', host: 'client' },
    ];
    for (const a of ok) {
      const r = asMenuAction(a);
      expect('action' in r, JSON.stringify(a)).toBe(true);
      if ('action' in r) expect(menuPerturbation(r.action)).toEqual(a);
    }
    // Optional values the menu fills in with its default.
    const d = asMenuAction({ kind: 'duplicate', match: { from: 'client' } });
    expect('action' in d && menuPerturbation(d.action)).toEqual({ kind: 'duplicate', match: { from: 'client' }, copies: 1 });
    const c = asMenuAction({ kind: 'crash', host: 'server' });
    expect('action' in c && menuPerturbation(c.action)).toEqual({ kind: 'crash', host: 'server', rebootAfter: 5 });
  });

  it('names the part of an action the menu cannot produce', () => {
    expect(problemAt({ kind: 'drop', match: { from: 'client', nth: 3 } })).toEqual(['match', 'nth']);
    expect(problemAt({ kind: 'drop', match: { from: 'client', senderState: 'TIME_WAIT' } })).toEqual(['match', 'senderState']);
    expect(problemAt({ kind: 'drop', match: {} })).toEqual(['match']);
    expect(problemAt({ kind: 'duplicate', match: { from: 'client' }, gap: 1 })).toEqual(['gap']);
    expect(problemAt({ kind: 'loop', match: { from: 'client' }, laps: 3 })).toEqual(['laps']);
    expect(problemAt({ kind: 'delay', match: { from: 'client' }, by: 100 })).toEqual(['by']);
    expect(problemAt({ kind: 'reorder', match: { from: 'client' } })).toEqual(['kind']);
    expect(problemAt({ kind: 'heal' })).toEqual(['kind']);
    expect(problemAt({ kind: 'policy', set: { mslSeconds: 10, timeWait: 'off' } })).toEqual(['set']);
    expect(problemAt({ kind: 'policy', set: { initialTtl: 3 } })).toEqual(['set', 'initialTtl']);
    expect(problemAt({ kind: 'policy', set: { mslSeconds: 1000 } })).toEqual(['set', 'mslSeconds']);
    expect(problemAt({ kind: 'crash', host: 'client', rebootAfter: 1 })).toEqual(['rebootAfter']);
    expect(problemAt({ kind: 'reconnect', host: 'client', port: 2000 })).toEqual(['port']);
    expect(problemAt({ kind: 'drop', match: { from: 'client' }, at: { kind: 'quiet' } })).toEqual(['at']);
  });
});
