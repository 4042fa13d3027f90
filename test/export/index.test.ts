import { describe, expect, it } from 'vitest';
import { exportTrace, suggestedFileName, TEXT_FORMATS, toJsonLines, toLadder, toMermaid, toSvg, toText } from '../../src/export/index.js';
import { lostFinalAckTrace } from './fixtures.js';

describe('export entry points', () => {
  it('exportTrace gives each --format its exporter', () => {
    const trace = lostFinalAckTrace();
    expect(TEXT_FORMATS).toEqual(['text', 'json', 'ladder', 'mermaid', 'svg']);
    expect(exportTrace(trace, 'text')).toBe(toText(trace));
    expect(exportTrace(trace, 'json')).toBe(toJsonLines(trace));
    expect(exportTrace(trace, 'ladder')).toBe(toLadder(trace, { width: 80 }));
    expect(exportTrace(trace, 'ladder', { width: 100 })).toBe(toLadder(trace, { width: 100 }));
    expect(exportTrace(trace, 'mermaid')).toBe(toMermaid(trace));
    expect(exportTrace(trace, 'svg', { width: 100, title: 'a run' })).toBe(toSvg(trace, { width: 100, title: 'a run' }));
  });

  it('suggests file names from a scenario name or a scenario file path', () => {
    expect(suggestedFileName('lost-final-ack', 'pcap')).toBe('lost-final-ack.pcap');
    expect(suggestedFileName('lost-final-ack', 'pcap', 'sender')).toBe('lost-final-ack.pcap');
    expect(suggestedFileName('lost-final-ack', 'pcap', 'r1')).toBe('lost-final-ack-r1.pcap');
    expect(suggestedFileName('lost-final-ack', 'ladder')).toBe('lost-final-ack.ladder.txt');
    expect(suggestedFileName('lost-final-ack', 'json')).toBe('lost-final-ack.jsonl');
    expect(suggestedFileName('lost-final-ack', 'mermaid')).toBe('lost-final-ack.mmd');
    expect(suggestedFileName('lost-final-ack', 'svg')).toBe('lost-final-ack.svg');
    expect(suggestedFileName('./my scenarios/Loop Test.yaml', 'text')).toBe('Loop-Test.txt');
    expect(suggestedFileName('C:\\runs\\x.yml', 'pcap')).toBe('x.pcap');
    expect(suggestedFileName('../..', 'json')).toBe('run.jsonl');
  });
});
