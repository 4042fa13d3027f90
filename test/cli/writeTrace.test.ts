/**
 * simulate writes text and JSON lines a piece at a time (writeTrace), so a long run's output
 * never sits in memory whole. The bytes must be exactly those of one export of the whole trace.
 */
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { TRACE_CHUNK, writeTrace } from '../../src/cli/simulateCommand.js';
import { exportTrace, type TextFormat } from '../../src/export/index.js';
import { getScenario, Simulation } from '../../src/sim/index.js';

function written(trace: Parameters<typeof writeTrace>[1], format: TextFormat): { text: string; writes: number } {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  let writes = 0;
  const counted = Object.assign(out, { write: ((w) => (...a: Parameters<typeof w>) => (writes++, w(...a)))(out.write.bind(out)) });
  writeTrace(counted, trace, format, 80);
  out.end();
  return { text: chunks.join(''), writes };
}

describe('writing a trace in pieces', () => {
  const sim = Simulation.create(getScenario('churn')!, { seed: 3, maxEvents: 3 * TRACE_CHUNK + 123 });
  sim.runUntil({ kind: 'quiet' }, { untilSeconds: 3600 });

  it.each([['text'], ['json']] as const)('%s: the same bytes as one export, in several writes', (format) => {
    expect(sim.trace.length).toBeGreaterThan(2 * TRACE_CHUNK);
    const { text, writes } = written(sim.trace, format);
    expect(text).toBe(exportTrace(sim.trace, format));
    expect(writes).toBe(Math.ceil(sim.trace.length / TRACE_CHUNK));
  });

  it.each([['ladder'], ['mermaid']] as const)('%s: written whole, ending with a newline', (format) => {
    const small = Simulation.create(getScenario('lost-final-ack')!, { seed: 1 });
    small.runUntil({ kind: 'quiet' }, { untilSeconds: 600 });
    const { text, writes } = written(small.trace, format);
    expect(writes).toBe(1);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.replace(/\n$/, '')).toBe(exportTrace(small.trace, format, { width: 80 }).replace(/\n$/, ''));
  });
});
