import { describe, expect, it } from 'vitest';
import { mermaidText, toMermaid } from '../../src/export/mermaid.js';
import { checkSequenceDiagram } from './mermaidGrammar.js';
import { lostFinalAckTrace, loopingTrace, TraceBuilder } from './fixtures.js';

describe('Mermaid sequence diagram', () => {
  const diagram = toMermaid(lostFinalAckTrace());

  it('passes the grammar check of Mermaid sequence diagrams', () => {
    const r = checkSequenceDiagram(diagram);
    expect(r.participants).toEqual(['client', 'server']);
    expect(r.messages).toBe(lostFinalAckTrace().filter((e) => e.kind === 'send').length);
    expect(checkSequenceDiagram(toMermaid(loopingTrace())).messages).toBeGreaterThan(0);
    expect(checkSequenceDiagram(toMermaid([])).messages).toBe(0);
  });

  it('marks the lost segment with a cross and the resent FIN as a retransmission', () => {
    expect(diagram).toContain('client-xserver: ACK seq=1013 ack=5002 (lost at r1, perturbation)');
    expect(diagram).toContain('server->>client: FIN seq=5001 ack=1013 (retransmission)');
  });

  it('writes state changes and the 2MSL timer as notes beside their host', () => {
    expect(diagram).toContain('Note left of client: TIME_WAIT');
    expect(diagram).toContain('Note right of server: LAST_ACK');
    expect(diagram).toMatch(/Note left of client: 2MSL timer starts, 4m 00s, fires at 241.1 s/);
    expect(diagram).toContain('Note over client,server: 3m 59s pass');
  });

  it('keeps text that would end a statement, start a comment or look like HTML out of the diagram', () => {
    expect(mermaidText('a#b;c%%d<e>')).toBe('ano. b,c percent percentd(e)');
    const b = new TraceBuilder();
    b.app(0, 'server', 'data', '#1; 100%% <b>done</b>\r\n');
    const d = toMermaid(b.build());
    expect(() => checkSequenceDiagram(d)).not.toThrow();
    // The only markup is Mermaid's own line break in long notes.
    expect(d.split('\n').slice(1).join('\n').replaceAll('<br/>', '')).not.toMatch(/[#;%<>]/);
  });

  it('the grammar check itself rejects malformed diagrams', () => {
    expect(() => checkSequenceDiagram('graph TD\n')).toThrow();
    expect(() => checkSequenceDiagram('sequenceDiagram\n  participant a\n  a->>b: hi\n')).toThrow(/before being declared/);
    expect(() => checkSequenceDiagram('sequenceDiagram\n  participant a\n  a->>a:\n')).toThrow();
    expect(() => checkSequenceDiagram('sequenceDiagram\n  participant a\n  a=>a: x\n')).toThrow();
    expect(() => checkSequenceDiagram('sequenceDiagram\n  participant a\n  Note left of a x\n')).toThrow();
  });
});

describe('Mermaid note wrapping', () => {
  it('breaks a long note with <br/> into lines of at most 48 characters', () => {
    const b = new TraceBuilder();
    b.perturb(0, 'client', 'loop', 'segment 4 is caught in a routing loop between r1 and r2 for six seconds or until its TTL runs out');
    const note = toMermaid(b.build()).split('\n').find((l) => l.includes('Note left of client'))!;
    const parts = note.slice(note.indexOf(': ') + 2).split('<br/>');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(48);
    expect(parts.join(' ')).toBe('perturbation loop: segment 4 is caught in a routing loop between r1 and r2 for six seconds or until its TTL runs out');
  });
});
