/**
 * The ladder's keys, on the live sandbox: v draws the network (r1 and r2), > and < focus one
 * connection at a time (its port in the heading), a shows them all again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lookup } from '../../src/ui/keys/bindings.js';
import { initialUiState, uiReducer } from '../../src/ui/keys/uiState.js';
import { pressUntil, renderApp, tempDir } from './appHelpers.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.done());

describe('ladder keys', () => {
  it('are rows in the key table', () => {
    expect(lookup(['run'], 'v')?.action).toBe('toggleNetwork');
    expect(lookup(['run'], '>')?.action).toBe('connNext');
    expect(lookup(['run'], '<')?.action).toBe('connPrev');
    expect(lookup(['run'], 'a')?.action).toBe('connAll');
  });

  it('focus cycles through the connections and back to all', () => {
    let s = initialUiState();
    s = uiReducer(s, { type: 'connFocus', delta: 1, count: 3 });
    expect(s.conn).toBe(0);
    s = uiReducer(s, { type: 'connFocus', delta: -1, count: 3 });
    expect(s.conn).toBe(2);
    s = uiReducer(s, { type: 'connAll' });
    expect(s.conn).toBeNull();
    expect(uiReducer(s, { type: 'connFocus', delta: -1, count: 3 }).conn).toBe(2);
    expect(uiReducer(s, { type: 'toggleNetwork' }).network).toBe(true);
  });

  it('v shows the routers, and the lost ACK dies at r2', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'sandbox', scenario: 'lost-final-ack' }, 100, 30);
    await r.waitFor('Sandbox · lost-final-ack');
    await pressUntil(r, 'n', (f) => f.includes('✕'));
    expect(r.frame()).not.toMatch(/client :1500 +r1 +r2 +server/);
    r.press('v');
    await r.waitFor((f) => /client :1500 +r1 +r2 +server/.test(f), 'r1 and r2 in the heading');
    expect(r.frame()).toMatch(/✕ (lost )?at r2/);
    r.press('v');
    await r.waitFor((f) => !/ r1 +r2 /.test(f), 'the routers hidden again');
    r.unmount();
  });

  it('> focuses a connection, < the previous, a all of them', async () => {
    const r = renderApp({ configDir: tmp.dir, screen: 'sandbox', scenario: 'churn' }, 120, 40);
    await r.waitFor('Sandbox · churn');
    // Until the second connection's SYN is on screen: labels then carry their port.
    await pressUntil(r, 'n', (f) => /SYN seq=\d+ :\d+/.test(f), 400);
    r.press('>');
    await r.waitFor((f) => /focus :\d+ \(1 of 2\)/.test(f), 'the first connection focused');
    r.press('>');
    await r.waitFor((f) => /focus :\d+ \(2 of 2\)/.test(f), 'the second connection focused');
    r.press('<');
    await r.waitFor((f) => /focus :\d+ \(1 of 2\)/.test(f), 'back to the first');
    r.press('a');
    await r.waitFor((f) => !f.includes('focus :'), 'all connections again');
    expect(r.frame()).toMatch(/\d+ conns: /);
    r.unmount();
  });
});
