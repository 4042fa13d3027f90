/**
 * `simulate --compare ... --format json`: one JSON document (not JSON lines, since the two runs
 * and their divergence belong together). Each run's events are the objects of the JSON-lines
 * contract (eventJson), one per line so runs diff cleanly; `divergence.indexA`/`indexB` are
 * positions in `a.events`/`b.events` (null: that run has nothing at that moment).
 */
import { escapeC1, eventJson } from '../export/index.js';
import { toSeconds, type TraceEvent } from '../sim/index.js';
import type { Comparison, CompareSide } from './compareRuns.js';
import type { DivergencePoint } from './divergence.js';

export const COMPARE_JSON_FORMAT = 'tcp-timewait-compare';
export const COMPARE_JSON_VERSION = 1;

/** Trace positions to event-list positions: the contract leaves router hops out. */
function positions(trace: readonly TraceEvent[]): { events: string[]; at: Map<number, number> } {
  const events: string[] = [];
  const at = new Map<number, number>();
  trace.forEach((ev, i) => {
    const o = eventJson(ev);
    if (o === null) return;
    at.set(i, events.length);
    events.push(JSON.stringify(o));
  });
  return { events, at };
}

const indent = (text: string, by: string): string => text.split('\n').join(`\n${by}`);

export function compareJson(c: Comparison, meta: { scenario: string; seed: number }): string {
  const a = positions(c.a.trace);
  const b = positions(c.b.trace);
  const pointJson = (p: DivergencePoint): Record<string, unknown> => ({
    at: toSeconds(p.at),
    indexA: p.indexA === undefined ? null : (a.at.get(p.indexA) ?? null),
    indexB: p.indexB === undefined ? null : (b.at.get(p.indexB) ?? null),
    sentence: p.sentence,
  });
  const d = c.divergence;
  const divergence = d ? { ...pointJson(d), kind: d.kind, ...(d.earlier ? { earlier: pointJson(d.earlier) } : {}) } : null;
  const side = (s: CompareSide, p: { events: string[] }): string =>
    [
      '{',
      `    "label": ${JSON.stringify(s.label)},`,
      `    "policies": ${JSON.stringify(s.policies)},`,
      `    "events": [${p.events.length ? `\n      ${p.events.join(',\n      ')}\n    ` : ''}]`,
      '  }',
    ].join('\n');
  const lines = [
    '{',
    `  "format": ${JSON.stringify(COMPARE_JSON_FORMAT)},`,
    `  "version": ${COMPARE_JSON_VERSION},`,
    `  "scenario": ${JSON.stringify(meta.scenario)},`,
    `  "seed": ${meta.seed},`,
    `  "a": ${side(c.a, a)},`,
    `  "b": ${side(c.b, b)},`,
    `  "divergence": ${indent(JSON.stringify(divergence, null, 2), '  ')}`,
    '}',
  ];
  return escapeC1(`${lines.join('\n')}\n`);
}
