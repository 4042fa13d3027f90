import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, POLICY_PRESETS, type Policies } from '../../src/sim/policy.js';
import { parseTyped, RANGES } from '../../src/lessons/uiActions.js';
import { initialUiState, uiReducer, type UiAction, type UiState } from '../../src/ui/keys/uiState.js';
import { appliedMessage, globalEntries, perturbEntries, promptLine, segmentEntries } from '../../src/ui/perturbMenu.js';
import { snapshotAt, ACK6_IN_FLIGHT } from './fixtures.js';

describe('perturb menu entries', () => {
  it('offers drop, duplicate, delay and loop for each segment in flight and for each host\'s next segment', () => {
    const e = segmentEntries(snapshotAt(1_170_000, [ACK6_IN_FLIGHT]));
    expect(e).toHaveLength(12);
    expect(e.slice(0, 4).map((x) => x.perturbation.kind)).toEqual(['drop', 'duplicate', 'delay', 'loop']);
    expect(e[0]!.perturbation).toEqual({ kind: 'drop', match: { id: ACK6_IN_FLIGHT.seg.id } });
    expect(e[4]!.perturbation).toEqual({ kind: 'drop', match: { from: 'client' } });
    expect(e[8]!.perturbation).toEqual({ kind: 'drop', match: { from: 'server' } });
    // Duplicate, delay and loop ask for a number; drop does not.
    expect(e.slice(0, 4).map((x) => x.ask?.range)).toEqual([undefined, RANGES.copies, RANGES.delay, RANGES.loop]);
  });

  it('keeps every global entry in its place and labels each switch with what choosing it does', () => {
    const labels = (p: Policies) => globalEntries(p).map((x) => x.label);
    const d = labels(DEFAULT_POLICIES);
    const flipped = labels({ ...DEFAULT_POLICIES, timeWait: 'off', berkeleySynInTimeWait: false, rstInTimeWait: 'ignore', reuseTimeWait: 'allow', abortSegment: 'rst-ack', mslSeconds: 120 });
    expect(d).toHaveLength(flipped.length);
    expect(d[0]).toMatch(/^MSL… type a value \(now 30 s; TIME_WAIT lasts 60 s\)/);
    expect(flipped[0]).toMatch(/now 120 s; TIME_WAIT lasts 240 s/);
    expect(labels({ ...DEFAULT_POLICIES, ...POLICY_PRESETS.linux })[0]).toMatch(/TIME_WAIT fixed at 60 s/);
    expect(d[1]).toMatch(/^TIME_WAIT: turn off/);
    expect(flipped[1]).toMatch(/^TIME_WAIT: turn on/);
    expect(d[2]).toMatch(/^Berkeley rule: turn off \(a SYN arriving in TIME_WAIT is answered with an ACK/);
    expect(flipped[2]).toBe('Berkeley rule: turn on (a SYN with a higher sequence number may reopen a TIME_WAIT connection)');
    expect(d[3]).toMatch(/RST in TIME_WAIT: ignore/);
    expect(flipped[3]).toMatch(/let it end TIME_WAIT/);
    expect(d[4]).toMatch(/reuse .* allow/);
    expect(flipped[4]).toMatch(/refuse it/);
    expect(d[5]).toMatch(/RST,ACK/);
    expect(flipped[5]).toMatch(/bare RST/);
    expect(d.slice(6)).toEqual(['crash the client (reboots after 5 s)', 'crash the server (reboots after 5 s)', 'reconnect the client from the same port']);
  });

  it('asks MSL as a typed number with its range shown', () => {
    const msl = globalEntries(DEFAULT_POLICIES)[0]!;
    expect(msl.ask?.range).toBe(RANGES.msl);
    expect(promptLine(msl)).toBe('New MSL in seconds? (0.1 to 600 s)');
    expect(promptLine(segmentEntries(snapshotAt(0, []))[2]!)).toBe('Hold it up for how many seconds? (0.1 to 60 s; Enter alone: 2)');
  });

  it('switches between the two tabs', () => {
    const snap = snapshotAt(0, []);
    expect(perturbEntries(snap, 0)).toEqual(segmentEntries(snap));
    expect(perturbEntries(snap, 1)).toEqual(globalEntries(snap.policies));
  });
});

describe('typed values', () => {
  it('accepts a number in range and refuses the rest with a one-line reason naming the range', () => {
    expect(parseTyped(RANGES.msl, '10')).toEqual({ value: 10 });
    expect(parseTyped(RANGES.msl, '0.5')).toEqual({ value: 0.5 });
    expect(parseTyped(RANGES.msl, '.5')).toEqual({ value: 0.5 });
    expect(parseTyped(RANGES.msl, '0')).toEqual({ error: '0 is outside the allowed range: 0.1 to 600 s.' });
    expect(parseTyped(RANGES.msl, '900')).toEqual({ error: '900 is outside the allowed range: 0.1 to 600 s.' });
    expect(parseTyped(RANGES.msl, '')).toEqual({ error: 'Type a number from 0.1 to 600 s.' });
    expect(parseTyped(RANGES.msl, '.')).toEqual({ error: '"." is not a number: type 0.1 to 600 s.' });
    expect(parseTyped(RANGES.copies, '2.5')).toEqual({ error: '2.5 is outside the allowed range: 1 to 10 (a whole number).' });
    expect(parseTyped(RANGES.delay, '')).toEqual({ value: 2 });
    for (const r of [parseTyped(RANGES.msl, '0'), parseTyped(RANGES.copies, '99')]) expect('error' in r && !r.error.includes('\n')).toBe(true);
  });

  it('goes through the reducer: digits and one point, backspace, esc back to the menu, a refusal kept until the next key', () => {
    const run = (s: UiState, ...as: UiAction[]) => as.reduce(uiReducer, s);
    let s = run(initialUiState(), { type: 'open', overlay: 'perturb' }, { type: 'inputStart' });
    s = run(s, { type: 'inputChar', ch: '1' }, { type: 'inputChar', ch: '.' }, { type: 'inputChar', ch: '.' }, { type: 'inputChar', ch: '5' });
    expect(s.input).toEqual({ text: '1.5', error: null });
    s = run(s, { type: 'inputErase' }, { type: 'inputError', error: 'no' });
    expect(s.input).toEqual({ text: '1.', error: 'no' });
    s = run(s, { type: 'inputChar', ch: '2' });
    expect(s.input).toEqual({ text: '1.2', error: null });
    s = run(s, { type: 'close' });
    expect(s.input).toBeNull();
    expect(s.overlay).toBe('perturb');
    s = run(s, { type: 'inputStart' }, { type: 'close', all: true });
    expect(s.overlay).toBe('none');
    expect(s.input).toBeNull();
  });
});

describe('applied messages', () => {
  it('describe the new state, never a before/after pair', () => {
    expect(appliedMessage({ kind: 'msl', seconds: 15 }, DEFAULT_POLICIES)).toBe('Applied: MSL is now 15 s (TIME_WAIT lasts 30 s)');
    expect(appliedMessage({ kind: 'msl', seconds: 0.5 }, DEFAULT_POLICIES)).toBe('Applied: MSL is now 0.5 s (TIME_WAIT lasts 1 s)');
    expect(appliedMessage({ kind: 'msl', seconds: 10 }, { ...DEFAULT_POLICIES, ...POLICY_PRESETS.linux })).toBe('Applied: MSL is now 10 s (TIME_WAIT stays fixed at 60 s)');
    expect(appliedMessage({ kind: 'switch', name: 'berkeleySynInTimeWait', to: true }, DEFAULT_POLICIES)).toBe('Applied: the Berkeley rule is now on');
    expect(appliedMessage({ kind: 'segment', op: 'delay', target: { from: 'client' }, value: 3 }, DEFAULT_POLICIES, "the client's next segment")).toBe("Applied: delay 3 s the client's next segment");
  });
});
