/**
 * "Show me" for a quiz answer, as plain styled rows: a transition question draws the one
 * exchange (the segment that arrives, what the endpoint sends back, the state it enters); a
 * scenario question plays its scenario on the real simulator from the pause to the reveal and
 * draws that stretch with the ladder layout.
 */
import type { QuizQuestion } from '../quiz/types.js';
import { getScenario, Simulation } from '../sim/index.js';
import { segLabel } from './format.js';
import { layoutLadder, type Cell } from './ladder/layoutLadder.js';
import { GLYPHS, type Style, type Theme } from './theme.js';

function row(text: string, style?: Style): Cell[] {
  return [...text].map((ch) => ({ ch, style }));
}

export function showMeRows(q: QuizQuestion, width: number, height: number, theme: Theme): Cell[][] {
  if (q.showMe) {
    const s = q.showMe;
    const gap = Math.max(10, Math.min(50, width - 30));
    const out: Cell[][] = [];
    out.push([...row('endpoint in ', theme.muted), ...row(s.state, theme.state(s.state)), ...row(' '.repeat(Math.max(1, gap - s.state.length - 8)) + 'peer', theme.muted)]);
    if (s.incoming) {
      const label = ` ${s.incoming.join(',')} `;
      const line = `│${GLYPHS.arrowLeft}${label.padStart(Math.floor((gap + label.length) / 2), '─').padEnd(gap - 1, '─')}│`;
      out.push(row(line, theme.segment(s.incoming as never)));
    } else out.push(row(`│ ${s.event}`, theme.accent));
    for (const seg of s.sent) {
      const label = ` ${segLabel(seg)} `;
      const line = `│${label.padStart(Math.floor((gap + label.length) / 2), '─').padEnd(gap - 1, '─')}${GLYPHS.arrowRight}│`;
      out.push(row(line, theme.segment(seg.flags, seg.len > 0)));
    }
    if (s.sent.length === 0) out.push(row('│ (sends nothing)', theme.muted));
    out.push([...row('then ', theme.muted), ...row(s.next, theme.state(s.next)), ...row(s.app.length ? `  app: ${s.app.join(', ')}` : '', theme.muted)]);
    return out.slice(0, height);
  }
  if (q.reveal) return scenarioRows(q, width, height, theme, true);
  return [row('(nothing to play for this question)', theme.muted)];
}

/**
 * A scenario question's ladder: played on the real simulator to the pause (what the learner is
 * asked about) or on through the reveal (the answer). Undefined for other kinds of question.
 */
export function scenarioRows(q: QuizQuestion, width: number, height: number, theme: Theme, revealed: boolean): Cell[][] {
  if (!q.reveal) return [];
  const spec = getScenario(q.reveal.scenario);
  if (!spec) return [row(`(scenario ${q.reveal.scenario} is not built in)`, theme.muted)];
  const sim = Simulation.create(spec, { seed: q.reveal.seed });
  sim.runUntil(q.reveal.pauseAt, { maxSteps: 200_000 });
  if (revealed) sim.runUntil(q.reveal.revealUntil, { maxSteps: 200_000 });
  const g = layoutLadder({ trace: sim.trace, inFlight: sim.snapshot().inFlight, clock: sim.now, width, height, scroll: 0, theme });
  return [g.header, ...g.lines];
}
