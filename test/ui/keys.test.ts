import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { BINDINGS, footerBindings, lookup, type KeyContext } from '../../src/ui/keys/bindings.js';
import { keyName } from '../../src/ui/keys/keyName.js';
import { initialUiState, uiReducer } from '../../src/ui/keys/uiState.js';
import { footerText } from '../../src/ui/components/Footer.js';
import { helpLines } from '../../src/ui/components/HelpScreen.js';

const noKey: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false,
  capsLock: false, numLock: false,
} as Key;

describe('key-binding table', () => {
  it('never binds one key twice in the same context', () => {
    const seen = new Set<string>();
    for (const b of BINDINGS) {
      for (const k of b.keys) {
        const id = `${b.context}:${k}`;
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
  });

  it('has the keys DESIGN.md promises', () => {
    const run: KeyContext[] = ['run'];
    expect(lookup(run, 'space')?.action).toBe('playPause');
    for (const k of ['right', 'l', 'n']) expect(lookup(run, k)?.action).toBe('step');
    for (const k of ['left', 'h', 'b']) expect(lookup(run, k)?.action).toBe('stepBack');
    expect(lookup(run, '+')?.action).toBe('faster');
    expect(lookup(run, '-')?.action).toBe('slower');
    expect(lookup(run, 'p')?.action).toBe('perturb');
    expect(lookup(run, 'i')?.action).toBe('inspect');
    expect(lookup(run, 'tab')?.action).toBe('focusNext');
    expect(lookup(['run', 'global'], '?')?.action).toBe('help');
    expect(lookup(['run', 'global'], 'q')?.action).toBe('quit');
    expect(lookup(['list', 'global'], 'ctrl+c')?.action).toBe('quit');
  });

  it('searches contexts most specific first', () => {
    expect(lookup(['lesson', 'run'], 'r')?.action).toBe('restartStep');
    expect(lookup(['help', 'global'], '?')?.action).toBe('close');
  });

  it('generates help from the table: every binding appears', () => {
    const lines = helpLines(['global', 'run', 'lesson', 'sandbox', 'menu', 'quiz', 'list', 'input', 'help', 'lab', 'comparePick', 'compare', 'compareExit']);
    const texts = lines.map((l) => l.text).filter(Boolean);
    for (const b of BINDINGS) expect(texts).toContain(b.description);
  });

  it('generates the footer from the table and always keeps help and quit', () => {
    const all = footerBindings(['run', 'global']).map((b) => b.action);
    expect(all).toContain('playPause');
    for (const w of [40, 80, 200]) {
      const items = footerText(['lesson', 'run'], w);
      const words = items.map((i) => i.word);
      expect(words).toContain('help');
      expect(words).toContain('quit');
      const len = items.reduce((n, x) => n + x.key.length + x.word.length + 3, 0);
      if (w >= 40) expect(len).toBeLessThanOrEqual(w + 3);
    }
  });
});

describe('keyName', () => {
  it('names special keys', () => {
    expect(keyName(' ', noKey)).toBe('space');
    expect(keyName('', { ...noKey, rightArrow: true })).toBe('right');
    expect(keyName('', { ...noKey, tab: true, shift: true })).toBe('shift+tab');
    expect(keyName('c', { ...noKey, ctrl: true })).toBe('ctrl+c');
    expect(keyName('', { ...noKey, return: true })).toBe('enter');
    expect(keyName('', { ...noKey, escape: true })).toBe('escape');
    expect(keyName('q', noKey)).toBe('q');
  });
});

describe('uiReducer', () => {
  it('opens and closes overlays, toggles help', () => {
    let s = initialUiState();
    s = uiReducer(s, { type: 'open', overlay: 'perturb' });
    expect(s.overlay).toBe('perturb');
    s = uiReducer(s, { type: 'close' });
    expect(s.overlay).toBe('none');
    s = uiReducer(s, { type: 'toggleHelp' });
    expect(s.overlay).toBe('help');
    s = uiReducer(s, { type: 'toggleHelp' });
    expect(s.overlay).toBe('none');
  });

  it('cycles focus over the panes of the screen', () => {
    let s = initialUiState(['ladder', 'log']);
    s = uiReducer(s, { type: 'focusNext' });
    expect(s.focus).toBe('log');
    s = uiReducer(s, { type: 'focusNext' });
    expect(s.focus).toBe('ladder');
    s = uiReducer(s, { type: 'focusPrev' });
    expect(s.focus).toBe('log');
  });

  it('scrolls the focused pane, never below zero, and follow resets', () => {
    let s = initialUiState();
    s = uiReducer(s, { type: 'scrollBack', by: 3 });
    expect(s.scroll.ladder).toBe(3);
    s = uiReducer(s, { type: 'scrollForward', by: 10 });
    expect(s.scroll.ladder).toBe(0);
    s = uiReducer(s, { type: 'scrollBack' });
    s = uiReducer(s, { type: 'follow' });
    expect(s.scroll.ladder).toBe(0);
  });

  it('wraps the cursor and resets it on a new tab', () => {
    let s = initialUiState();
    s = uiReducer(s, { type: 'cursor', delta: -1, length: 4 });
    expect(s.cursor).toBe(3);
    s = uiReducer(s, { type: 'nextTab', tabs: 2 });
    expect(s.tab).toBe(1);
    expect(s.cursor).toBe(0);
    s = uiReducer(s, { type: 'toggleDiagram' });
    expect(s.diagram).toBe(true);
  });
});
