/**
 * Compare mode in the sandbox, driven by keys as a learner would: C opens the picker, TIME_WAIT
 * off runs both, G goes to the end, and the divergence is marked on both runs at the
 * retransmitted FIN (ACK against RST), side by side at 160 columns and one at a time at 80.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/lessons/loader.js';
import { LessonScreen } from '../../src/ui/screens/LessonScreen.js';
import { createTheme, ThemeContext } from '../../src/ui/theme.js';
import { pressUntil, REAL_LESSONS, renderApp, tempDir } from './appHelpers.js';
import { frameLines, renderSized } from './harness.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.done());

const SENTENCE_START = 'At 1.850 s the retransmitted FIN reaches the client: with TIME_WAIT on the client answers ACK;';

async function openCompare(r: ReturnType<typeof renderApp>): Promise<void> {
  r.press('C');
  await r.waitFor('Compare this run with', 'the compare picker');
  await pressUntil(r, 'j', (f) => /› TIME_WAIT off/.test(f));
  r.press('enter');
  await r.waitFor('run A: TIME_WAIT on', 'the compare view');
}

describe('compare mode in the sandbox', () => {
  it('160 columns: both runs side by side, the divergence marked on the same row of both', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'sandbox', scenario: 'lost-final-ack' }, 160, 48);
    try {
      await r.waitFor('Sandbox · lost-final-ack');
      await openCompare(r);
      expect(r.frame()).toContain('run B: TIME_WAIT off');
      // Before the divergence: where it will be, not yet how.
      expect(r.frame()).toContain('The runs diverge at 1.850 s');
      expect(r.frame()).not.toContain('◆ diverges');
      r.press('G');
      const end = await r.waitFor(SENTENCE_START, 'the sentence at the end');
      const marked = frameLines(end).filter((l) => l.includes('◆ diverges'));
      expect(marked).toHaveLength(1);
      // One row, both halves: the ACK on the left, the RST on the right.
      expect(marked[0]).toMatch(/◆ diverges: client sends ACK.*◆ diverges: client sends RST/);
      const lines = frameLines(end);
      const at = lines.indexOf(marked[0]!);
      expect(lines[at + 1]).toMatch(/ACK seq=1014 ack=5025.*RST seq=1014/);
      // Stepping back before the divergence takes the mark away again; forward brings it back.
      r.press('g');
      await r.waitFor((f) => !f.includes('◆ diverges'), 'no mark at the start');
      await pressUntil(r, 'n', (f) => f.includes('◆ diverges'));
      expect(r.frame()).toContain('t=1.850s');
      // Esc: back to the sandbox as it was.
      r.press('escape');
      await r.waitFor('Sandbox · lost-final-ack', 'back in the sandbox');
      expect(r.frame()).toContain('⏸ paused');
    } finally {
      r.unmount();
    }
  });

  it('80x24: one run at a time, Tab shows the other, the mark kept on both', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'sandbox', scenario: 'lost-final-ack' }, 80, 24);
    try {
      await r.waitFor('Sandbox · lost-final-ack');
      await openCompare(r);
      expect(r.frame()).toContain('run A: TIME_WAIT on (1 of 2)');
      r.press('G');
      const a = await r.waitFor('◆ diverges: client sends ACK', 'the mark on run A');
      expect(a).toContain('At 1.850 s the retransmitted FIN reaches the client');
      for (const l of frameLines(a)) expect([...l].length).toBeLessThanOrEqual(80);
      r.press('tab');
      const b = await r.waitFor('run B: TIME_WAIT off (2 of 2)', 'run B after tab');
      expect(b).toContain('◆ diverges: client sends RST');
      // The mark stands on the same row of the screen for both runs.
      const row = (f: string) => frameLines(f).findIndex((l) => l.includes('◆ diverges'));
      expect(row(b)).toBe(row(a));
      r.press('s');
      await r.waitFor('run A: TIME_WAIT on (1 of 2)', 'run A again after s');
    } finally {
      r.unmount();
    }
  });

  it("carries the learner's perturbations: the final ACK dropped from the perturb menu", async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'sandbox', scenario: 'normal-close' }, 160, 48);
    try {
      await r.waitFor('Sandbox · normal-close');
      // Step until the server's FIN has reached the client and the client's ACK of it is in flight.
      await pressUntil(r, 'n', (f) => /FIN_WAIT_2/.test(f) && /TIME_WAIT/.test(f) && /ACK seq=\d+ ack=5025/.test(f));
      r.press('p');
      const menu = await r.waitFor('Perturb the run', 'the perturb menu');
      expect(menu).toMatch(/› drop\s+ACK seq=\d+ ack=5025 \(in flight client→server\)/);
      r.press('enter');
      await r.waitFor('Applied: drop', 'the drop applied');
      await openCompare(r);
      r.press('G');
      const end = await r.waitFor(/At \d+\.\d+ s the retransmitted FIN reaches the client: with TIME_WAIT on the client answers ACK; with TIME_WAIT off it answers RST\./, 'the divergence at the retransmitted FIN');
      expect(end).toMatch(/◆ diverges: client sends ACK.*◆ diverges: client sends RST/);
    } finally {
      r.unmount();
    }
  });
});

describe("a lesson's compare step", () => {
  it('lesson 3: TIME_WAIT on against off; Enter goes on only once the divergence is reached', async () => {
    const { lesson } = await loadLesson(path.join(REAL_LESSONS, '03-lost-final-ack.yaml'));
    const at = lesson!.steps.findIndex((s) => s.kind === 'compare');
    expect(at).toBeGreaterThan(0);
    const r = renderSized(
      <ThemeContext.Provider value={createTheme({ NO_COLOR: '1' })}>
        <LessonScreen lesson={lesson!} startAt={at} columns={80} rows={24} onMenu={() => {}} />
      </ThemeContext.Provider>,
      80,
      24,
    );
    try {
      await r.waitFor(`Step ${at + 1}/${lesson!.steps.length}: Both closes side by side`);
      expect(r.frame()).toContain('run A: TIME_WAIT on (1 of 2)');
      r.press('enter');
      await r.waitFor('Step on (→ or G) to where the two runs part first', 'Enter refused before the divergence');
      await pressUntil(r, 'n', (f) => f.includes('◆ diverges: client sends ACK'));
      expect(r.frame()).toContain('At 1.850 s the retransmitted FIN reaches the client');
      r.press('enter');
      await r.waitFor(`Step ${at + 2}/${lesson!.steps.length}`, 'the next step');
    } finally {
      r.unmount();
    }
  });

  it('lesson 4 at 80x24: after G the mark has scrolled away; pgup brings it back on both runs', async () => {
    const { lesson } = await loadLesson(path.join(REAL_LESSONS, '04-wandering-duplicates.yaml'));
    const at = lesson!.steps.findIndex((s) => s.kind === 'compare');
    const r = renderSized(
      <ThemeContext.Provider value={createTheme({ NO_COLOR: '1' })}>
        <LessonScreen lesson={lesson!} startAt={at} columns={80} rows={24} onMenu={() => {}} />
      </ThemeContext.Provider>,
      80,
      24,
    );
    try {
      await r.waitFor(`Step ${at + 1}/`);
      r.press('G');
      await r.waitFor('At 3.000 s: with TIME_WAIT on the client', 'the sentence at the end');
      expect(r.frame()).not.toContain('◆ diverges');
      const a = await pressUntil(r, 'pageup', (f) => f.includes('◆ diverges: client app: EADDRINUSE'));
      const row = frameLines(a).findIndex((l) => l.includes('◆ diverges'));
      r.press('tab');
      const b = await r.waitFor('run B: TIME_WAIT off (2 of 2)', 'run B');
      expect(frameLines(b).findIndex((l) => l.includes('◆ diverges'))).toBe(row);
      expect(frameLines(b)[row]).toMatch(/◆ diverges: client sends/);
    } finally {
      r.unmount();
    }
  });
});
