/**
 * Issue 13, item 3: the "too small" notice covers the screen instead of replacing it, so no
 * sequence of resizes loses the simulation, its perturbations, a lesson step or the quiz
 * position, and keys pressed while the notice shows do not reach the hidden screen.
 */
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getScenario, Simulation } from '../../src/sim/index.js';
import { ScreenShown } from '../../src/ui/screenShown.js';
import type { SimController } from '../../src/ui/simController.js';
import { useSimulation } from '../../src/ui/useSimulation.js';
import { optionKey, pressUntil, REAL_LESSONS, renderApp, tempDir } from './appHelpers.js';
import type { Rendered } from './harness.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.done());

const TOO_SMALL = 'The terminal is too small';

/**
 * Shrinks and grows the terminal through several sizes (keys typed while it is too small must
 * be ignored), and returns the frame drawn once it is back at `columns`x`rows`.
 */
async function resizeAround(r: Rendered, columns: number, rows: number): Promise<string> {
  for (const [c, h] of [[60, 20], [79, 40], [200, 23], [60, 20]] as const) {
    r.resize(c, h);
    await r.waitFor((f) => f.includes(TOO_SMALL) && f.includes(`${c}x${h}`), `the notice at ${c}x${h}`);
    // Nothing of the screen shows under the notice.
    expect(r.frame()).not.toMatch(/Sandbox ·|Step \d+\/\d+|score \d+\/\d+/);
  }
  // Keys a learner might type at a tiny terminal: none may act on the hidden screen.
  r.press('n', 'n', 'enter', 'escape', 'm', ']', '1', 'space');
  await r.waitFor(TOO_SMALL);
  r.resize(columns, rows);
  return r.waitFor((f) => !f.includes(TOO_SMALL), 'the screen back');
}

describe('resizing keeps every screen as it was', () => {
  it('sandbox: the time and a perturbation survive shrinking to 60x20 and back', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'sandbox', scenario: 'normal-close' }, 100, 30);
    await r.waitFor('Sandbox · normal-close');
    await pressUntil(r, 'n', (f) => f.includes('SYN seq=1000'));
    r.press('p');
    await r.waitFor('[Segment]');
    r.press('enter');
    await r.waitFor('Applied: drop SYN seq=1000');
    await pressUntil(r, 'n', (f) => f.includes('↻ SYN seq=1000'));
    const before = r.frame();
    const time = /t=\s*\d+\.\d+\s*s/.exec(before)?.[0];
    expect(time, `a time on screen:\n${before}`).toBeTruthy();
    expect(time).not.toMatch(/t=\s*0\.000/);
    const after = await resizeAround(r, 100, 30);
    expect(after).toContain(time!);
    expect(after).toContain('↻ SYN seq=1000');
    expect(after).toContain('✕');
    expect(after).toBe(before);
    r.unmount();
  });

  it('lesson: the step and an answered prediction survive', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'lesson', lessonId: 'ui-demo' }, 100, 34);
    await r.waitFor('Step 1/9');
    r.press(']', ']', ']');
    await r.waitFor('Step 4/9: Lose the final ACK');
    r.press('enter');
    await r.waitFor('Goal: the client moves to TIME_WAIT');
    r.press('enter');
    await r.waitFor('Goal reached: the client moves to TIME_WAIT');
    r.press('enter');
    await r.waitFor('What next?');
    r.press(optionKey(r.frame(), 'It sends its FIN again.'));
    await r.waitFor('✓ Right.');
    const before = r.frame();
    expect(before).toContain('Step 6/9: What does the server do?');
    const after = await resizeAround(r, 100, 34);
    expect(after).toContain('Step 6/9: What does the server do?');
    expect(after).toContain('✓ Right.');
    expect(after).toBe(before);
    // And the lesson goes on from there: the answered prediction lets Enter reveal.
    r.press('enter');
    await r.waitFor('Revealed. Enter goes on.');
    r.unmount();
  });

  it('quiz: the question number and score survive', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'quiz', lessonsDir: REAL_LESSONS }, 100, 30);
    await r.waitFor(/score \d+\/\d+ · question 1/);
    r.press('1');
    await r.waitFor(/✓ Right\.|✗ Not that one/);
    r.press('enter');
    const before = await r.waitFor(/score [01]\/1 · question 2/);
    const after = await resizeAround(r, 100, 30);
    expect(after).toMatch(/score [01]\/1 · question 2/);
    expect(after).toBe(before);
    r.unmount();
  });
});

describe('a playing run behind the notice', () => {
  it('holds its clock while hidden and does not count the hidden time', async () => {
    // Fake interval and performance clock: the hidden stretch is 10 s of "wall time" at once.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    try {
      const sim = Simulation.create(getScenario('normal-close')!, { seed: 1 });
      let ctrl: SimController | undefined;
      function Run() {
        ctrl = useSimulation(sim);
        return <Text>run</Text>;
      }
      const at = (shown: boolean) => (
        <ScreenShown.Provider value={shown}>
          <Run />
        </ScreenShown.Provider>
      );
      const flush = () => new Promise((res) => setImmediate(res));
      const r = render(at(true));
      await flush();
      ctrl!.step();
      ctrl!.play();
      await flush();
      vi.advanceTimersByTime(500);
      const shownClock = ctrl!.getState().clock;
      expect(shownClock).toBeGreaterThan(0);

      r.rerender(at(false));
      await flush();
      const hiddenFrom = ctrl!.getState().clock;
      vi.advanceTimersByTime(10_000);
      expect(ctrl!.getState().clock).toBe(hiddenFrom);
      expect(ctrl!.getState().playing).toBe(true);

      r.rerender(at(true));
      await flush();
      vi.advanceTimersByTime(500);
      const moved = ctrl!.getState().clock - hiddenFrom;
      // It plays on, by about what 500 ms of showing gave before, not by the hidden 10 s.
      expect(moved).toBeGreaterThan(0);
      expect(moved).toBeLessThanOrEqual((shownClock * 1.5));
      r.unmount();
    } finally {
      vi.useRealTimers();
    }
  });
});
