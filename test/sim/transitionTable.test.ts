/**
 * Every row of the transition table is run through the real TCP code (src/sim/probe.ts drives
 * src/sim/tcp): the endpoint must end in the row's state and send exactly the row's segment.
 */
import { describe, expect, it } from 'vitest';
import { PROBE_EVENTS, enumerateProbeCases, probeTransition } from '../../src/sim/probe.js';
import { TRANSITIONS, transitionId, transitionLabel } from '../../src/sim/transitionTable.js';

describe('the transition table agrees with the endpoint code', () => {
  it.each(TRANSITIONS.map((r) => [transitionId(r), r] as const))('%s', (_id, row) => {
    const r = probeTransition({ state: row.from, event: PROBE_EVENTS[row.event].event });
    expect(r.next).toBe(row.to);
    expect(r.sent.map((s) => s.flags)).toEqual(row.sends.length > 0 ? [row.sends] : []);
  });

  it('names only events that are modelled in their state, each row once', () => {
    const modelled = new Set(enumerateProbeCases().map((c) => `${c.state}:${c.key}`));
    for (const row of TRANSITIONS) expect(modelled.has(`${row.from}:${row.event}`), transitionId(row)).toBe(true);
    expect(new Set(TRANSITIONS.map(transitionId)).size).toBe(TRANSITIONS.length);
  });

  it('has every state-changing probe of the figure states that the course draws', () => {
    // The closing half of the figure is complete: every event that moves a closing state on
    // (other than a reset or an abort) has a row.
    const closing = ['FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSING', 'LAST_ACK', 'CLOSE_WAIT', 'TIME_WAIT'] as const;
    for (const c of enumerateProbeCases()) {
      if (!(closing as readonly string[]).includes(c.state) || ['rst', 'abort'].includes(c.key)) continue;
      const r = probeTransition(c);
      if (r.next === c.state) continue;
      // In CLOSING and LAST_ACK any segment with an ACK of our FIN moves on: one row (ack) stands for them.
      if (['data', 'fin'].includes(c.key) && ['CLOSING', 'LAST_ACK'].includes(c.state)) continue;
      if (c.state === 'FIN_WAIT_1' && c.key === 'data') continue;
      if (c.state === 'TIME_WAIT' && c.key === 'syn-greater') continue;
      expect(TRANSITIONS.some((t) => t.from === c.state && t.to === r.next && t.event === c.key), `${c.state} + ${c.key} -> ${r.next}`).toBe(true);
    }
  });

  it('labels arcs as trigger / what is sent', () => {
    const label = (id: string) => transitionLabel(TRANSITIONS.find((r) => transitionId(r) === id)!);
    expect(label('ESTABLISHED>FIN_WAIT_1:close')).toBe('close / FIN');
    expect(label('LISTEN>SYN_RECEIVED:syn')).toBe('SYN / SYN,ACK');
    expect(label('CLOSING>TIME_WAIT:ack')).toBe('ACK');
    expect(label('FIN_WAIT_1>TIME_WAIT:fin')).toBe('FIN+ACK / ACK');
  });
});
