import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { frameLines } from './harness.js';
import { pressUntil, renderApp, tempDir } from './appHelpers.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.done());

describe('sandbox screen', () => {
  it('plays, steps, steps back, changes speed and idle skipping from the keyboard', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'sandbox', scenario: 'lost-final-ack' });
    await r.waitFor('Sandbox · lost-final-ack');
    expect(r.frame()).toContain('⏸ paused');
    // → / l / n step: each shows something new.
    await pressUntil(r, 'n', (f) => f.includes('SYN seq=1000'));
    const atSyn = r.frame();
    r.press('right');
    await r.waitFor((f) => f !== atSyn, 'a step with →');
    r.press('l');
    await r.waitFor((f) => f.includes('SYN,ACK seq=5000'), 'the SYN,ACK after l');
    // ← / h / b step back, exactly.
    r.press('left');
    r.press('h');
    await r.waitFor((f) => f === atSyn, 'back at the SYN after ← h');
    r.press('n');
    await r.waitFor((f) => f !== atSyn);
    r.press('b');
    await r.waitFor((f) => f === atSyn, 'back at the SYN after b');
    // Speed.
    r.press('+');
    await r.waitFor('×0.1');
    r.press('=');
    await r.waitFor('×0.2');
    r.press('-');
    r.press('_');
    await r.waitFor('×0.05');
    // Idle skipping.
    r.press('z');
    await r.waitFor((f) => !f.includes('skip-idle'), 'skip-idle off');
    r.press('z');
    await r.waitFor('skip-idle');
    // Play / pause.
    r.press('space');
    await r.waitFor('▶ playing');
    r.press('space');
    await r.waitFor('⏸ paused');
    // s skips straight to the next event.
    const beforeSkip = r.frame();
    r.press('s');
    await r.waitFor((f) => f !== beforeSkip, 'a change after s');
    r.unmount();
  });

  it('toggles the state diagram, moves focus and scrolls panes', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'sandbox', scenario: 'normal-close' });
    await r.waitFor('Sandbox · normal-close');
    await pressUntil(r, 'n', (f) => f.includes('FIN seq='));
    r.press('d');
    await r.waitFor((f) => f.includes('SYN_RECEIVED') && f.includes('last:'), 'the state diagram');
    expect(r.frame()).toMatch(/ESTABLISHED(cs|◂c|◂s)/);
    r.press('d');
    await r.waitFor((f) => !f.includes('last:'), 'the diagram hidden');
    r.press('tab');
    await r.waitFor('› Event log');
    r.press('up');
    await r.waitFor('1 back, f follows');
    r.press('down');
    await r.waitFor((f) => !f.includes('back, f follows'));
    r.press('shift+tab');
    await r.waitFor((f) => !f.includes('› Event log'));
    r.press('k');
    await r.waitFor('rows back · f follows');
    r.press('j');
    await r.waitFor((f) => !f.includes('rows back'));
    r.press('pageup');
    await r.waitFor('rows back');
    r.press('f');
    await r.waitFor((f) => !f.includes('rows back'));
    r.press('pageup');
    await r.waitFor('rows back');
    r.press('pagedown');
    r.press('end');
    await r.waitFor((f) => !f.includes('rows back'));
    r.unmount();
  });

  it('inspects a segment and perturbs the run from the menu', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'sandbox', scenario: 'normal-close' }, 100, 30);
    await r.waitFor('Sandbox · normal-close');
    await pressUntil(r, 'n', (f) => f.includes('SYN seq=1000'));
    r.press('i');
    await r.waitFor('Inspect a segment');
    expect(r.frame()).toMatch(/incarnation\s+#1/);
    expect(r.frame()).toContain('age vs MSL');
    r.press('down');
    r.press('up');
    r.press('escape');
    await r.waitFor((f) => !f.includes('Inspect a segment'));
    // Global tab: set MSL to 15 s.
    r.press('p');
    await r.waitFor('Perturb the run');
    expect(r.frame()).toContain('drop       SYN seq=1000');
    r.press('tab');
    await r.waitFor('[Global]');
    r.press('shift+tab');
    await r.waitFor('[Segment]');
    r.press('tab');
    await r.waitFor('[Global]');
    expect(r.frame()).toContain('TIME_WAIT: turn off');
    // MSL… asks for a number: typed, then applied with Enter.
    r.press('enter');
    await r.waitFor('New MSL in seconds?');
    r.press('1', '5', 'enter');
    await r.waitFor('Applied: MSL is now 15 s (TIME_WAIT lasts 30 s)');
    await r.waitFor('MSL 15s');
    // Segment tab: drop the SYN in flight; the client retransmits it.
    r.press('p');
    await r.waitFor('[Segment]');
    r.press('enter');
    await r.waitFor('Applied: drop SYN seq=1000');
    await pressUntil(r, 'n', (f) => f.includes('↻ SYN seq=1000'));
    expect(r.frame()).toContain('✕');
    // j/k move in the list, esc cancels.
    r.press('p');
    await r.waitFor('Perturb the run');
    r.press('j');
    r.press('k');
    r.press('escape');
    await r.waitFor((f) => !f.includes('Perturb the run'));
    r.unmount();
  });

  it('chooses scenarios and presets, restarts, exports, shows help and returns to the menu', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'sandbox' }, 100, 30);
    await r.waitFor('Sandbox · normal-close');
    r.press('c');
    await r.waitFor('Choose a scenario');
    for (const name of ['normal-close', 'lost-final-ack', 'simultaneous-close', 'abort-rst', 'wandering-duplicate', 'new-incarnation', 'berkeley-exception']) {
      expect(r.frame()).toContain(name);
    }
    expect(r.frame()).toMatch(/›\s+normal-close/);
    r.press('down');
    r.press('space');
    await r.waitFor('Sandbox · lost-final-ack');
    // The picker opens on the scenario that is running.
    r.press('c');
    await r.waitFor(/›\s+lost-final-ack/);
    r.press('escape');
    await r.waitFor((f) => !f.includes('Choose a scenario'));
    r.press('o');
    await r.waitFor('Sandbox · lost-final-ack · rfc1122 · MSL 120s');
    await pressUntil(r, 'n', (f) => /t=0\.[1-9]/.test(f));
    r.press('r');
    await r.waitFor('t=0.000s');
    r.press('e');
    await r.waitFor('Exported');
    expect(readdirSync(tmp.dir).some((f) => f.endsWith('.pcap'))).toBe(true);
    expect(readdirSync(tmp.dir).some((f) => f.endsWith('.mmd'))).toBe(true);
    r.press('?');
    await r.waitFor('Keys (esc or ? closes');
    expect(r.frame()).toContain('Simulation');
    r.press('down');
    r.press('up');
    r.press('j');
    r.press('k');
    r.press('?');
    await r.waitFor((f) => !f.includes('Keys (esc'));
    r.press('?');
    await r.waitFor('Keys (esc');
    r.press('escape');
    await r.waitFor((f) => !f.includes('Keys (esc'));
    r.press('m');
    await r.waitFor('Choose a lesson');
    r.unmount();
  });

  it('keeps every frame inside the terminal at 80x24 and 160x48', async () => {
    for (const [c, h] of [
      [80, 24],
      [160, 48],
    ] as const) {
      const r = renderApp({ configDir: tmp.dir, screen: 'sandbox', scenario: 'lost-final-ack' }, c, h);
      await r.waitFor('Sandbox · lost-final-ack');
      await pressUntil(r, 'n', (f) => f.includes('TIME_WAIT'));
      for (const mode of ['', 'd', 'p', 'i', '?']) {
        if (mode) r.press(mode);
        const f = r.frame();
        expect(frameLines(f).length).toBeLessThan(h);
        for (const line of frameLines(f)) expect([...line].length).toBeLessThanOrEqual(c);
        if (mode && mode !== 'd') r.press('escape');
        if (mode === 'd') r.press('d');
      }
      r.unmount();
    }
  });
});
