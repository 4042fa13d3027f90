/**
 * The sandbox opened on a run file (App's `run`, from `sandbox --run`): it shows the saved run
 * at the saved step (the clock of a headless replay of the same run); after the menu, `s`
 * opens an ordinary sandbox again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderApp, tempDir } from './appHelpers.js';
import { simulationOfRun, type RunRecord } from '../../src/lessons/runFile.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.done());

const RUN: RunRecord = {
  scenario: 'lost-final-ack',
  seed: 1,
  policies: { mslSeconds: 30 },
  perturbations: [{ kind: 'duplicate', match: { from: 'server', flags: ['FIN'] }, afterStep: 10 }],
  step: 30,
};

describe('sandbox --run', () => {
  it('opens the saved run at its step, and the menu leads to a fresh sandbox', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'sandbox', run: RUN });
    const replayed = await r.waitFor('Sandbox · lost-final-ack · run file');
    expect(replayed).toMatch(/t=\d+\.\d+s/);
    // At the moment the saved step was reached: the clock of a headless replay of the same run.
    const at = simulationOfRun(RUN).now / 1e6;
    expect(replayed).toContain(`t=${at.toFixed(3)}s`);

    r.press('m');
    await r.waitFor((f) => !f.includes('Sandbox ·'), 'the menu');
    r.press('s');
    const fresh = await r.waitFor('Sandbox · normal-close · default policies');
    expect(fresh).not.toContain('run file');
  });
});
