/**
 * What the keys of the live view do, shared by the lesson player and the sandbox. Screen-specific
 * actions (next lesson step, choose scenario...) are passed to `other`.
 */
import type { Dispatch } from 'react';
import type { Binding, KeyContext } from './keys/bindings.js';
import { nextTypedId, type UiAction, type UiState } from './keys/uiState.js';
import { appliedMessage, perturbEntries, PERTURB_TABS, targetOf, withValue, type MenuEntry } from './perturbMenu.js';
import { menuPerturbation, parseTyped } from '../lessons/uiActions.js';
import { inspectItems } from './components/Inspect.js';
import { helpLines } from './components/HelpScreen.js';
import type { SimController } from './simController.js';
import type { Perturbation } from '../sim/scenario.js';
import { connectionsIn } from '../diagram/connections.js';
import { nextMatch, searchTrace, visibleAfter } from './eventSearch.js';

export interface RunKeyEnv {
  ctrl: SimController;
  ui: UiState;
  dispatch: Dispatch<UiAction>;
  /** How a chosen perturbation is applied (a challenge records it through the lesson player). */
  applyPerturbation: (p: Perturbation, entry: MenuEntry) => void;
  /** Items of a screen-specific picker (the sandbox's scenario list). */
  pickerLength?: () => number;
  onPick?: (index: number) => void;
  onExport?: () => void;
  /** Actions this module does not know (lesson/sandbox keys). */
  other?: (b: Binding, key: string) => void;
  helpContexts: readonly KeyContext[];
  /** False on a lesson step with no simulation yet: perturb and inspect have nothing to act on. */
  canRun?: boolean;
}

/** The contexts to look keys up in, given what is open. */
export function runContexts(ui: UiState, screen: 'lesson' | 'sandbox'): KeyContext[] {
  if (ui.overlay === 'help') return ['help'];
  if (ui.input) return ['input'];
  if (ui.overlay === 'inspect') return ['inspect', 'list'];
  if (ui.overlay !== 'none') return ['list'];
  if (ui.search?.editing) return ['search'];
  if (ui.search) return ['found', screen, 'run'];
  return [screen, 'run'];
}

export function overlayLength(env: RunKeyEnv): number {
  const st = env.ctrl.getState();
  switch (env.ui.overlay) {
    case 'perturb':
      return perturbEntries(st.snapshot, env.ui.tab).length;
    case 'inspect':
      return inspectItems(st.snapshot.inFlight, st.trace.slice(0, st.traceLength)).length;
    case 'scenarios':
      return env.pickerLength?.() ?? 0;
    case 'help':
      return helpLines(env.helpContexts).length;
    default:
      return 0;
  }
}

/** Apply a perturb entry (with the number typed for it) and say what is now in force. */
function applyEntry(env: RunKeyEnv, entry: MenuEntry, value: number | undefined): void {
  const before = env.ctrl.getState().snapshot.policies;
  const action = withValue(entry.action, value);
  env.applyPerturbation(menuPerturbation(action), entry);
  env.dispatch({ type: 'close', all: true });
  env.dispatch({ type: 'message', text: appliedMessage(action, before, targetOf(entry).replace(/\s+/g, ' ')) });
}

/** Show the match after `from` in the event log, and say which of how many it is. */
function showMatch(env: RunKeyEnv, text: string, from: number | null, direction: 'older' | 'newer'): void {
  const st = env.ctrl.getState();
  const matches = searchTrace(st.trace, st.traceLength, text);
  const m = nextMatch(matches, from, direction);
  env.dispatch({ type: 'searchShow', match: m, after: m === null ? 0 : visibleAfter(st.trace, st.traceLength, m) });
  env.dispatch({
    type: 'message',
    text: m === null ? `/${text}: no match in the event log (esc ends the search)` : `/${text}: match ${matches.indexOf(m) + 1} of ${matches.length} (n older, N newer, esc ends)`,
  });
}

/** Keys of the search prompt and of an active search; false if `b` is none of them. */
function handleSearchKey(b: Binding, key: string, env: RunKeyEnv): boolean {
  const { ui, dispatch } = env;
  const typing = (text: string) => {
    const st = env.ctrl.getState();
    const n = text.trim() === '' ? 0 : searchTrace(st.trace, st.traceLength, text).length;
    dispatch({ type: 'message', text: `/${text}▏ ${text.trim() === '' ? 'type what to find' : `${n} match${n === 1 ? '' : 'es'}`} (enter finds, esc cancels)` });
  };
  switch (b.action) {
    case 'search':
      env.ctrl.pause();
      dispatch({ type: 'searchStart' });
      typing('');
      return true;
    case 'searchChar': {
      if (!ui.search) return false;
      const ch = key === 'space' ? ' ' : key;
      dispatch({ type: 'searchChar', ch });
      typing(ui.search.text + ch);
      return true;
    }
    case 'erase':
      if (!ui.search?.editing) return false;
      dispatch({ type: 'searchErase' });
      typing(ui.search.text.slice(0, -1));
      return true;
    case 'apply':
      if (!ui.search?.editing) return false;
      if (ui.search.text.trim() === '') {
        dispatch({ type: 'searchEnd' });
        return true;
      }
      showMatch(env, ui.search.text, null, 'older');
      return true;
    case 'searchNext':
    case 'searchPrev':
      if (!ui.search) return false;
      showMatch(env, ui.search.text, ui.search.match, b.action === 'searchNext' ? 'older' : 'newer');
      return true;
    case 'close':
      if (!ui.search || ui.overlay !== 'none') return false;
      dispatch({ type: 'searchEnd' });
      dispatch({ type: 'follow' });
      return true;
    default:
      return false;
  }
}

