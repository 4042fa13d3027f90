import { describe, expect, it } from 'vitest';
import { quizBank } from '../../src/quiz/bank.js';
import { scenarioRows, showMeRows } from '../../src/ui/quizShowMe.js';
import { createTheme } from '../../src/ui/theme.js';

const theme = createTheme({ NO_COLOR: '1' });
const text = (rows: Array<Array<{ ch: string }>>) => rows.map((r) => r.map((c) => c.ch).join('')).join('\n');

describe('quiz "show me"', () => {
  it('draws a transition as the arriving segment, what is sent back and the next state', () => {
    const q = quizBank().find((x) => x.kind === 'transition' && x.showMe?.incoming?.includes('FIN') && x.showMe.state === 'FIN_WAIT_2')!;
    const t = text(showMeRows(q, 80, 10, theme));
    expect(t).toContain('endpoint in FIN_WAIT_2');
    expect(t).toMatch(/◀─+ FIN/);
    expect(t).toMatch(/ACK .*▶│/);
    expect(t).toContain(`then ${q.showMe!.next}`);
  });

  it('plays a scenario question on the simulator: to the pause before answering, through the reveal after', () => {
    const q = quizBank().find((x) => x.id === 'scenario:normal-close:after-first-fin') ?? quizBank().find((x) => x.kind === 'scenario')!;
    const before = text(scenarioRows(q, 100, 30, theme, false));
    const after = text(showMeRows(q, 100, 30, theme));
    expect(before).toMatch(/client(?: :\d+)?\s+server/);
    expect(after.length).toBeGreaterThan(0);
    expect(after).not.toBe(before);
    if (q.id === 'scenario:normal-close:after-first-fin') {
      expect(before).toContain('FIN_WAIT_1');
      expect(before).not.toContain('CLOSE_WAIT');
      expect(after).toContain('CLOSE_WAIT');
    }
  });
});