export function handleRunKey(b: Binding, key: string, env: RunKeyEnv): void {
  const { ctrl, ui, dispatch } = env;
  if (ui.message) dispatch({ type: 'message', text: null });
  if (handleSearchKey(b, key, env)) return;
  switch (b.action) {
    case 'toStart':
      ctrl.toStart();
      dispatch({ type: 'follow' });
      return;
    case 'toEnd':
      ctrl.toEnd();
      dispatch({ type: 'follow' });
      return;
    case 'help':
      dispatch({ type: 'toggleHelp' });
      return;
    case 'close':
      dispatch({ type: 'close' });
      return;
    case 'up':
    case 'down': {
      const by = key === 'pageup' || key === 'pagedown' ? 10 : 1;
      dispatch({ type: 'cursor', delta: b.action === 'up' ? -by : by, length: overlayLength(env) });
      return;
    }
    case 'typeId': {
      const st = ctrl.getState();
      const items = inspectItems(st.snapshot.inFlight, st.trace.slice(0, st.traceLength));
      const typed = nextTypedId(ui.typed, key, items.reduce((m, it) => Math.max(m, it.seg.id), 0));
      const index = items.findIndex((it) => String(it.seg.id) === typed);
      dispatch({ type: 'typeId', typed, index: index >= 0 ? index : undefined });
      return;
    }
    case 'focusNext':
      if (ui.overlay === 'perturb') dispatch({ type: 'nextTab', tabs: PERTURB_TABS.length });
      else if (ui.overlay === 'none') dispatch({ type: 'focusNext' });
      return;
    case 'focusPrev':
      dispatch({ type: 'focusPrev' });
      return;
    case 'typeChar':
      dispatch({ type: 'inputChar', ch: key });
      return;
    case 'erase':
      dispatch({ type: 'inputErase' });
      return;
    case 'apply': {
      const entry = perturbEntries(ctrl.getState().snapshot, ui.tab)[ui.cursor];
      if (!entry?.ask || !ui.input) return;
      const r = parseTyped(entry.ask.range, ui.input.text);
      if ('error' in r) dispatch({ type: 'inputError', error: r.error });
      else applyEntry(env, entry, r.value);
      return;
    }
    case 'select': {
      if (ui.overlay === 'perturb') {
        const entry = perturbEntries(ctrl.getState().snapshot, ui.tab)[ui.cursor];
        if (!entry) return;
        // An entry that needs a number opens a prompt; the rest apply at once.
        if (entry.ask) dispatch({ type: 'inputStart' });
        else applyEntry(env, entry, undefined);
      } else if (ui.overlay === 'scenarios') {
        env.onPick?.(ui.cursor);
        dispatch({ type: 'close' });
      } else dispatch({ type: 'close' });
      return;
    }
    case 'playPause':
      ctrl.togglePlay();
      return;
    case 'step':
      ctrl.step();
      return;
    case 'stepBack':
      ctrl.stepBack();
      return;
    case 'faster':
      ctrl.faster();
      return;
    case 'slower':
      ctrl.slower();
      return;
    case 'toggleSkipIdle':
      ctrl.toggleSkipIdle();
      return;
    case 'skipToNext':
      ctrl.skipToNext();
      return;
    case 'perturb':
    case 'inspect':
      if (env.canRun === false) {
        dispatch({ type: 'message', text: 'Nothing is running in this step yet: ] goes on to the next one.' });
        return;
      }
      if (b.action === 'inspect') {
        ctrl.pause();
        dispatch({ type: 'open', overlay: 'inspect' });
        return;
      }
      // Perturbing happens on a paused run, so "the segment in flight" is the one on screen.
      ctrl.pause();
      dispatch({ type: 'open', overlay: 'perturb' });
      return;
    case 'toggleDiagram':
      dispatch({ type: 'toggleDiagram' });
      return;
    case 'scrollBack':
    case 'scrollForward': {
      // Ladder and log count rows back from "now"; the narrative counts lines down from its top.
      const back = (b.action === 'scrollBack') !== (ui.focus === 'narrative');
      const by = key === 'pageup' || key === 'pagedown' ? 10 : 1;
      dispatch({ type: back ? 'scrollBack' : 'scrollForward', by });
      return;
    }
    case 'follow':
      dispatch({ type: 'follow' });
      return;
    case 'toggleNetwork':
      dispatch({ type: 'toggleNetwork' });
      return;
    case 'connNext':
    case 'connPrev': {
      const st = ctrl.getState();
      const count = connectionsIn(st.trace.slice(0, st.traceLength)).length;
      dispatch({ type: 'connFocus', delta: b.action === 'connNext' ? 1 : -1, count });
      if (count <= 1) dispatch({ type: 'message', text: 'Only one connection so far: nothing else to focus.' });
      return;
    }
    case 'connAll':
      dispatch({ type: 'connAll' });
      return;
    case 'export':
      env.onExport?.();
      return;
    default:
      env.other?.(b, key);
  }
}
